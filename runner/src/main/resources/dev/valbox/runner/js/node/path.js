// node:path for npm packages: the POSIX flavour (vals have no file system; the working directory is "/").
// path.posix is this module; path.win32 is too, since vals never run on Windows paths. ES5, not compiled.
'use strict';

function assertPath(path) {
    if (typeof path !== 'string') throw new TypeError('The "path" argument must be of type string. Received ' + typeof path);
}

/** Resolves . and .. in a path's segments; leading .. stay unless the path is absolute. */
function normalizeSegments(path, absolute) {
    var out = [];
    path.split('/').forEach(function (segment) {
        if (segment === '' || segment === '.') return;
        if (segment === '..') {
            if (out.length && out[out.length - 1] !== '..') out.pop();
            else if (!absolute) out.push('..');
        } else {
            out.push(segment);
        }
    });
    return out.join('/');
}

function normalize(path) {
    assertPath(path);
    if (path === '') return '.';
    var absolute = path.charAt(0) === '/', trailing = path.charAt(path.length - 1) === '/';
    var body = normalizeSegments(path, absolute);
    if (body === '' && !absolute) body = '.';
    if (body !== '' && trailing) body += '/';
    return (absolute ? '/' : '') + body;
}

function join() {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) {
        assertPath(arguments[i]);
        if (arguments[i] !== '') parts.push(arguments[i]);
    }
    return parts.length ? normalize(parts.join('/')) : '.';
}

function resolve() {
    var resolved = '', absolute = false;
    for (var i = arguments.length - 1; i >= -1 && !absolute; i--) {
        var path = i >= 0 ? arguments[i] : '/';
        assertPath(path);
        if (path === '') continue;
        resolved = path + '/' + resolved;
        absolute = path.charAt(0) === '/';
    }
    var body = normalizeSegments(resolved, true);
    return '/' + body;
}

function isAbsolute(path) {
    assertPath(path);
    return path.charAt(0) === '/';
}

function relative(from, to) {
    var a = resolve(from).split('/').filter(Boolean), b = resolve(to).split('/').filter(Boolean);
    var common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    var up = a.slice(common).map(function () { return '..'; });
    return up.concat(b.slice(common)).join('/');
}

function dirname(path) {
    assertPath(path);
    if (path === '') return '.';
    var trimmed = path.replace(/\/+$/, '');
    if (trimmed === '') return '/';
    var at = trimmed.lastIndexOf('/');
    if (at === -1) return '.';
    var dir = trimmed.slice(0, at).replace(/\/+$/, '');
    return dir === '' ? '/' : dir;
}

function basename(path, ext) {
    assertPath(path);
    var base = path.replace(/\/+$/, '');
    base = base.slice(base.lastIndexOf('/') + 1);
    if (ext !== undefined && ext !== base && base.slice(-ext.length) === ext && ext.length) base = base.slice(0, -ext.length);
    return base;
}

function extname(path) {
    var base = basename(path), dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot);
}

function parse(path) {
    assertPath(path);
    var root = path.charAt(0) === '/' ? '/' : '';
    var base = basename(path), ext = extname(path);
    var dir = dirname(path);
    if (path.indexOf('/') === -1) dir = '';
    return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
}

function format(parts) {
    var dir = parts.dir || parts.root || '';
    var base = parts.base || (parts.name || '') + (parts.ext || '');
    if (!dir) return base;
    return dir === parts.root ? dir + base : dir + '/' + base;
}

var path = {
    sep: '/', delimiter: ':', normalize: normalize, join: join, resolve: resolve, isAbsolute: isAbsolute,
    relative: relative, dirname: dirname, basename: basename, extname: extname, parse: parse, format: format,
    toNamespacedPath: function (p) { return p; }
};
path.posix = path;
path.win32 = path;
module.exports = path;
