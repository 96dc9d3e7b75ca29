import { BASE, SLOW, assert, createVal, picture, save, scenario, setCode, signUp, uniqueName } from '../harness.mjs';

const SCRIPT_RESULTS = {
    greet: 'Hello, world!',
    visitCounter: 'Run number 1',
    guestbook: 'a visitor signed; 1 signature(s) so far',
};

scenario('a new user learns what the first token is for and starts from examples that run as they are', async ({ page }) => {
    await page.goto(`${BASE}/`);
    assert.equal(await page.locator('#welcome-examples li').count(), 6, 'the welcome page says what Valbox is for');

    const username = await signUp(page, 'olga');
    const notice = page.locator('.notice', { has: page.locator('#first-token') });
    assert.match(await notice.textContent(), /You do not need it to use this site/);
    assert.match(await notice.textContent(), /revoke it in Settings/);
    await page.locator('#no-vals').waitFor();
    assert.equal(await page.locator('#examples li[data-example]').count(), 6);
    await picture(page, 'onboarding-examples');

    const examples = await page.locator('#examples li[data-example]').evaluateAll((items) =>
        items.map((item) => ({ name: item.dataset.example, type: item.querySelector('.badge').textContent })),
    );
    for (const { name, type } of examples) {
        await page.goto(`${BASE}/`);
        await page.locator(`#examples li[data-example=${name}] button`).click();
        await page.waitForURL(`${BASE}/u/${username}/${name}`, { timeout: SLOW });
        assert.equal(await page.locator('#val-type').textContent(), type, name);
        assert.equal(await page.locator('#privacy').evaluate((e) => e.value), 'private', name);
        assert.equal(await page.locator('#compile-errors li').count(), 0, `${name} compiles`);
        if (type === 'script') {
            await page.click('#run');
            const result = page.locator('#run-result');
            await result.waitFor({ timeout: SLOW });
            assert.equal(JSON.parse(await result.textContent()), SCRIPT_RESULTS[name], name);
        } else if (type === 'http') {
            const body = page.frameLocator('#preview').locator('body', { hasText: '"hello":"world"' });
            await body.waitFor({ timeout: SLOW });
            assert.deepEqual(JSON.parse(await body.textContent()), { method: 'GET', path: '/', hello: 'world' });
        } else if (type === 'interval') {
            await page.click('#run-now');
            await page.locator('#evaluations tr.evaluation[data-status=ok]').first().waitFor({ timeout: SLOW });
        } else if (type === 'email') {
            await page.locator('#email-panel').waitFor();
        }
    }

    await page.goto(`${BASE}/`);
    await page.locator(`#examples li[data-example=greet] button`).click();
    await page.locator('#examples .status.error', { hasText: /greet/ }).waitFor();
    assert.equal(page.url(), `${BASE}/`, 'a name already taken is refused where the user clicked');
});

scenario('a public val of someone else is forked into a private val of your own', async ({ page }) => {
    const author = await signUp(page, 'pia');
    const name = uniqueName('shared');
    const code = 'export default function () {\n  return "forked code";\n}\n';
    await createVal(page, { name, type: 'script', privacy: 'public' });
    await setCode(page, code);
    assert.equal(await save(page), 'Saved v1');
    await page.click('#logout');
    await page.goto(`${BASE}/u/${author}/${name}`);
    await page.locator('#val-name').waitFor();
    assert.equal(await page.locator('#fork').count(), 0, 'only a signed-in user can fork');

    const forker = await signUp(page, 'quinn');
    await page.goto(`${BASE}/u/${author}/${name}`);
    await page.click('#fork');
    await page.waitForURL(`${BASE}/u/${forker}/${name}`, { timeout: SLOW });
    await page.locator('#save').waitFor();
    assert.equal(await page.locator('#editor .CodeMirror').evaluate((el) => el.CodeMirror.getValue()), code);
    assert.equal(await page.locator('#privacy').evaluate((e) => e.value), 'private', 'a fork starts private');
    await page.click('#run');
    await page.locator('#run-result').waitFor({ timeout: SLOW });
    assert.equal(JSON.parse(await page.locator('#run-result').textContent()), 'forked code');

    await page.goto(`${BASE}/u/${author}/${name}`);
    await page.click('#fork');
    await page.locator('#fork-status.error', { hasText: `you already have a val named '${name}'` }).waitFor();
    assert.equal(page.url(), `${BASE}/u/${author}/${name}`, 'a fork whose name is taken stays on the page, saying why');
});
