import { SLOW, assert, createVal, picture, save, scenario, setCode, signUp, uniqueName } from '../harness.mjs';

scenario('a script val: run it with arguments, read its result and logs, as text only', async ({ page }) => {
    await signUp(page, 'dave');
    await createVal(page, { name: uniqueName('greet'), type: 'script' });
    await setCode(
        page,
        [
            'export default function greet(name: string, times: number) {',
            '  console.log(`greeting ${name}`);',
            '  console.warn("<img src=x onerror=alert(1)>");',
            '  return { greeting: `Hello, ${name}!`.repeat(times) };',
            '}',
            '',
        ].join('\n'),
    );
    assert.equal(await save(page), 'Saved v1');

    await page.fill('#run-args', '["<b>Ada</b>", 2]');
    await page.click('#editor .CodeMirror-code');
    await page.keyboard.press('Control+Enter');
    const result = page.locator('#run-result');
    await result.waitFor({ timeout: SLOW });
    assert.deepEqual(JSON.parse(await result.textContent()), { greeting: 'Hello, <b>Ada</b>!Hello, <b>Ada</b>!' });

    const logs = page.locator('#run-output .log-text');
    await logs.first().waitFor();
    assert.deepEqual(await logs.allTextContents(), ['greeting <b>Ada</b>', '<img src=x onerror=alert(1)>']);
    assert.equal(await page.locator('#view b, #view img').count(), 0, 'user text never becomes markup');

    const row = page.locator('#evaluations tr.evaluation').first();
    await row.locator('.status-ok').waitFor({ timeout: SLOW });
    await row.locator('button', { hasText: 'Details' }).click();
    await page.locator('#evaluations .evaluation-details .log-text', { hasText: 'greeting <b>Ada</b>' }).waitFor();
    await picture(page, 'val-script');
});

scenario('a running evaluation shows as running, refreshes by itself, and can be cancelled', async ({ page }) => {
    await signUp(page, 'erin');
    await createVal(page, { name: uniqueName('slow'), type: 'script' });
    await setCode(page, 'export default async function () {\n  console.log("started");\n  await new Promise((resolve) => setTimeout(resolve, 60000));\n  return "never";\n}\n');
    assert.equal(await save(page), 'Saved v1');

    await page.click('#run');
    const running = page.locator('#evaluations tr.evaluation[data-status=running]');
    await running.waitFor({ timeout: SLOW });
    await running.locator('button.cancel').click();
    await page.locator('#evaluations tr.evaluation[data-status=cancelled]').waitFor({ timeout: SLOW });
    await page.locator('#run-panel .status.error').waitFor({ timeout: SLOW });
});

scenario("a script val's parameters make a form, read from its signature, that writes the JSON arguments", async ({ page }) => {
    await signUp(page, 'gus');
    await createVal(page, { name: uniqueName('form'), type: 'script' });
    await setCode(
        page,
        [
            'export default function order(item: string, count: number, gift?: boolean, options: { colour: string } = { colour: "red" }) {',
            '  return { item, count, gift: gift ?? false, colour: options.colour };',
            '}',
            '',
        ].join('\n'),
    );
    assert.equal(await save(page), 'Saved v1');
    const legend = page.locator('#parameters legend');
    await legend.waitFor();
    assert.equal(await page.getAttribute('#param-item', 'type'), 'text');
    assert.equal(await page.getAttribute('#param-count', 'type'), 'number');
    assert.equal(await page.getAttribute('#param-gift', 'type'), 'checkbox');
    assert.equal(await page.getAttribute('#param-options', 'type'), 'text', 'an object is entered as JSON');

    await page.fill('#param-item', 'tea <b>');
    await page.fill('#param-count', '3');
    assert.equal(await page.inputValue('#run-args'), '["tea <b>",3]', 'trailing parameters left empty are left out');
    await page.check('#param-gift');
    await page.fill('#param-options', '{"colour":"green"}');
    assert.equal(await page.inputValue('#run-args'), '["tea <b>",3,true,{"colour":"green"}]');

    await page.click('#run');
    const result = page.locator('#run-result');
    await result.waitFor({ timeout: SLOW });
    assert.deepEqual(JSON.parse(await result.textContent()), { item: 'tea <b>', count: 3, gift: true, colour: 'green' });

    // A new signature after a save gives a new form.
    await setCode(page, 'export default (city: string) => city.toUpperCase();\n');
    assert.equal(await save(page), 'Saved v2');
    await page.locator('#param-city').waitFor();
    assert.equal(await page.locator('#param-item').count(), 0);
});
