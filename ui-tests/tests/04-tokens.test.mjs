import { BASE, assert, call, picture, scenario, signUp } from '../harness.mjs';

scenario('an API token made in Settings works with curl-like calls, within its scopes, until revoked', async ({ page }) => {
    const username = await signUp(page, 'frank');
    await page.goto(`${BASE}/settings`);
    await page.locator('#profile-username', { hasText: username }).waitFor();

    await page.fill('#token-name', 'deploy script');
    await page.selectOption('#token-val', 'write');
    await page.selectOption('#token-user', 'read');
    await page.selectOption('#token-expiry', '30');
    await page.click('#token-form button[type=submit]');
    const token = (await page.locator('#new-token-value').textContent()).trim();
    assert.match(token, /^vbx_[0-9A-Za-z]{30}$/);
    assert.equal(await page.inputValue('#token-name'), '', 'the form is reset');
    assert.equal(await page.inputValue('#token-val'), 'read', 'to its defaults');
    const row = page.locator('#tokens tr[data-token="deploy script"]');
    await row.waitFor();
    assert.deepEqual((await row.locator('.scopes-cell').textContent()).split(' ').sort(), ['user:read', 'val:read', 'val:write']);
    await picture(page, 'settings');

    const me = await call('GET', '/v1/me', token);
    assert.equal(me.status, 200);
    assert.equal(me.json.username, username);
    const created = await call('POST', '/v1/vals', token, { name: 'fromCurl', type: 'script', privacy: 'public', code: 'export default () => 42;' });
    assert.equal(created.status, 200, created.text);
    const tokens = await call('GET', '/v1/me/tokens', token);
    assert.equal(tokens.status, 403, 'no user:write');
    assert.match(tokens.json.detail, /Token does not have the required permissions/);

    // The val made with the token shows up on the home page.
    await page.goto(`${BASE}/`);
    await page.locator('#my-vals tr[data-val=fromCurl]').waitFor();
    await page.locator('#my-vals tr[data-val=fromCurl] td', { hasText: 'never run' }).waitFor();
    await picture(page, 'home');

    await page.goto(`${BASE}/settings`);
    await page.locator('#tokens tr[data-token="deploy script"] button.revoke').click();
    await page.locator('#tokens tr[data-token="deploy script"]').waitFor({ state: 'detached' });
    assert.equal((await call('GET', '/v1/me', token)).status, 401);
});
