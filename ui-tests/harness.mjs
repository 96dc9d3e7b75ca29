// What every browser test shares: one headless Chromium per test file, a fresh browser context (so a fresh session)
// per scenario, a screenshot of every open page when a scenario fails, and helpers that drive the UI as a person would.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE = process.env.VALBOX_URL ?? fail('VALBOX_URL is not set: run the tests with node run.mjs');
const OUT = process.env.UI_OUT ?? 'target/ui-tests';
const SCREENSHOTS = process.env.UI_SCREENSHOTS;
export const PASSWORD = 'correct horse battery staple';
/** The first save on a busy machine may wait for a compiler worker; nothing in the UI should take longer. */
export const SLOW = 120_000;

function fail(message) {
    throw new Error(message);
}

let browser;
async function theBrowser() {
    browser ??= await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return browser;
}
after(async () => {
    await browser?.close();
});

/**
 * A browser test. The body gets {page, newUser}: page belongs to a fresh context; newUser() opens another context
 * (another person, with their own cookie) and answers its page. Uncaught page errors and CSP violations fail it.
 */
export function scenario(name, body, { timeout = 300_000 } = {}) {
    test(name, { timeout }, async () => {
        const contexts = [];
        const problems = [];
        const open = async () => {
            const context = await (await theBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
            context.setDefaultTimeout(30_000);
            contexts.push(context);
            const page = await context.newPage();
            page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
            page.on('console', (message) => {
                if (/Content.Security.Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
            });
            page.on('dialog', (dialog) => (dialog.type() === 'confirm' ? dialog.accept() : (problems.push(`dialog: ${dialog.message()}`), dialog.dismiss())));
            return page;
        };
        try {
            const page = await open();
            await body({ page, newUser: open });
            assert.deepEqual(problems, [], 'the pages had errors');
        } catch (error) {
            const dir = path.join(OUT, 'failures');
            fs.mkdirSync(dir, { recursive: true });
            const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
            let n = 0;
            for (const context of contexts) {
                for (const page of context.pages()) {
                    await page.screenshot({ path: path.join(dir, `${slug}-${++n}.png`), fullPage: true }).catch(() => {});
                }
            }
            if (problems.length) console.error(`page problems in "${name}":\n  ${problems.join('\n  ')}`);
            throw error;
        } finally {
            for (const context of contexts) await context.close().catch(() => {});
        }
    });
}

/** Saves a picture of the page for docs/screenshots when UI_SCREENSHOTS names a directory. */
export async function picture(page, name) {
    if (!SCREENSHOTS) return;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function uniqueName(prefix) {
    return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(0, 30);
}

export async function signUp(page, prefix = 'user') {
    const username = uniqueName(prefix);
    await page.goto(`${BASE}/signup`);
    await page.fill('#signup-form input[name=username]', username);
    await page.fill('#signup-form input[name=email]', `${username}@example.com`);
    await page.fill('#signup-form input[name=password]', PASSWORD);
    await page.click('#signup-form button[type=submit]');
    await page.waitForURL(`${BASE}/`);
    await page.locator('#new-val').waitFor();
    return username;
}

export async function logIn(page, username) {
    await page.goto(`${BASE}/login`);
    await page.fill('#login-form input[name=username]', username);
    await page.fill('#login-form input[name=password]', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.locator('#logout').waitFor();
}

/** New val from the home page; answers when its editor is on screen. */
export async function createVal(page, { name, type, privacy = 'private' }) {
    await page.goto(`${BASE}/`);
    await page.click('#new-val');
    await page.fill('#new-val-form input[name=name]', name);
    await page.selectOption('#new-val-form select[name=type]', type);
    await page.selectOption('#new-val-form select[name=privacy]', privacy);
    await page.click('#new-val-form button[type=submit]');
    await page.waitForURL(new RegExp(`/u/[^/]+/${name}$`), { timeout: SLOW });
    await page.locator('#editor .CodeMirror').waitFor();
}

/** Replaces the code in the editor, as a paste would. */
export async function setCode(page, code) {
    await page.locator('#editor .CodeMirror').evaluate((element, text) => element.CodeMirror.setValue(text), code);
}

/** Ctrl+S in the editor; answers the save status once the save finished. */
export async function save(page) {
    await page.click('#editor .CodeMirror-code');
    await page.keyboard.press('Control+s');
    const saved = page.locator('#save-status', { hasText: /Saved v\d+|Not saved/ });
    await saved.waitFor({ timeout: SLOW });
    return (await saved.textContent()).trim();
}

/** A request to the API as a program makes it: with a bearer token, no cookie. */
export async function call(method, pathname, token, body) {
    const response = await fetch(`${BASE}${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try {
        json = JSON.parse(text);
    } catch {
        // not JSON
    }
    return { status: response.status, json, text };
}

const CONTROL_ROLES = new Set(['button', 'link', 'textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'switch', 'slider', 'spinbutton', 'separator', 'tab', 'menuitem']);

/**
 * The controls on the page that assistive technology would announce without a name, as Chromium computes names
 * (its accessibility tree, through the DevTools protocol): "role (tag#id)" for each.
 */
export async function unnamedControls(page) {
    const cdp = await page.context().newCDPSession(page);
    try {
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const unnamed = nodes.filter((node) => !node.ignored && CONTROL_ROLES.has(node.role?.value) && !(node.name?.value ?? '').trim());
        const described = [];
        for (const node of unnamed) {
            let where = `backend node ${node.backendDOMNodeId}`;
            try {
                const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
                const { result } = await cdp.send('Runtime.callFunctionOn', {
                    objectId: object.objectId,
                    functionDeclaration: 'function () { return this.tagName.toLowerCase() + (this.id ? "#" + this.id : "") + (this.className && typeof this.className === "string" ? "." + this.className.split(" ").join(".") : ""); }',
                    returnByValue: true,
                });
                where = result.value;
            } catch {
                // a node without a DOM element: keep its number
            }
            described.push(`${node.role.value} (${where})`);
        }
        return described;
    } finally {
        await cdp.detach().catch(() => {});
    }
}

/** Whether anything on the page is wider than the window (the page scrolls sideways). */
export async function overflowsSideways(page) {
    return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export { assert };
