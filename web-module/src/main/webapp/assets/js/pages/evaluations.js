import { api, enc, get } from '../api.js';
import { fill, h } from '../dom.js';
import { duration, json, when } from '../format.js';

/** A val's evaluations, newest first; refreshes itself every second while one of them is running. */
export function evaluationList(val) {
    const body = h('tbody');
    const message = h('p', { class: 'status' });
    const open = new Set();
    let timer = null;
    let stopped = false;

    const element = h(
        'div',
        {},
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary small', id: 'refresh-evaluations', onclick: () => refresh() }, 'Refresh'), message),
        h('table', { class: 'list evaluations' }, h('thead', {}, h('tr', {}, ['Status', 'Trigger', 'Version', 'Started', 'Duration', ''].map((t) => h('th', {}, t)))), body),
    );

    async function refresh() {
        clearTimeout(timer);
        if (stopped) return;
        let page;
        try {
            page = await get(`/v1/vals/${enc(val.id)}/evaluations?limit=20`);
        } catch (error) {
            message.textContent = error.message;
            return;
        }
        if (stopped) return;
        message.textContent = page.data.length ? '' : 'No runs yet.';
        fill(body, page.data.map((evaluation) => rows(evaluation)));
        if (page.data.some((e) => e.status === 'running')) timer = setTimeout(refresh, 1000);
    }

    function rows(evaluation) {
        const details = h('tr', { class: 'details', hidden: !open.has(evaluation.id) }, h('td', { colspan: 6 }, evaluationDetails(evaluation)));
        const toggle = h('button', { type: 'button', class: 'linklike', 'aria-expanded': String(open.has(evaluation.id)) }, open.has(evaluation.id) ? 'Hide' : 'Details');
        toggle.addEventListener('click', () => {
            const show = details.hidden;
            details.hidden = !show;
            toggle.textContent = show ? 'Hide' : 'Details';
            toggle.setAttribute('aria-expanded', String(show));
            if (show) open.add(evaluation.id);
            else open.delete(evaluation.id);
        });
        const cancel =
            evaluation.status === 'running' &&
            h('button', {
                type: 'button',
                class: 'danger small cancel',
                onclick: async (event) => {
                    event.target.disabled = true;
                    try {
                        await api('POST', `/v1/vals/${enc(val.id)}/evaluations/${enc(evaluation.id)}/cancel`, {});
                    } catch (error) {
                        message.textContent = error.message;
                    }
                    refresh();
                },
            }, 'Cancel');
        return [
            h(
                'tr',
                { class: 'evaluation', 'data-status': evaluation.status, 'data-id': evaluation.id },
                h('td', {}, h('span', { class: `badge status-${evaluation.status}` }, evaluation.status)),
                h('td', {}, evaluation.trigger),
                h('td', {}, evaluation.version === null ? '—' : `v${evaluation.version}`),
                h('td', { title: evaluation.startedAt }, when(evaluation.startedAt)),
                h('td', {}, evaluation.status === 'running' ? 'running…' : duration(evaluation.durationMs)),
                h('td', {}, toggle, ' ', cancel),
            ),
            details,
        ];
    }

    refresh();
    return {
        element,
        refresh,
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
    };
}

/** One evaluation's logs, error and return value, all as text. */
export function evaluationDetails(evaluation) {
    const logs = evaluation.logs ?? [];
    return h(
        'div',
        { class: 'evaluation-details' },
        h(
            'div',
            { class: 'logs' },
            logs.length === 0
                ? h('p', { class: 'muted' }, 'No logs.')
                : logs.map((entry) =>
                      h(
                          'div',
                          { class: `log log-${entry.level}` },
                          h('span', { class: 'log-time' }, entry.time ? new Date(entry.time).toLocaleTimeString() : ''),
                          h('span', { class: 'log-level' }, entry.level),
                          h('span', { class: 'log-text' }, entry.text),
                      ),
                  ),
        ),
        evaluation.error &&
            h('pre', { class: 'code error' }, `${evaluation.error.name ?? 'Error'}: ${evaluation.error.message ?? ''}${evaluation.error.stack ? '\n' + evaluation.error.stack : ''}`),
        evaluation.returnValue !== null && evaluation.returnValue !== undefined && h('div', {}, h('span', { class: 'muted' }, 'Returned '), h('code', {}, json(evaluation.returnValue))),
        h('p', { class: 'muted small' }, `${evaluation.status} · ${duration(evaluation.durationMs)} · ${evaluation.trigger}`),
    );
}
