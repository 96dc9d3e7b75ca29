import { BASE, SLOW, assert, createVal, picture, save, scenario, signUp, uniqueName } from '../harness.mjs';

scenario('a private val is a 404 page for another user; unlisted opens by link but is not listed', async ({ page, newUser }) => {
    const alice = await signUp(page, 'gina');
    const name = uniqueName('secret');
    await createVal(page, { name, type: 'script', privacy: 'public' });
    assert.equal(await save(page), 'Saved v1');

    const bob = await newUser();
    await signUp(bob, 'hank');
    await bob.goto(`${BASE}/u/${alice}/${name}`);
    await bob.locator('#val-name', { hasText: name }).waitFor();
    assert.equal(await bob.locator('#save').count(), 0, 'no Save for someone else');
    assert.equal(await bob.locator('#editor .CodeMirror').evaluate((el) => el.CodeMirror.getOption('readOnly')), true, 'the editor is read-only');
    await bob.fill('#search-form input', name);
    await bob.press('#search-form input', 'Enter');
    await bob.locator(`#search-results tr[data-val=${name}]`).waitFor();

    await page.selectOption('#privacy', 'unlisted');
    await page.locator('#save-status', { hasText: 'Privacy is now unlisted' }).waitFor();
    await bob.goto(`${BASE}/u/${alice}/${name}`);
    await bob.locator('#val-name', { hasText: name }).waitFor();
    await bob.goto(`${BASE}/u/${alice}`);
    await bob.locator('#user-vals-empty').waitFor();

    await page.selectOption('#privacy', 'private');
    await page.locator('#save-status', { hasText: 'Privacy is now private' }).waitFor();
    await bob.goto(`${BASE}/u/${alice}/${name}`);
    await bob.locator('#not-found').waitFor({ timeout: SLOW });
    assert.equal(await bob.title(), 'Not found · Valbox');
    await picture(bob, 'not-found');
    assert.equal(await bob.locator('#editor').count(), 0);

    // Its author still sees and lists it.
    await page.goto(`${BASE}/u/${alice}`);
    await page.locator(`#user-vals tr[data-val=${name}] .privacy-private`).waitFor();
});
