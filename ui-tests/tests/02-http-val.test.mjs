import { BASE, SLOW, assert, createVal, picture, save, scenario, setCode, signUp, uniqueName } from '../harness.mjs';

scenario('an HTTP val: compile error at its line, fix, save, open the endpoint, compare versions', async ({ page }) => {
    const username = await signUp(page, 'carol');
    const name = uniqueName('hello');
    await createVal(page, { name, type: 'http', privacy: 'public' });
    const template = await page.locator('#editor .CodeMirror').evaluate((el) => el.CodeMirror.getValue());
    assert.match(template, /export default async function \(req: Request\)/, 'the HTTP template');
    await page.frameLocator('#preview').locator('body', { hasText: 'Hello, world!' }).waitFor({ timeout: SLOW });

    await setCode(page, 'export default async function (req: Request) {\n  const x = ;\n  return new Response("hi");\n}\n');
    assert.match(await save(page), /Saved v1 with 1 compile error/);
    await page.locator('#compile-errors li', { hasText: 'Line 2' }).waitFor();
    const marked = page.locator('#editor .CodeMirror-code > div').nth(1);
    assert.match(await marked.locator('.CodeMirror-linenumber').textContent(), /^2$/);
    assert.equal(await marked.locator('.compile-error-marker').count(), 1, 'a gutter marker on line 2');
    assert.equal(await marked.locator('.compile-error-line').count(), 1, 'line 2 is highlighted');
    await picture(page, 'val-compile-error');

    await setCode(page, 'export default async function (req: Request): Promise<Response> {\n  const who = new URL(req.url).searchParams.get("who") ?? "browser";\n  return new Response(`Hello, ${who}!`);\n}\n');
    assert.equal(await save(page), 'Saved v2');
    assert.equal(await page.locator('#compile-errors li').count(), 0);
    assert.equal(await page.locator('#editor .compile-error-marker').count(), 0);
    assert.equal(await page.locator('#val-version').textContent(), 'v2');

    const url = await page.locator('#endpoint-url').textContent();
    assert.equal(url, `${new URL(BASE).protocol}//${username}-${name.toLowerCase()}.web.run.localhost:${new URL(BASE).port}/`);
    await page.frameLocator('#preview').locator('body', { hasText: 'Hello, browser!' }).waitFor({ timeout: SLOW });
    await page.locator('#evaluations tr.evaluation[data-status=ok] td', { hasText: /^http$/ }).first().waitFor();

    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click('#open-endpoint')]);
    await tab.waitForLoadState();
    assert.equal((await tab.locator('body').textContent()).trim(), 'Hello, browser!');
    assert.ok(tab.url().startsWith(url));
    await tab.close();

    // The diff between the last two versions: the broken line removed, the fixed lines added.
    await page.locator('#diff tr.removed', { hasText: 'const x = ;' }).waitFor();
    await page.locator('#diff tr.added', { hasText: 'searchParams' }).waitFor();
    await page.selectOption('#diff-from', '0');
    await page.locator('#diff tr.removed', { hasText: 'world' }).waitFor();
    await picture(page, 'val-http');
});
