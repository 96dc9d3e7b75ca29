// Needs val token scopes (PUT /v1/vals/{id} {scopes}, and scopes in GET /v1/vals/{id}) from the val-tokens branch.
import { assert, createVal, scenario, signUp, uniqueName } from '../harness.mjs';

const ALL = ['val:read', 'val:write', 'user:read', 'user:write', 'blob:read', 'blob:write', 'sqlite:read', 'sqlite:write', 'email:read', 'email:write'];

async function checked(page) {
    return page.locator('#scopes-form input[name=scope]').evaluateAll((boxes) => boxes.filter((b) => b.checked).map((b) => b.value));
}

scenario("a val token's scopes default to all but val:write and user:write, and the author can change them", async ({ page }) => {
    await signUp(page, 'jack');
    await createVal(page, { name: uniqueName('scoped'), type: 'script' });
    assert.deepEqual(await checked(page), ALL.filter((s) => s !== 'val:write' && s !== 'user:write'));

    await page.uncheck('#scope-blob-write');
    await page.check('#scope-val-write');
    await page.click('#scopes-form button[type=submit]');
    await page.locator('#scopes-form .status.ok', { hasText: 'Scopes saved' }).waitFor();

    await page.reload();
    await page.locator('#scopes-form').waitFor();
    assert.deepEqual(await checked(page), ALL.filter((s) => s !== 'user:write' && s !== 'blob:write'));
});
