import { api, enc, get, session } from '../api.js';
import { copyButton, field, fill, h, link, select, status } from '../dom.js';
import { when } from '../format.js';

const RESOURCES = [
    ['val', 'Vals'],
    ['user', 'Account (profile, tokens, env vars)'],
    ['blob', 'Blobs'],
    ['sqlite', 'SQLite'],
    ['email', 'Email'],
];
const EXPIRIES = [
    ['', 'Never'],
    ['7', 'In 7 days'],
    ['30', 'In 30 days'],
    ['90', 'In 90 days'],
    ['365', 'In a year'],
];

/** /settings: profile, API tokens and env vars. */
export async function settingsPage(ctx) {
    if (!session.user()) {
        ctx.navigate('/login?next=/settings', { replace: true });
        return;
    }
    ctx.title('Settings');
    const me = await get('/v1/me');
    fill(ctx.view, h('h1', {}, 'Settings'), profileSection(me), tokensSection(), envSection());
}

function profileSection(me) {
    return h(
        'section',
        { class: 'card', id: 'profile' },
        h('h2', {}, 'Profile'),
        h(
            'dl',
            { class: 'facts' },
            h('dt', {}, 'Username'),
            h('dd', { id: 'profile-username' }, me.username),
            h('dt', {}, 'Email'),
            h('dd', {}, me.email ?? '—'),
            h('dt', {}, 'Bio'),
            h('dd', {}, me.bio ?? '—'),
            h('dt', {}, 'User id'),
            h('dd', {}, h('code', {}, me.id)),
            h('dt', {}, 'Public page'),
            h('dd', {}, link(`/u/${enc(me.username)}`, `/u/${me.username}`)),
        ),
    );
}

// --- API tokens ---------------------------------------------------------------------------------------------------

function tokensSection() {
    const list = h('tbody');
    const listStatus = status();
    const created = h('div', { id: 'new-token' });

    const refresh = async () => {
        try {
            const tokens = await get('/v1/me/tokens');
            fill(
                list,
                tokens.map((token) =>
                    h(
                        'tr',
                        { 'data-token': token.name },
                        h('td', {}, token.name),
                        h('td', { class: 'scopes-cell' }, token.scopes.length ? token.scopes.join(' ') : 'no scopes'),
                        h('td', {}, when(token.createdAt)),
                        h('td', {}, token.expiresAt ? new Date(token.expiresAt).toLocaleDateString() : 'never'),
                        h('td', {}, token.lastUsedAt ? when(token.lastUsedAt) : 'never'),
                        h('td', {}, h('button', { type: 'button', class: 'danger small revoke', onclick: () => revoke(token) }, 'Revoke')),
                    ),
                ),
            );
            if (!tokens.length) list.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No API tokens.')));
        } catch (error) {
            listStatus.show(error.message, 'error');
        }
    };
    const revoke = async (token) => {
        if (!confirm(`Revoke the token “${token.name}”? Programs using it stop working at once.`)) return;
        try {
            await api('DELETE', `/v1/me/tokens/${enc(token.id)}`);
            listStatus.show(`Revoked ${token.name}`);
            refresh();
        } catch (error) {
            listStatus.show(error.message, 'error');
        }
    };

    const name = h('input', { name: 'name', required: true, maxlength: 100, id: 'token-name' });
    const levels = RESOURCES.map(([resource, label]) => {
        const choice = select(resource, [['none', 'None'], ['read', 'Read'], ['write', 'Read and write']], resource === 'val' ? 'read' : 'none');
        choice.id = `token-${resource}`;
        return [resource, field(label, choice), choice];
    });
    const expiry = select('expiry', EXPIRIES, '');
    expiry.id = 'token-expiry';
    const formStatus = status();
    const form = h(
        'form',
        { id: 'token-form' },
        h('h3', {}, 'New token'),
        field('Name', name),
        h('div', { class: 'row wrap' }, levels.map(([, label]) => label)),
        field('Expires', expiry),
        h('button', { type: 'submit' }, 'Create token'),
        formStatus,
    );
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const scopes = [];
        for (const [resource, , choice] of levels) {
            if (choice.value === 'read' || choice.value === 'write') scopes.push(`${resource}:read`);
            if (choice.value === 'write') scopes.push(`${resource}:write`);
        }
        const body = { name: name.value.trim(), scopes };
        if (expiry.value) body.expiresAt = new Date(Date.now() + Number(expiry.value) * 86_400_000).toISOString();
        try {
            const token = await api('POST', '/v1/me/tokens', body);
            formStatus.clear();
            form.reset();
            const value = h('code', { class: 'secret', id: 'new-token-value' }, token.token);
            fill(
                created,
                h(
                    'div',
                    { class: 'notice' },
                    h('p', {}, h('strong', {}, `Token “${token.name}” created.`), ' Copy it now: it is shown only this once.'),
                    h('p', { class: 'row' }, value, copyButton(token.token)),
                ),
            );
            refresh();
        } catch (error) {
            formStatus.show(error.message, 'error');
        }
    });

    refresh();
    return h(
        'section',
        { class: 'card', id: 'tokens' },
        h('h2', {}, 'API tokens'),
        h('p', { class: 'muted' }, 'Programs use these with “Authorization: Bearer <token>”. Write does not include read.'),
        h('table', { class: 'list' }, h('thead', {}, h('tr', {}, ['Name', 'Scopes', 'Created', 'Expires', 'Last used', ''].map((t) => h('th', {}, t)))), list),
        listStatus,
        created,
        form,
    );
}

// --- Env vars -----------------------------------------------------------------------------------------------------

function envSection() {
    const list = h('tbody');
    const listStatus = status();

    const setValue = async (key, value, message) => {
        await api('PUT', `/v1/me/env/${enc(key)}`, { value });
        message.show(`Saved ${key}`);
        refresh();
    };

    const refresh = async () => {
        let vars;
        try {
            vars = await get('/v1/me/env');
        } catch (error) {
            listStatus.show(error.status === 404 ? 'This server does not have env vars yet.' : error.message, 'error');
            return;
        }
        fill(
            list,
            vars.map((envVar) => {
                const replacement = h('input', { type: 'password', autocomplete: 'off', placeholder: 'new value', 'aria-label': `New value for ${envVar.key}`, class: 'replace-value' });
                const replace = h(
                    'form',
                    { class: 'row inline' },
                    replacement,
                    h('button', { type: 'submit', class: 'secondary small' }, 'Replace'),
                );
                replace.addEventListener('submit', async (event) => {
                    event.preventDefault();
                    try {
                        await setValue(envVar.key, replacement.value, listStatus);
                    } catch (error) {
                        listStatus.show(error.message, 'error');
                    }
                });
                const remove = async () => {
                    if (!confirm(`Delete the env var ${envVar.key}?`)) return;
                    try {
                        await api('DELETE', `/v1/me/env/${enc(envVar.key)}`);
                        listStatus.show(`Deleted ${envVar.key}`);
                        refresh();
                    } catch (error) {
                        listStatus.show(error.message, 'error');
                    }
                };
                return h(
                    'tr',
                    { 'data-env': envVar.key },
                    h('td', {}, h('code', {}, envVar.key)),
                    h('td', {}, when(envVar.updatedAt ?? envVar.createdAt)),
                    h('td', {}, replace),
                    h('td', {}, h('button', { type: 'button', class: 'danger small delete-env', onclick: remove }, 'Delete')),
                );
            }),
        );
        if (!vars.length) list.append(h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'No env vars.')));
    };

    const key = h('input', { name: 'key', required: true, pattern: '[A-Za-z_][A-Za-z0-9_]{0,63}', id: 'env-key', autocomplete: 'off' });
    const value = h('input', { name: 'value', type: 'password', id: 'env-value', autocomplete: 'off' });
    const formStatus = status();
    const form = h(
        'form',
        { id: 'env-form' },
        h('h3', {}, 'Add or replace'),
        h('div', { class: 'row' }, field('Key', key), field('Value', value)),
        h('button', { type: 'submit' }, 'Save env var'),
        formStatus,
    );
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
            await setValue(key.value.trim(), value.value, formStatus);
            form.reset();
        } catch (error) {
            formStatus.show(error.message, 'error');
        }
    });

    refresh();
    return h(
        'section',
        { class: 'card', id: 'env' },
        h('h2', {}, 'Environment variables'),
        h('p', { class: 'muted' }, 'Your vals read these with Deno.env.get("KEY") or process.env.KEY. Values are encrypted and never shown again.'),
        h('table', { class: 'list' }, h('thead', {}, h('tr', {}, ['Key', 'Updated', '', ''].map((t) => h('th', {}, t)))), list),
        listStatus,
        form,
    );
}
