// The UI builds pages with DOM APIs only (assets/js/dom.js): no string ever becomes markup. This keeps it that way.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web-module/src/main/webapp');
const SINKS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|createContextualFragment|setHTMLUnsafe/;

function sources(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? sources(file) : entry.name.endsWith('.js') ? [file] : [];
    });
}

test('no HTML sinks in the UI code', () => {
    const files = sources(path.join(root, 'assets/js'));
    assert.ok(files.length > 5, 'found the UI sources');
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        assert.doesNotMatch(text, SINKS, path.relative(root, file));
    }
});

test('index.html has no inline script or style', () => {
    const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'every script has a src');
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
});
