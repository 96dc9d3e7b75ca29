import { api, serverConfig, session } from '../api.js';
import { field, fill, h, link, status } from '../dom.js';

/** Where to go after logging in: only an in-app path, never another site. */
function next(ctx) {
    const target = ctx.query.get('next');
    return target && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

async function logIn(username, password) {
    const answer = await api('POST', '/v1/login', { username, password });
    session.set({ csrfToken: answer.csrfToken, user: { id: answer.user.id, username: answer.user.username } });
}

export function loginPage(ctx) {
    ctx.title('Log in');
    const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const message = status();
    const form = h(
        'form',
        { class: 'card narrow', id: 'login-form' },
        h('h1', {}, 'Log in'),
        field('Username', username),
        field('Password', password),
        h('button', { type: 'submit' }, 'Log in'),
        message,
        h('p', { class: 'muted' }, 'No account yet? ', link('/signup', 'Sign up')),
    );
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        message.show('Logging in…', 'busy');
        try {
            await logIn(username.value.trim(), password.value);
            ctx.navigate(next(ctx), { replace: true });
        } catch (error) {
            message.show(error.message, 'error');
        }
    });
    fill(ctx.view, form);
    username.focus();
}

/** The signup answer's API token (every scope), shown once on the home page right after signing up. */
export let firstToken = null;
export function takeFirstToken() {
    const token = firstToken;
    firstToken = null;
    return token;
}

export async function signupPage(ctx) {
    ctx.title('Sign up');
    const config = await serverConfig();
    if (!config.signupEnabled) {
        fill(ctx.view, h('div', { class: 'card narrow' }, h('h1', {}, 'Sign up'), h('p', {}, 'Signing up is closed on this server. Ask an administrator for an account.')));
        return;
    }
    const username = h('input', { name: 'username', autocomplete: 'username', required: true, pattern: '[a-z][a-z0-9_]{1,29}', autofocus: true });
    const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
    const message = status();
    const form = h(
        'form',
        { class: 'card narrow', id: 'signup-form' },
        h('h1', {}, 'Sign up'),
        field('Username', username, 'Lowercase letters, digits and _; 2–30 characters, starting with a letter.'),
        field('Email', email),
        field('Password', password, 'At least 10 characters.'),
        h('button', { type: 'submit' }, 'Create account'),
        message,
        h('p', { class: 'muted' }, 'Already have an account? ', link('/login', 'Log in')),
    );
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        message.show('Creating your account…', 'busy');
        try {
            const created = await api('POST', '/v1/signup', { username: username.value.trim(), email: email.value.trim(), password: password.value });
            await logIn(created.user.username, password.value);
            firstToken = created.token;
            ctx.navigate('/', { replace: true });
        } catch (error) {
            message.show(error.message, 'error');
        }
    });
    fill(ctx.view, form);
    username.focus();
}
