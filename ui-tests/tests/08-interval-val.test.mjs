import { SLOW, assert, createVal, picture, save, scenario, setCode, signUp, uniqueName } from '../harness.mjs';

scenario('an interval val: set its schedule, see its next run, and run it now', async ({ page }) => {
    await signUp(page, 'ivy');
    await createVal(page, { name: uniqueName('tick'), type: 'interval' });
    assert.equal(await page.inputValue('#schedule'), 'every 1 hours', 'a new interval val runs hourly');
    assert.match(await page.textContent('#next-run'), /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    assert.equal(await page.textContent('#last-run'), '—');

    await page.fill('#schedule', '61 * * * *');
    await page.click('#save-schedule');
    await page.locator('#schedule-status.error', { hasText: 'minute 61' }).waitFor();

    await page.fill('#schedule', '*/5 * * * *');
    await page.click('#save-schedule');
    await page.locator('#schedule-status', { hasText: 'Schedule saved' }).waitFor();
    const next = (await page.textContent('#next-run')).trim();
    assert.equal(Number(next.slice(-2)) % 5, 0, `next run ${next} is on a five-minute mark`);

    await setCode(page, 'export default async function (interval: Interval) {\n  console.log("<b>tick</b>");\n  return { first: interval.lastRunAt === undefined };\n}\n');
    assert.equal(await save(page), 'Saved v1');
    await page.click('#run-now');
    const result = page.locator('#run-result');
    await result.waitFor({ timeout: SLOW });
    assert.deepEqual(JSON.parse(await result.textContent()), { first: true });
    await page.locator('#last-run', { hasText: /^\d{4}-/ }).waitFor();
    const row = page.locator('#evaluations tr.evaluation').first();
    await row.locator('.status-ok').waitFor({ timeout: SLOW });
    assert.match(await row.textContent(), /interval/);
    assert.equal(await page.locator('#view b').count(), 0, 'logs stay text');
    await picture(page, 'val-interval');
});
