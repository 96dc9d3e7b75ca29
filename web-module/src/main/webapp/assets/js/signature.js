// Reads the parameters of a script val's default export from its source, as Windmill builds a form from a script's
// signature: names, declared types and whether each may be left out. It reads; it never runs anything. A signature
// it cannot read gives no parameters, and the raw JSON arguments stay the way to run the val.

const OPENERS = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** [{name, type, optional}] for `export default [async] function [name](…)` or `export default [async] (…) =>`. */
export function parameters(code) {
    const start = /export\s+default\s+(?:async\s+)?(?:function\s*\*?\s*[A-Za-z_$][\w$]*\s*|function\s*\*?\s*)?(?:<[^>()]*>\s*)?\(/.exec(code ?? '');
    if (!start) return [];
    const open = start.index + start[0].length - 1;
    const inside = balanced(code, open);
    if (inside === null) return [];
    return splitTopLevel(inside)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text, index) => parameter(text, index));
}

function parameter(text, index) {
    const withoutDefault = splitTopLevel(text, '=')[0].trim();
    const hasDefault = withoutDefault.length < text.length;
    const colon = splitTopLevel(withoutDefault, ':');
    let name = colon[0].trim();
    const type = colon.length > 1 ? colon.slice(1).join(':').trim() : 'unknown';
    let optional = hasDefault;
    if (name.endsWith('?')) {
        optional = true;
        name = name.slice(0, -1).trim();
    }
    if (name.startsWith('...')) return { name: name.slice(3), type, optional: true, rest: true };
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) name = `argument ${index + 1}`; // a destructured parameter
    return { name, type, optional };
}

/** The text between the bracket at `open` and its partner, skipping strings; null when unbalanced. */
function balanced(code, open) {
    const stack = [];
    for (let i = open; i < code.length; i++) {
        const c = code[i];
        if (c === '"' || c === "'" || c === '`') {
            i = skipString(code, i);
            continue;
        }
        if (c === '=' && code[i + 1] === '>') {
            i++;
            continue;
        }
        if (OPENERS[c]) stack.push(OPENERS[c]);
        else if (c === stack[stack.length - 1]) {
            stack.pop();
            if (stack.length === 0) return code.slice(open + 1, i);
        }
    }
    return null;
}

function skipString(code, i) {
    const quote = code[i];
    for (let j = i + 1; j < code.length; j++) {
        if (code[j] === '\\') j++;
        else if (code[j] === quote) return j;
    }
    return code.length;
}

/** Splits at `separator` where no bracket or string is open. */
function splitTopLevel(text, separator = ',') {
    const parts = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
            i = skipString(text, i);
        } else if (c === '=' && text[i + 1] === '>') {
            i++;
        } else if ('([{<'.includes(c)) {
            depth++;
        } else if (')]}>'.includes(c)) {
            depth--;
        } else if (c === separator && depth === 0 && !(separator === '=' && (text[i + 1] === '=' || text[i - 1] === '!' || text[i - 1] === '<' || text[i - 1] === '>'))) {
            parts.push(text.slice(from, i));
            from = i + 1;
            if (separator === '=') break;
        }
    }
    parts.push(text.slice(from));
    return separator === '=' && parts.length > 1 ? [parts[0], text.slice(parts[0].length + 1)] : parts;
}

/** How a parameter's value is entered: a text box, a number, a checkbox, or JSON for anything else. */
export function inputKind(type) {
    const t = type.replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
    if (t === 'string') return 'text';
    if (t === 'number') return 'number';
    if (t === 'boolean') return 'checkbox';
    return 'json';
}
