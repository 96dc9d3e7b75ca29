// Needs the env vars API (GET/PUT/DELETE /v1/me/env[/key]) from the env-vars branch.
import { BASE, SLOW, assert, createVal, picture, save, scenario, setCode, signUp, uniqueName } from '../harness.mjs';

scenario('an env var set in Settings is used by a val, can be replaced and deleted, and is never shown', async ({ page }) => {
    await signUp(page, 'iris');
    const secret = `s3cret-${uniqueName('v')}`;
    await page.goto(`${BASE}/settings`);
    await page.fill('#env-key', 'GREETING');
    await page.fill('#env-value', secret);
    await page.click('#env-form button[type=submit]');
    await page.locator('#env tr[data-env=GREETING]').waitFor();
    assert.equal(await page.locator('#env-value').inputValue(), '', 'the value field is cleared');
    assert.ok(!(await page.content()).includes(secret), 'the value is nowhere on the page');
    await page.reload();
    await page.locator('#env tr[data-env=GREETING]').waitFor();
    assert.ok(!(await page.content()).includes(secret));
    await picture(page, 'settings-env');

    await createVal(page, { name: uniqueName('env'), type: 'http' });
    await setCode(page, 'export default () => new Response(`greeting=${Deno.env.get("GREETING")}`);\n');
    assert.equal(await save(page), 'Saved v1');
    await page.frameLocator('#preview').locator('body', { hasText: `greeting=${secret}` }).waitFor({ timeout: SLOW });
    const valPage = page.url();

    await page.goto(`${BASE}/settings`);
    const row = page.locator('#env tr[data-env=GREETING]');
    await row.locator('input.replace-value').fill('replaced');
    await row.locator('button', { hasText: 'Replace' }).click();
    await page.locator('#env .status', { hasText: 'Saved GREETING' }).waitFor();
    await page.goto(valPage);
    await page.frameLocator('#preview').locator('body', { hasText: 'greeting=replaced' }).waitFor({ timeout: SLOW });

    await page.goto(`${BASE}/settings`);
    await page.locator('#env tr[data-env=GREETING] button.delete-env').click();
    await page.locator('#env tr[data-env=GREETING]').waitFor({ state: 'detached' });
    await page.goto(valPage);
    await page.frameLocator('#preview').locator('body', { hasText: 'greeting=undefined' }).waitFor({ timeout: SLOW });
});
