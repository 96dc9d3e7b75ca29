import { all, enc } from '../api.js';
import { fill, h, link } from '../dom.js';

/** /search?q=…: public vals (and your own) whose name, readme or code contains the text. */
export async function searchPage(ctx) {
    const q = (ctx.query.get('q') ?? '').trim();
    ctx.title(q ? `Search: ${q}` : 'Search');
    document.querySelector('#search-form input').value = q;
    if (!q) {
        fill(ctx.view, h('h1', {}, 'Search'), h('p', { class: 'muted' }, 'Type in the search box above.'));
        return;
    }
    const vals = await all(`/v1/search/vals?query=${enc(q)}`, 100);
    fill(
        ctx.view,
        h('h1', {}, 'Search: ', h('q', {}, q)),
        vals.length ? valTable(vals, 'search-results') : h('p', { class: 'muted', id: 'search-empty' }, 'No vals match.'),
    );
}

export function valTable(vals, id) {
    return h(
        'table',
        { class: 'list', id },
        h('thead', {}, h('tr', {}, ['Val', 'Type', 'Privacy', 'Version'].map((t) => h('th', {}, t)))),
        h(
            'tbody',
            {},
            vals.map((val) =>
                h(
                    'tr',
                    { 'data-val': val.name },
                    h('td', {}, link(`/u/${enc(val.author.username)}/${enc(val.name)}`, `${val.author.username}/${val.name}`)),
                    h('td', {}, h('span', { class: 'badge' }, val.type)),
                    h('td', {}, h('span', { class: `badge privacy-${val.privacy}` }, val.privacy)),
                    h('td', {}, `v${val.version}`),
                ),
            ),
        ),
    );
}
