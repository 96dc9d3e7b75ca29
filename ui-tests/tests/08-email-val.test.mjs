import { assert, createVal, scenario, signUp, uniqueName } from '../harness.mjs';

scenario('an email val shows the address that runs it', async ({ page }) => {
    const username = await signUp(page, 'fay');
    const name = uniqueName('Inbox');
    await createVal(page, { name, type: 'email' });
    // The browser tests' server takes mail for the host of its site URL (localhost).
    assert.equal(await page.locator('#email-address').textContent(), `${username}.${name}@localhost`);
    assert.equal(await page.locator('#endpoint-panel, #run-panel').count(), 0, 'an email val has no endpoint and no Run');
});
