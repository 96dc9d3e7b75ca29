import { all, enc, get, post, session } from '../api.js';
import { copyButton, field, fill, h, link, select, status } from '../dom.js';
import { when } from '../format.js';
import { DEFAULT_SCHEDULE, EXAMPLES, PRIVACIES, TEMPLATES, TYPES } from '../templates.js';
import { takeFirstToken } from './auth.js';

export async function homePage(ctx) {
    const user = session.user();
    if (!user) return welcome(ctx);
    ctx.title('My vals');
    const vals = await all(`/v1/users/${enc(user.id)}/vals`);
    const token = takeFirstToken();
    const list = h('tbody');
    const newVal = newValForm(ctx, user);
    newVal.hidden = true;
    fill(
        ctx.view,
        token && firstTokenNotice(token),
        h(
            'div',
            { class: 'heading' },
            h('h1', {}, 'My vals'),
            h('button', { type: 'button', id: 'new-val', onclick: () => { newVal.hidden = !newVal.hidden; newVal.querySelector('input').focus(); } }, 'New val'),
        ),
        newVal,
        vals.length === 0
            ? h('p', { class: 'muted', id: 'no-vals' }, 'You have no vals yet. Start one with “New val”, or from an example below.')
            : h('table', { class: 'list', id: 'my-vals' }, h('thead', {}, h('tr', {}, ['Name', 'Type', 'Privacy', 'Version', 'Last run'].map((t) => h('th', {}, t)))), list),
        examplesSection(ctx, user),
    );
    for (const val of vals) {
        const lastRun = h('td', { class: 'muted' }, '…');
        list.append(
            h(
                'tr',
                { 'data-val': val.name },
                h('td', {}, link(`/u/${enc(user.username)}/${enc(val.name)}`, val.name)),
                h('td', {}, h('span', { class: 'badge' }, val.type)),
                h('td', {}, h('span', { class: `badge privacy-${val.privacy}` }, val.privacy)),
                h('td', {}, `v${val.version}`),
                lastRun,
            ),
        );
        // The last run's status, one small request per val; the list is shown without waiting for them.
        get(`/v1/vals/${enc(val.id)}/evaluations?limit=1`).then(
            (page) => {
                const last = page.data[0];
                fill(lastRun, last ? [h('span', { class: `badge status-${last.status}` }, last.status), ' ', when(last.startedAt)] : 'never run');
            },
            () => fill(lastRun, '—'),
        );
    }
}

function newValForm(ctx, user) {
    const name = h('input', { name: 'name', required: true, pattern: '[A-Za-z_][A-Za-z0-9_]{0,47}', placeholder: 'myVal' });
    const type = select('type', TYPES, 'http');
    const privacy = select('privacy', PRIVACIES.slice(0, 3), 'private');
    const message = status();
    const form = h(
        'form',
        { class: 'card', id: 'new-val-form' },
        h('h2', {}, 'New val'),
        h('div', { class: 'row' }, field('Name', name), field('Template', type), field('Privacy', privacy)),
        h('button', { type: 'submit' }, 'Create'),
        message,
    );
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        await create(ctx, user, message, { name: name.value.trim(), type: type.value, privacy: privacy.value, code: TEMPLATES[type.value] });
    });
    return form;
}

/** Creates a val (an interval val with the default schedule) and opens it; a refusal is shown in {@code message}. */
async function create(ctx, user, message, val) {
    message.show('Creating…', 'busy');
    try {
        const created = await post('/v1/vals', { ...val, ...(val.type === 'interval' ? { schedule: DEFAULT_SCHEDULE } : {}) });
        ctx.navigate(`/u/${enc(user.username)}/${enc(created.name)}`);
    } catch (error) {
        message.show(error.message, 'error');
    }
}

/** Working vals to start from: each becomes a private val of the user's, named as the example. */
function examplesSection(ctx, user) {
    const message = status();
    return h(
        'section',
        { class: 'card', id: 'examples' },
        h('h2', {}, 'Start from an example'),
        h(
            'ul',
            { class: 'examples' },
            EXAMPLES.map((example) =>
                h(
                    'li',
                    { 'data-example': example.name },
                    h('div', {}, h('strong', {}, example.title), ' ', h('span', { class: 'badge' }, example.type)),
                    h('p', { class: 'muted' }, example.description),
                    h(
                        'button',
                        {
                            type: 'button',
                            class: 'secondary small',
                            onclick: () => create(ctx, user, message, { name: example.name, type: example.type, privacy: 'private', code: example.code }),
                        },
                        `Create ${example.name}`,
                    ),
                ),
            ),
        ),
        message,
    );
}

function firstTokenNotice(token) {
    const value = h('code', { class: 'secret', id: 'first-token' }, token);
    return h(
        'div',
        { class: 'card notice' },
        h('h2', {}, 'Welcome! Here is your first API token'),
        h(
            'p',
            {},
            'You do not need it to use this site. It is for your own scripts and tools that call the Valbox API as you ',
            '(curl, CI jobs, other programs): they send it as “Authorization: Bearer …”.',
        ),
        h(
            'p',
            {},
            'It has every scope, so it can do all you can: read, change and delete your vals, blobs and databases. ',
            'It is shown only now. If you have no use for it, revoke it in Settings; you can create tokens with fewer scopes there at any time.',
        ),
        h('p', { class: 'row' }, value, copyButton(token)),
    );
}

function welcome(ctx) {
    ctx.title('');
    fill(
        ctx.view,
        h(
            'div',
            { class: 'card narrow' },
            h('h1', {}, 'Valbox'),
            h('p', {}, 'Write small JavaScript and TypeScript programs, vals, in the browser and run them: as web endpoints, on a schedule, on email, or from your scripts.'),
            h('p', {}, 'What people build first:'),
            h('ul', { id: 'welcome-examples' }, EXAMPLES.map((example) => h('li', {}, h('strong', {}, example.title), ': ', example.description))),
            h('p', {}, link('/signup', 'Sign up'), ' to start from one of these, or ', link('/login', 'log in'), '. Public vals can be found with the search box above.'),
        ),
    );
}
