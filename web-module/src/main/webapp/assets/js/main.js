import { ApiError, api, session, whenSessionLost } from './api.js';
import { fill, h, link } from './dom.js';
import { loginPage, signupPage } from './pages/auth.js';
import { homePage } from './pages/home.js';
import { notFoundPage } from './pages/notfound.js';
import { searchPage } from './pages/search.js';
import { settingsPage } from './pages/settings.js';
import { userPage } from './pages/user.js';
import { valPage } from './pages/val.js';

// Keep in step with SitePages.PAGES on the server, which answers these paths with index.html.
const ROUTES = [
    [/^\/$/, homePage],
    [/^\/login$/, loginPage],
    [/^\/signup$/, signupPage],
    [/^\/settings$/, settingsPage],
    [/^\/search$/, searchPage],
    [/^\/u\/([^/]+)$/, userPage],
    [/^\/u\/([^/]+)\/([^/]+)$/, valPage],
];

const view = document.getElementById('view');
let cleanup = null;
let rendering = 0;

export function navigate(path, { replace = false } = {}) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    render();
}

/** The page context every page gets: where to draw, the route's parameters, and the app's helpers. */
function context(params) {
    return {
        view,
        params: params.map(decodeURIComponent),
        query: new URLSearchParams(location.search),
        navigate,
        refreshNav: drawNav,
        title(text) {
            document.title = text ? `${text} · Valbox` : 'Valbox';
        },
    };
}

async function render() {
    const ticket = ++rendering;
    if (cleanup) {
        try {
            cleanup();
        } catch (e) {
            console.error(e);
        }
        cleanup = null;
    }
    drawNav();
    const path = location.pathname;
    const route = ROUTES.find(([pattern]) => pattern.test(path));
    const ctx = context(route ? path.match(route[0]).slice(1) : []);
    fill(view, h('p', { class: 'muted' }, 'Loading…'));
    try {
        const result = route ? await route[1](ctx) : notFoundPage(ctx);
        if (ticket === rendering) cleanup = typeof result === 'function' ? result : null;
        else if (typeof result === 'function') result();
    } catch (error) {
        if (ticket !== rendering) return;
        if (error instanceof ApiError && error.status === 404) {
            notFoundPage(ctx);
        } else {
            console.error(error);
            ctx.title('Error');
            fill(view, h('h1', {}, 'Something went wrong'), h('p', { class: 'status error' }, error.message));
        }
    }
}

function drawNav() {
    const nav = document.getElementById('nav');
    const user = session.user();
    if (user) {
        fill(
            nav,
            link('/', 'My vals'),
            link(`/u/${encodeURIComponent(user.username)}`, user.username),
            link('/settings', 'Settings'),
            h('button', { type: 'button', class: 'linklike', id: 'logout', onclick: logout }, 'Log out'),
        );
    } else {
        fill(nav, link('/login', 'Log in'), link('/signup', 'Sign up'));
    }
}

async function logout() {
    try {
        await api('POST', '/v1/logout');
    } finally {
        session.clear();
        navigate('/login');
    }
}

whenSessionLost(() => {
    const back = location.pathname + location.search;
    navigate(`/login?next=${encodeURIComponent(back)}`, { replace: true });
});

document.addEventListener('click', (event) => {
    const anchor = event.target.closest?.('a[data-route]');
    if (!anchor || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href'));
});

document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new FormData(event.target).get('q').trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
});

window.addEventListener('popstate', render);
render();
