import { BASE, PASSWORD, assert, logIn, picture, scenario, signUp } from '../harness.mjs';

scenario('signing up logs you in and shows your first API token once', async ({ page }) => {
    await page.goto(`${BASE}/signup`);
    await picture(page, 'signup');
    const username = await signUp(page, 'alice');
    assert.match(await page.locator('#first-token').textContent(), /^vbx_[0-9A-Za-z]{30}$/);
    assert.equal(await page.locator('#nav a', { hasText: username }).count(), 1);
    await page.reload();
    assert.equal(await page.locator('#first-token').count(), 0, 'the token is shown only once');
    await page.locator('#no-vals').waitFor();
});

scenario('logging out ends the session; logging in again restores it', async ({ page }) => {
    const username = await signUp(page, 'bob');
    await page.click('#logout');
    await page.waitForURL(`${BASE}/login`);
    const me = await page.evaluate(async () => (await fetch('/v1/me')).status);
    assert.equal(me, 401, 'the cookie no longer authenticates');

    await page.fill('#login-form input[name=username]', username);
    await page.fill('#login-form input[name=password]', 'not the password');
    await page.click('#login-form button[type=submit]');
    await page.locator('#login-form .status.error', { hasText: 'Wrong username or password' }).waitFor();

    await logIn(page, username);
    await page.waitForURL(`${BASE}/`);
    assert.equal(await page.evaluate(async () => (await fetch('/v1/me')).status), 200);
    assert.ok(PASSWORD);
});

scenario('every page is served with a strict Content-Security-Policy', async ({ page }) => {
    for (const path of ['/', '/login', '/settings', '/u/nobody/nothing', '/assets/js/main.js']) {
        const response = await page.goto(`${BASE}${path}`);
        const policy = response.headers()['content-security-policy'];
        assert.match(policy, /default-src 'self'/, path);
        assert.match(policy, /script-src 'self';/, path);
        assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, path);
        assert.match(policy, /frame-src \*\.web\.run\.localhost:\*/, path);
    }
    const unknown = await page.goto(`${BASE}/no/such/page`);
    assert.equal(unknown.status(), 404);
    await page.locator('#not-found').waitFor();
});
