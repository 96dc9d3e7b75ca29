// The version diff's algorithm, without a browser: it is a plain ES module of the UI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineDiff } from '../../web-module/src/main/webapp/assets/js/diff.js';

const show = (lines) => lines.map((l) => l.op + l.text);

test('equal texts are all context, with both line numbers', () => {
    assert.deepEqual(lineDiff('a\nb\n', 'a\nb\n'), [
        { op: ' ', text: 'a', a: 1, b: 1 },
        { op: ' ', text: 'b', a: 2, b: 2 },
    ]);
});

test('a changed line is removed then added, between common lines', () => {
    assert.deepEqual(show(lineDiff('a\nb\nc', 'a\nB\nc')), [' a', '-b', '+B', ' c']);
});

test('insertions and deletions keep the longest common subsequence', () => {
    assert.deepEqual(show(lineDiff('x\na\nb\nc\ny', 'x\nb\nc\nd\ny')), [' x', '-a', ' b', ' c', '+d', ' y']);
    const lines = lineDiff('1\n2\n3', '0\n1\n3\n4');
    assert.deepEqual(show(lines), ['+0', ' 1', '-2', ' 3', '+4']);
    assert.deepEqual(lines.find((l) => l.text === '3'), { op: ' ', text: '3', a: 3, b: 3 });
});

test('empty texts and texts that only grow', () => {
    assert.deepEqual(lineDiff('', ''), [{ op: ' ', text: '', a: 1, b: 1 }]);
    assert.deepEqual(show(lineDiff('a', 'a\nb\nc')), [' a', '+b', '+c']);
});

test('a huge change falls back to removed-then-added instead of a huge table', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    const lines = lineDiff(before, after);
    assert.equal(lines.length, 6000);
    assert.ok(lines.slice(0, 3000).every((l) => l.op === '-'));
    assert.ok(lines.slice(3000).every((l) => l.op === '+'));
});
