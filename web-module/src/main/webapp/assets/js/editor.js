import { h } from './dom.js';

// CodeMirror 5 (from its WebJar, loaded by index.html as classic scripts) in TypeScript mode. Compile errors are
// marked on their line: a highlighted line and a gutter marker whose tooltip is the message.

export function createEditor(parent, { code, label, readOnly = false, onSave, onRun, onChange }) {
    const keys = {
        Tab: (cm) => (cm.somethingSelected() ? cm.indentSelection('add') : cm.replaceSelection('  ')),
        'Shift-Tab': (cm) => cm.indentSelection('subtract'),
    };
    for (const mod of ['Ctrl', 'Cmd']) {
        keys[`${mod}-S`] = () => onSave?.();
        keys[`${mod}-Enter`] = () => onRun?.();
    }
    const cm = window.CodeMirror(parent, {
        value: code,
        mode: 'text/typescript',
        lineNumbers: true,
        matchBrackets: true,
        autoCloseBrackets: !readOnly,
        styleActiveLine: !readOnly,
        indentUnit: 2,
        tabSize: 2,
        readOnly,
        // The editor's input is what assistive technology meets: it needs a name like any other control.
        screenReaderLabel: label,
        viewportMargin: Infinity,
        gutters: ['CodeMirror-linenumbers', 'compile-errors'],
        extraKeys: keys,
    });
    if (onChange) cm.on('change', onChange);
    let marked = [];

    return {
        cm,
        get value() {
            return cm.getValue();
        },
        set value(text) {
            cm.setValue(text);
        },
        focus() {
            cm.focus();
        },
        clearErrors() {
            for (const line of marked) {
                cm.removeLineClass(line, 'background', 'compile-error-line');
                cm.setGutterMarker(line, 'compile-errors', null);
            }
            marked = [];
        },
        markErrors(errors) {
            this.clearErrors();
            for (const error of errors ?? []) {
                const line = Math.min(Math.max((error.line ?? 1) - 1, 0), cm.lineCount() - 1);
                const handle = cm.addLineClass(line, 'background', 'compile-error-line');
                cm.setGutterMarker(line, 'compile-errors', h('span', { class: 'compile-error-marker', title: error.message }, '●'));
                marked.push(handle);
            }
        },
        goTo(line, column) {
            cm.focus();
            cm.setCursor({ line: Math.max((line ?? 1) - 1, 0), ch: Math.max((column ?? 1) - 1, 0) });
            cm.scrollIntoView(null, 80);
        },
    };
}
