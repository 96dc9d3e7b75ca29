// node:querystring for npm packages: parse and stringify with Node's rules (repeated keys become arrays, `+` is a
// space when parsing, values that are not strings, numbers or booleans stringify as empty). ES5, not compiled.
'use strict';

function unescape(text) {
    try {
        return decodeURIComponent(text);
    } catch (e) {
        return text;
    }
}
function escape(text) {
    return encodeURIComponent(text);
}

function parse(text, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    var out = Object.create(null);
    if (typeof text !== 'string' || text.length === 0) return out;
    var max = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
    var decode = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape;
    var pairs = text.split(sep);
    if (max > 0 && pairs.length > max) pairs = pairs.slice(0, max);
    pairs.forEach(function (pair) {
        if (pair === '') return;
        var at = pair.indexOf(eq);
        var key = decode((at >= 0 ? pair.slice(0, at) : pair).replace(/\+/g, ' '));
        var value = decode((at >= 0 ? pair.slice(at + eq.length) : '').replace(/\+/g, ' '));
        if (!(key in out)) out[key] = value;
        else if (Array.isArray(out[key])) out[key].push(value);
        else out[key] = [out[key], value];
    });
    return out;
}

function primitive(value) {
    switch (typeof value) {
        case 'string': return value;
        case 'boolean': return value ? 'true' : 'false';
        case 'number': return isFinite(value) ? String(value) : '';
        case 'bigint': return String(value);
        default: return '';
    }
}

function stringify(object, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    var encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : escape;
    if (object === null || typeof object !== 'object') return '';
    return Object.keys(object).map(function (key) {
        var value = object[key], name = encode(primitive(key)) + eq;
        if (Array.isArray(value)) {
            return value.map(function (v) { return name + encode(primitive(v)); }).join(sep);
        }
        return name + encode(primitive(value));
    }).filter(Boolean).join(sep);
}

exports.parse = exports.decode = parse;
exports.stringify = exports.encode = stringify;
exports.escape = escape;
exports.unescape = unescape;
