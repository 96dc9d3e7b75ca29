// Builds the page with DOM APIs only. Text always goes in as text nodes, never as HTML: nothing a user wrote (names,
// code, logs, errors) can become markup. There is deliberately no innerHTML anywhere in the app.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'readOnly', 'hidden']);

/** h('a', {href: '/x', class: 'link', onclick: fn}, 'text', childNode, [more]) */
export function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'class') el.className = value;
        else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
        else if (PROPERTIES.has(key)) el[key] = value;
        else el.setAttribute(key, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
}

export function append(el, ...children) {
    for (const child of [children].flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        el.append(child instanceof Node ? child : String(child));
    }
    return el;
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
    el.replaceChildren();
    return append(el, children);
}

/** An in-app link: the router handles the click without reloading the page. */
export function link(path, ...children) {
    return h('a', { href: path, 'data-route': true }, ...children);
}

let hints = 0;

/**
 * A labelled input. A hint is not part of the label (a screen reader would read it as the field's name): it stands
 * beside it and describes the input.
 */
export function field(label, input, hint) {
    const labelled = h('label', { class: 'field-input' }, h('span', { class: 'label' }, label), input);
    if (!hint) return h('div', { class: 'field' }, labelled);
    const id = `hint-${++hints}`;
    input.setAttribute('aria-describedby', id);
    return h('div', { class: 'field' }, labelled, h('small', { class: 'muted', id }, hint));
}

/** A select whose initial choice is also what a form reset returns to. */
export function select(name, options, selected) {
    return h(
        'select',
        { name },
        options.map(([value, text]) => {
            const option = h('option', { value }, text);
            option.defaultSelected = value === selected;
            return option;
        }),
    );
}

/** A message area for one form or action: ok/error/busy texts, announced to screen readers. */
export function status() {
    const el = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    el.show = (text, kind = 'ok') => {
        el.className = 'status ' + kind;
        el.textContent = text;
    };
    el.clear = () => {
        el.className = 'status';
        el.textContent = '';
    };
    return el;
}

/** A button that copies text to the clipboard. */
export function copyButton(getText, label = 'Copy') {
    const button = h('button', { type: 'button', class: 'secondary small' }, label);
    button.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(typeof getText === 'function' ? getText() : getText);
            button.textContent = 'Copied';
        } catch {
            button.textContent = 'Copy failed: select and copy';
        }
        setTimeout(() => (button.textContent = label), 1500);
    });
    return button;
}
