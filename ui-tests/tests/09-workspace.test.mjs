import { BASE, SLOW, assert, createVal, overflowsSideways, picture, scenario, signUp, uniqueName, unnamedControls } from '../harness.mjs';

const PHONE = { width: 390, height: 844 };

scenario('the val workspace: the editor beside preview and logs on a wide screen, stacked on a phone, nothing cut off', async ({ page }) => {
    await signUp(page, 'wanda');
    const name = uniqueName('side');
    await createVal(page, { name, type: 'http', privacy: 'public' });
    await page.frameLocator('#preview').locator('body', { hasText: 'Hello, world!' }).waitFor({ timeout: SLOW });

    const editor = await page.locator('#editor').boundingBox();
    const preview = await page.locator('#preview').boundingBox();
    assert.ok(preview.x >= editor.x + editor.width, `the preview is beside the editor: ${JSON.stringify({ editor, preview })}`);
    assert.ok(editor.width > 400 && preview.width > 300, 'both have room');
    assert.ok(preview.y < editor.y + editor.height, 'and level with it, not below the fold');
    await page.locator('#evaluations tr.evaluation').first().waitFor();
    assert.equal(await overflowsSideways(page), false, 'the evaluations beside the editor fit their column');

    // The splitter works from the keyboard: a wider editor, kept for the next val page.
    await page.focus('#workspace-splitter');
    const before = Number(await page.getAttribute('#workspace-splitter', 'aria-valuenow'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(Number(await page.getAttribute('#workspace-splitter', 'aria-valuenow')), before + 10);
    const wider = await page.locator('#editor').boundingBox();
    assert.ok(wider.width > editor.width + 50, `the editor grew: ${editor.width} -> ${wider.width}`);
    await page.reload();
    await page.locator('#editor .CodeMirror').waitFor();
    assert.equal(Number(await page.getAttribute('#workspace-splitter', 'aria-valuenow')), before + 10);
    await picture(page, 'workspace-desktop');

    await page.setViewportSize(PHONE);
    const valPage = page.url();
    for (const path of [valPage, `${BASE}/`, `${BASE}/settings`, `${BASE}/search?q=${name}`]) {
        await page.goto(path);
        await page.locator('main#view > *:not(p.muted)').first().waitFor();
        if (path === valPage) await page.locator('#editor .CodeMirror').waitFor();
        assert.equal(await overflowsSideways(page), false, `${path} fits 390 px`);
        const header = await page.locator('header.top').boundingBox();
        assert.ok(header.width <= PHONE.width, 'the header fits');
    }
    await page.goto(valPage);
    await page.locator('#editor .CodeMirror').waitFor();
    const stackedEditor = await page.locator('#editor').boundingBox();
    const stackedPreview = await page.locator('#preview').boundingBox();
    assert.ok(stackedPreview.y >= stackedEditor.y + stackedEditor.height, 'on a phone the preview is below the editor');
    assert.ok(stackedEditor.width <= PHONE.width, 'and the editor fits');
    assert.equal(await page.locator('#workspace-splitter').isVisible(), false, 'no splitter where nothing is side by side');
    await picture(page, 'workspace-phone');
});

scenario('dark mode follows the system preference, the editor included', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await signUp(page, 'dora');
    const name = uniqueName('dark');
    await createVal(page, { name, type: 'script' });
    const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\d+/g).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const colours = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        editor: getComputedStyle(document.querySelector('#editor .CodeMirror')).backgroundColor,
        card: getComputedStyle(document.querySelector('.card')).backgroundColor,
        keyword: getComputedStyle(document.querySelector('#editor .cm-keyword')).color,
    }));
    assert.ok(luminance(colours.body) < 40, `a dark page: ${colours.body}`);
    assert.ok(luminance(colours.editor) < 50, `a dark editor: ${colours.editor}`);
    assert.ok(luminance(colours.card) < 50, `dark cards: ${colours.card}`);
    assert.ok(luminance(colours.text) > 180, `light text: ${colours.text}`);
    assert.ok(luminance(colours.keyword) > 100, `keywords readable on it: ${colours.keyword}`);
    await picture(page, 'workspace-dark');

    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.querySelector('#editor .CodeMirror')).backgroundColor);
    assert.ok(luminance(light) > 200, `and light again when the system is: ${light}`);
});

scenario('every control has an accessible name, hints are not part of labels, opening a val to others asks first', async ({ page, newUser }) => {
    const stranger = await newUser();
    for (const path of ['/login', '/signup']) {
        await stranger.goto(`${BASE}${path}`);
        await stranger.locator('form button[type=submit]').waitFor();
        assert.deepEqual(await unnamedControls(stranger), [], `${path}: controls without a name`);
    }
    const hint = await stranger.evaluate(() => {
        const input = document.querySelector('#signup-form input[name=username]');
        return { label: input.labels[0].textContent, description: document.getElementById(input.getAttribute('aria-describedby'))?.textContent };
    });
    assert.equal(hint.label, 'Username', 'the label is the name alone');
    assert.match(hint.description, /Lowercase letters/, 'the hint describes the input');

    const username = await signUp(page, 'alma');
    for (const type of ['http', 'script', 'interval', 'email']) {
        const name = uniqueName(type);
        await createVal(page, { name, type });
        assert.deepEqual(await unnamedControls(page), [], `the ${type} val page: controls without a name`);
        const hintText = await page.locator('#keys-hint').textContent();
        if (type === 'email') assert.equal(hintText, 'Ctrl/Cmd+S saves', 'no Ctrl/Cmd+Enter hint where it does nothing');
        else assert.match(hintText, /Ctrl\/Cmd\+Enter/);
    }
    const editorName = await page.locator('#editor .CodeMirror textarea').getAttribute('aria-label');
    assert.match(editorName, new RegExp(`^Code of ${username}/`), 'the code editor is named');
    for (const path of ['/', '/settings']) {
        await page.goto(`${BASE}${path}`);
        await page.locator('main#view > *:not(p.muted)').first().waitFor();
        assert.deepEqual(await unnamedControls(page), [], `${path}: controls without a name`);
    }

    // Opening a private val to everyone asks first (the harness accepts the question).
    const name = uniqueName('open');
    await createVal(page, { name, type: 'script', privacy: 'private' });
    const asked = [];
    page.on('dialog', (dialog) => asked.push(dialog.message()));
    await page.selectOption('#privacy', 'public');
    await page.locator('#save-status', { hasText: 'Privacy is now public' }).waitFor();
    assert.equal(asked.length, 1, 'one question');
    assert.match(asked[0], /readable by everyone/);
    await page.selectOption('#privacy', 'private');
    await page.locator('#save-status', { hasText: 'Privacy is now private' }).waitFor();
    assert.equal(asked.length, 1, 'closing a val asks nothing');
});
