// A line diff: common prefix and suffix first, then a longest-common-subsequence table over the lines in between.
// Vals are small (at most 256,000 characters), so the table is affordable; past MAX_CELLS the middle is shown as
// removed-then-added rather than risk freezing the page.

const MAX_CELLS = 4_000_000;

/** [{op: ' ' | '-' | '+', text, a, b}] where a and b are 1-based line numbers in the old and new text. */
export function lineDiff(oldText, newText) {
    const a = split(oldText);
    const b = split(newText);
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const out = [];
    for (let i = 0; i < start; i++) out.push({ op: ' ', text: a[i], a: i + 1, b: i + 1 });
    out.push(...middle(a, b, start, endA, endB));
    for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ op: ' ', text: a[i], a: i + 1, b: j + 1 });
    return out;
}

function split(text) {
    const lines = (text ?? '').split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
}

function middle(a, b, start, endA, endB) {
    const n = endA - start;
    const m = endB - start;
    const out = [];
    if (n * m > MAX_CELLS) {
        for (let i = start; i < endA; i++) out.push({ op: '-', text: a[i], a: i + 1 });
        for (let j = start; j < endB; j++) out.push({ op: '+', text: b[j], b: j + 1 });
        return out;
    }
    // lcs[i][j]: length of the LCS of a[start+i..endA) and b[start+j..endB), in one flat array.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i * width + j] =
                a[start + i] === b[start + j]
                    ? lcs[(i + 1) * width + j + 1] + 1
                    : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
        }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[start + i] === b[start + j]) {
            out.push({ op: ' ', text: a[start + i], a: start + i + 1, b: start + j + 1 });
            i++;
            j++;
        } else if (i < n && (j === m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
            // On a tie, removals come first, as in most diffs.
            out.push({ op: '-', text: a[start + i], a: start + i + 1 });
            i++;
        } else {
            out.push({ op: '+', text: b[start + j], b: start + j + 1 });
            j++;
        }
    }
    return out;
}
