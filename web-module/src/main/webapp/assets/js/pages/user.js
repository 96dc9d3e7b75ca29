import { all, enc, get } from '../api.js';
import { fill, h } from '../dom.js';
import { valTable } from './search.js';

/** /u/{user}: a user's vals. Others see only the public ones; the user sees all of their own. */
export async function userPage(ctx) {
    const [username] = ctx.params;
    const user = await get(`/v1/alias/${enc(username)}`);
    const vals = await all(`/v1/users/${enc(user.id)}/vals`);
    ctx.title(user.username);
    fill(
        ctx.view,
        h('h1', { id: 'profile-name' }, user.username),
        user.bio && h('p', { class: 'bio' }, user.bio),
        vals.length ? valTable(vals, 'user-vals') : h('p', { class: 'muted', id: 'user-vals-empty' }, 'No vals to show.'),
    );
}
