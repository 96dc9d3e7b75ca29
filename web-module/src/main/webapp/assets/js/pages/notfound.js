import { fill, h, link } from '../dom.js';

/** Private vals, unknown users and unknown pages all look the same: as if they did not exist. */
export function notFoundPage(ctx) {
    ctx.title('Not found');
    fill(
        ctx.view,
        h(
            'div',
            { class: 'card narrow not-found', id: 'not-found' },
            h('h1', {}, '404 · Not found'),
            h('p', {}, 'There is nothing here, or it is not yours to see.'),
            h('p', {}, link('/', 'Go home')),
        ),
    );
}
