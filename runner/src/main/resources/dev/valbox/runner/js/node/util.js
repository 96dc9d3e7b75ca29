// node:util for npm packages: format and inspect (a compact inspect, not Node's every option), inherits,
// promisify/callbackify, deprecate, isDeepStrictEqual, types, TextEncoder/TextDecoder, and the legacy is*
// predicates. ES5, not compiled.
'use strict';
var Buffer = require('buffer').Buffer;
var toString = Object.prototype.toString;

function inspect(value, options) {
    var depth = options && typeof options.depth === 'number' ? options.depth : 2;
    return show(value, depth, [], false);
}
function show(value, depth, seen, nested) {
    switch (typeof value) {
        case 'string': return nested ? "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'" : value;
        case 'undefined': return 'undefined';
        case 'function': return '[Function: ' + (value.name || '(anonymous)') + ']';
        case 'symbol': return String(value);
        case 'object': break;
        default: return String(value);
    }
    if (value === null) return 'null';
    if (value instanceof Error) return value.stack ? String(value.stack) : String(value);
    if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (seen.indexOf(value) !== -1) return '[Circular *1]';
    if (depth < 0) return Array.isArray(value) ? '[Array]' : '[Object]';
    seen = seen.concat([value]);
    var parts;
    if (Buffer.isBuffer(value)) {
        return '<Buffer' + Array.prototype.slice.call(value, 0, 50).map(function (b) {
            return ' ' + (b < 16 ? '0' : '') + b.toString(16);
        }).join('') + (value.length > 50 ? ' ... ' + (value.length - 50) + ' more bytes' : '') + '>';
    }
    if (Array.isArray(value)) {
        parts = value.slice(0, 100).map(function (v) { return show(v, depth - 1, seen, true); });
        if (value.length > 100) parts.push('... ' + (value.length - 100) + ' more items');
        return parts.length ? '[ ' + parts.join(', ') + ' ]' : '[]';
    }
    if (value instanceof Map) {
        parts = [];
        value.forEach(function (v, k) { parts.push(show(k, depth - 1, seen, true) + ' => ' + show(v, depth - 1, seen, true)); });
        return 'Map(' + value.size + ') {' + (parts.length ? ' ' + parts.join(', ') + ' ' : '') + '}';
    }
    if (value instanceof Set) {
        parts = [];
        value.forEach(function (v) { parts.push(show(v, depth - 1, seen, true)); });
        return 'Set(' + value.size + ') {' + (parts.length ? ' ' + parts.join(', ') + ' ' : '') + '}';
    }
    parts = Object.keys(value).map(function (k) {
        var key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'";
        return key + ': ' + show(value[k], depth - 1, seen, true);
    });
    var proto = Object.getPrototypeOf(value);
    var name = proto === null ? '[Object: null prototype] ' : proto.constructor && proto.constructor !== Object && proto.constructor.name ? proto.constructor.name + ' ' : '';
    return name + (parts.length ? '{ ' + parts.join(', ') + ' }' : '{}');
}
inspect.custom = typeof Symbol === 'function' ? Symbol['for']('nodejs.util.inspect.custom') : 'inspect.custom';
inspect.defaultOptions = { depth: 2 };

function format(first) {
    var args = Array.prototype.slice.call(arguments, 1);
    var out;
    if (typeof first !== 'string') {
        args.unshift(first);
        out = '';
    } else {
        out = first.replace(/%([sdifjoOc%])/g, function (whole, kind) {
            if (kind === '%') return '%';
            if (!args.length) return whole;
            var arg = args.shift();
            switch (kind) {
                case 's': return typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? show(arg, 1, [], true) : String(arg);
                case 'd': case 'i': {
                    var n = typeof arg === 'object' ? NaN : Number(arg);
                    return String(kind === 'i' ? (n < 0 ? Math.ceil(n) : Math.floor(n)) : n);
                }
                case 'f': return String(parseFloat(arg));
                case 'j': try { return JSON.stringify(arg); } catch (e) { return '[Circular]'; }
                case 'c': return '';
                default: return show(arg, 4, [], true);
            }
        });
    }
    args.forEach(function (arg) {
        out += (out === '' ? '' : ' ') + (typeof arg === 'string' ? arg : show(arg, 2, [], true));
    });
    return out;
}

function inherits(ctor, superCtor) {
    if (typeof superCtor !== 'function' || superCtor.prototype === undefined) {
        throw new TypeError('The "superCtor" argument must be a function with a prototype');
    }
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

var customPromisify = typeof Symbol === 'function' ? Symbol['for']('nodejs.util.promisify.custom') : 'promisify.custom';
function promisify(original) {
    if (typeof original !== 'function') throw new TypeError('The "original" argument must be of type function');
    if (original[customPromisify]) return original[customPromisify];
    return function promisified() {
        var self = this, args = Array.prototype.slice.call(arguments);
        return new Promise(function (resolve, reject) {
            original.apply(self, args.concat([function (error, value) {
                if (error) reject(error);
                else resolve(value);
            }]));
        });
    };
}
promisify.custom = customPromisify;

function callbackify(original) {
    return function callbackified() {
        var args = Array.prototype.slice.call(arguments), callback = args.pop(), self = this;
        original.apply(self, args).then(function (value) {
            queueMicrotask(function () { callback(null, value); });
        }, function (reason) {
            queueMicrotask(function () { callback(reason || new Error('Promise was rejected with a falsy value')); });
        });
    };
}

function deprecate(fn, message) {
    var warned = false;
    return function deprecated() {
        if (!warned) {
            warned = true;
            console.warn('DeprecationWarning: ' + message);
        }
        return fn.apply(this, arguments);
    };
}

function isDeepStrictEqual(a, b) {
    return deepEqual(a, b, []);
}
function deepEqual(a, b, seen) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    if (a !== a && b !== b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (toString.call(a) !== toString.call(b)) return false;
    for (var s = 0; s < seen.length; s++) {
        if (seen[s][0] === a && seen[s][1] === b) return true;
    }
    seen = seen.concat([[a, b]]);
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp) return String(a) === String(b);
    if (a instanceof Map || a instanceof Set) {
        if (a.size !== b.size) return false;
        var entriesA = Array.from(a), entriesB = Array.from(b);
        return entriesA.every(function (e, i) { return deepEqual(e, entriesB[i], seen); });
    }
    var keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every(function (k) {
        __chk();
        return Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k], seen);
    });
}

function tagged(tag) {
    return function (value) { return toString.call(value) === '[object ' + tag + ']'; };
}
var types = {
    isDate: function (v) { return v instanceof Date; },
    isRegExp: function (v) { return v instanceof RegExp; },
    isMap: function (v) { return v instanceof Map; },
    isSet: function (v) { return v instanceof Set; },
    isWeakMap: function (v) { return v instanceof WeakMap; },
    isWeakSet: function (v) { return v instanceof WeakSet; },
    isPromise: function (v) { return v instanceof Promise; },
    isNativeError: function (v) { return v instanceof Error; },
    isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
    isAnyArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
    isArrayBufferView: function (v) { return ArrayBuffer.isView(v); },
    isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isUint8Array: function (v) { return v instanceof Uint8Array; },
    isDataView: function (v) { return v instanceof DataView; },
    isGeneratorFunction: function () { return false; },
    isAsyncFunction: function () { return false; },
    isBoxedPrimitive: function (v) {
        return v instanceof Number || v instanceof String || v instanceof Boolean;
    },
    isProxy: function () { return false; },
    isArgumentsObject: tagged('Arguments')
};

exports.format = format;
exports.formatWithOptions = function formatWithOptions(options) {
    return format.apply(null, Array.prototype.slice.call(arguments, 1));
};
exports.inspect = inspect;
exports.inherits = inherits;
exports.promisify = promisify;
exports.callbackify = callbackify;
exports.deprecate = deprecate;
exports.isDeepStrictEqual = isDeepStrictEqual;
exports.types = types;
exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;
exports.debuglog = exports.debug = function debuglog() {
    var log = function () {};
    log.enabled = false;
    return log;
};
exports.isArray = Array.isArray;
exports.isBoolean = function (v) { return typeof v === 'boolean'; };
exports.isNull = function (v) { return v === null; };
exports.isNullOrUndefined = function (v) { return v === null || v === undefined; };
exports.isNumber = function (v) { return typeof v === 'number'; };
exports.isString = function (v) { return typeof v === 'string'; };
exports.isSymbol = function (v) { return typeof v === 'symbol'; };
exports.isUndefined = function (v) { return v === undefined; };
exports.isRegExp = types.isRegExp;
exports.isObject = function (v) { return v !== null && typeof v === 'object'; };
exports.isDate = types.isDate;
exports.isError = types.isNativeError;
exports.isFunction = function (v) { return typeof v === 'function'; };
exports.isPrimitive = function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); };
exports.isBuffer = Buffer.isBuffer;
