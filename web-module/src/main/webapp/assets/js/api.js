// The REST API, exactly as programs use it, authenticated by the session cookie. The cookie is HttpOnly; the CSRF
// token from the login answer lives in sessionStorage and goes with every state-changing request.

const KEY = 'valbox.session';

export const session = {
    get() {
        try {
            return JSON.parse(sessionStorage.getItem(KEY));
        } catch {
            return null;
        }
    },
    set(value) {
        sessionStorage.setItem(KEY, JSON.stringify(value));
    },
    clear() {
        sessionStorage.removeItem(KEY);
    },
    user() {
        return this.get()?.user ?? null;
    },
};

export class ApiError extends Error {
    constructor(status, body) {
        super(describe(status, body));
        this.status = status;
        this.body = body;
    }
}

function describe(status, body) {
    if (body && typeof body === 'object') {
        if (typeof body.detail === 'string') return body.detail;
        if (typeof body.error === 'string') return body.error;
        if (typeof body.message === 'string') return body.message;
    }
    return `The server answered ${status}.`;
}

/** Called when the session is gone (expired, logged out elsewhere): the app sends the user to the login page. */
let onSessionLost = () => {};
export function whenSessionLost(handler) {
    onSessionLost = handler;
}

/** One API call. Answers the parsed JSON body (null for 204); throws ApiError for any error status. */
export async function api(method, path, body) {
    const response = await send(method, path, body);
    const data = await parse(response);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
}

/** The raw Response, for callers that need headers or handle error statuses themselves (Run, Eval). */
export async function send(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const current = session.get();
    if (method !== 'GET' && method !== 'HEAD' && current) headers['X-CSRF-Token'] = current.csrfToken;
    const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
    });
    if (response.status === 401 && current && !path.startsWith('/v1/login')) {
        session.clear();
        onSessionLost();
    }
    return response;
}

export async function parse(response) {
    const text = await response.text();
    if (!text) return null;
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** Every page of a paged list ({data, links: {next}}), up to a sane maximum. */
export async function all(path, max = 500) {
    const items = [];
    let next = path + (path.includes('?') ? '&' : '?') + 'limit=100';
    while (next && items.length < max) {
        const page = await get(next);
        items.push(...page.data);
        next = page.links?.next ? new URL(page.links.next).pathname + new URL(page.links.next).search : null;
    }
    return items;
}

let config;
/** The server's settings a page needs: the run domain (for endpoint URLs) and whether signup is open. */
export async function serverConfig() {
    config ??= await get('/v1/config');
    return config;
}

export const enc = encodeURIComponent;
