// node:url for npm packages: the WHATWG URL and URLSearchParams the runtime has, file URL conversions, and the
// legacy parse/format/resolve that older packages still call (parse splits with the RFC 3986 regular expression;
// it does not reproduce every quirk of Node's legacy parser). ES5, not compiled.
'use strict';
var querystring = require('querystring');

var URI = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/;

function Url() {
    this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null;
    this.hostname = null; this.hash = null; this.search = null; this.query = null; this.pathname = null;
    this.path = null; this.href = null;
}

function parse(text, parseQueryString, slashesDenoteHost) {
    if (text instanceof Url) return text;
    if (typeof text !== 'string') throw new TypeError('The "url" argument must be of type string. Received ' + typeof text);
    var m = URI.exec(text.trim()), url = new Url();
    var hasAuthority = m[2] !== undefined && (m[1] !== undefined || slashesDenoteHost);
    url.protocol = m[1] !== undefined ? m[1].toLowerCase() + ':' : null;
    var path = m[3];
    if (m[2] !== undefined && !hasAuthority) path = '//' + m[2] + path;
    if (hasAuthority) {
        url.slashes = true;
        var authority = m[2], at = authority.lastIndexOf('@');
        if (at >= 0) {
            url.auth = decodeURIComponent(authority.slice(0, at));
            authority = authority.slice(at + 1);
        }
        var port = /:(\d*)$/.exec(authority);
        if (port) {
            url.port = port[1] || null;
            authority = authority.slice(0, port.index);
        }
        url.hostname = authority.toLowerCase();
        url.host = url.hostname + (url.port ? ':' + url.port : '');
        if (path === '' && url.protocol && /^(https?|ftp|gopher|file|wss?):$/.test(url.protocol)) path = '/';
    }
    url.pathname = path === '' ? null : path;
    url.search = m[4] !== undefined && m[4] !== '?' ? m[4] : m[4] === '?' ? '?' : null;
    url.hash = m[5] !== undefined ? m[5] : null;
    var rawQuery = url.search ? url.search.slice(1) : null;
    url.query = parseQueryString ? querystring.parse(rawQuery || '') : rawQuery;
    url.path = (url.pathname || '') + (url.search || '') || null;
    url.href = format(url);
    return url;
}

function format(url) {
    if (typeof url === 'string') url = parse(url);
    if (url instanceof URL) return url.href;
    var protocol = url.protocol || '';
    if (protocol && protocol.charAt(protocol.length - 1) !== ':') protocol += ':';
    var host = '';
    if (url.host) {
        host = url.host;
    } else if (url.hostname) {
        host = (url.hostname.indexOf(':') >= 0 ? '[' + url.hostname + ']' : url.hostname) + (url.port ? ':' + url.port : '');
    }
    var auth = url.auth ? encodeURIComponent(url.auth).replace(/%3A/i, ':') + '@' : '';
    var pathname = url.pathname || '';
    var search = url.search || '';
    if (!search && url.query && typeof url.query === 'object') {
        var query = querystring.stringify(url.query);
        if (query) search = '?' + query;
    }
    if (search && search.charAt(0) !== '?') search = '?' + search;
    var hash = url.hash || '';
    if (hash && hash.charAt(0) !== '#') hash = '#' + hash;
    var slashes = url.slashes || /^(https?|ftp|gopher|file|wss?):$/.test(protocol);
    if (slashes && (host || protocol === 'file:')) {
        host = '//' + auth + host;
        if (pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
    } else {
        host = auth + host;
    }
    return protocol + host + pathname + search.replace(/#/g, '%23') + hash;
}

function resolve(from, to) {
    return new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\/\/?/, '/');
}

function fileURLToPath(url) {
    var parsed = typeof url === 'string' ? new URL(url) : url;
    if (parsed.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
    return decodeURIComponent(parsed.pathname);
}

function pathToFileURL(path) {
    var absolute = String(path).charAt(0) === '/' ? String(path) : '/' + String(path);
    return new URL('file://' + absolute.split('/').map(function (s) {
        return encodeURIComponent(s);
    }).join('/'));
}

exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
exports.Url = Url;
exports.parse = parse;
exports.format = format;
exports.resolve = resolve;
exports.fileURLToPath = fileURLToPath;
exports.pathToFileURL = pathToFileURL;
exports.domainToASCII = function domainToASCII(domain) { return new URL('http://' + domain).hostname; };
exports.domainToUnicode = function domainToUnicode(domain) { return String(domain); };
