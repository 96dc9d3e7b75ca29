// ES2015+ built-ins that Nashorn 15 lacks (measured in shared/research/nashorn.md §1). Shared by the
// val Globals and the transpiler's Global. Only fills what is missing; loops over caller-sized input call
// __chk() so that a huge Array.from or padStart still meets the run's deadline.
(function (global) {
    'use strict';
    function define(target, name, value) {
        if (!(name in target)) {
            Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
        }
    }
    function toLength(n) {
        n = Math.floor(Number(n));
        return isNaN(n) || n < 0 ? 0 : Math.min(n, 9007199254740991);
    }
    function toIndex(n, length) {
        n = Math.floor(Number(n)) || 0;
        return n < 0 ? Math.max(length + n, 0) : Math.min(n, length);
    }
    function sameValueZero(a, b) {
        return a === b || (a !== a && b !== b);
    }

    define(global, 'globalThis', global);

    define(Object, 'assign', function assign(target) {
        var to = Object(target);
        for (var i = 1; i < arguments.length; i++) {
            var source = arguments[i];
            if (source == null) continue;
            var from = Object(source);
            var keys = Object.keys(from);
            for (var k = 0; k < keys.length; k++) to[keys[k]] = from[keys[k]];
            var symbols = Object.getOwnPropertySymbols(from);
            for (var s = 0; s < symbols.length; s++) {
                if (Object.prototype.propertyIsEnumerable.call(from, symbols[s])) to[symbols[s]] = from[symbols[s]];
            }
        }
        return to;
    });
    define(Object, 'is', function is(a, b) {
        return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
    });
    define(Object, 'entries', function entries(o) {
        return Object.keys(o).map(function (k) { return [k, o[k]]; });
    });
    define(Object, 'values', function values(o) {
        return Object.keys(o).map(function (k) { return o[k]; });
    });
    define(Object, 'fromEntries', function fromEntries(iterable) {
        var o = {};
        Array.from(iterable).forEach(function (pair) { o[pair[0]] = pair[1]; });
        return o;
    });
    define(Object, 'getOwnPropertyDescriptors', function getOwnPropertyDescriptors(o) {
        var result = {};
        Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o)).forEach(function (k) {
            result[k] = Object.getOwnPropertyDescriptor(o, k);
        });
        return result;
    });

    define(Array, 'from', function from(items, mapFn, thisArg) {
        var C = typeof this === 'function' ? this : Array;
        var result, i = 0;
        if (items == null) throw new TypeError('Array.from requires an array-like or iterable object');
        var iteratorMethod = items[Symbol.iterator];
        if (typeof iteratorMethod === 'function') {
            result = C === Array ? [] : new C();
            var iterator = iteratorMethod.call(items);
            for (var step = iterator.next(); !step.done; step = iterator.next(), i++) {
                __chk();
                result[i] = mapFn ? mapFn.call(thisArg, step.value, i) : step.value;
            }
            result.length = i;
            return result;
        }
        var arrayLike = Object(items);
        var length = toLength(arrayLike.length);
        result = C === Array ? new Array(length) : new C(length);
        for (; i < length; i++) {
            __chk();
            result[i] = mapFn ? mapFn.call(thisArg, arrayLike[i], i) : arrayLike[i];
        }
        result.length = length;
        return result;
    });
    define(Array, 'of', function of() {
        return Array.prototype.slice.call(arguments);
    });
    define(Array.prototype, 'includes', function includes(value, fromIndex) {
        var o = Object(this), length = toLength(o.length);
        for (var i = toIndex(fromIndex, length); i < length; i++) {
            __chk();
            if (sameValueZero(o[i], value)) return true;
        }
        return false;
    });
    define(Array.prototype, 'find', function find(predicate, thisArg) {
        var o = Object(this), length = toLength(o.length);
        for (var i = 0; i < length; i++) {
            if (predicate.call(thisArg, o[i], i, o)) return o[i];
        }
        return undefined;
    });
    define(Array.prototype, 'findIndex', function findIndex(predicate, thisArg) {
        var o = Object(this), length = toLength(o.length);
        for (var i = 0; i < length; i++) {
            if (predicate.call(thisArg, o[i], i, o)) return i;
        }
        return -1;
    });
    define(Array.prototype, 'findLast', function findLast(predicate, thisArg) {
        var o = Object(this);
        for (var i = toLength(o.length) - 1; i >= 0; i--) {
            if (predicate.call(thisArg, o[i], i, o)) return o[i];
        }
        return undefined;
    });
    define(Array.prototype, 'fill', function fill(value, start, end) {
        var o = Object(this), length = toLength(o.length);
        var last = end === undefined ? length : toIndex(end, length);
        for (var i = toIndex(start, length); i < last; i++) {
            __chk();
            o[i] = value;
        }
        return o;
    });
    define(Array.prototype, 'flat', function flat(depth) {
        depth = depth === undefined ? 1 : Number(depth);
        var result = [];
        (function walk(array, level) {
            for (var i = 0; i < array.length; i++) {
                __chk();
                if (Array.isArray(array[i]) && level > 0) walk(array[i], level - 1);
                else if (i in array) result.push(array[i]);
            }
        })(Object(this), depth);
        return result;
    });
    define(Array.prototype, 'flatMap', function flatMap(callback, thisArg) {
        return Array.prototype.map.call(this, callback, thisArg).flat(1);
    });
    define(Array.prototype, 'at', function at(index) {
        var o = Object(this), length = toLength(o.length), i = Math.trunc(Number(index)) || 0;
        i = i < 0 ? length + i : i;
        return i < 0 || i >= length ? undefined : o[i];
    });

    // Nashorn's typed arrays have only subarray and set; lend them the generic Array methods. One object holds
    // them, put between each typed array prototype and Object.prototype: defining them on all nine prototypes cost
    // about 55 KB in every Global, a quarter of a small val's.
    var typedMethods = {};
    ['every', 'some', 'forEach', 'reduce', 'reduceRight', 'indexOf', 'lastIndexOf', 'join', 'includes',
        'find', 'findIndex', 'findLast', 'fill', 'reverse', 'at', 'keys', 'values', 'entries'].forEach(function (name) {
        if (Array.prototype[name]) define(typedMethods, name, Array.prototype[name]);
    });
    ['map', 'filter', 'slice'].forEach(function (name) {
        var method = Array.prototype[name];
        define(typedMethods, name, function () {
            return new this.constructor(method.apply(Array.prototype.slice.call(this), arguments));
        });
    });
    define(typedMethods, 'sort', function sort(compare) {
        var sorted = Array.prototype.slice.call(this).sort(compare || function (a, b) { return a - b; });
        this.set(sorted);
        return this;
    });
    function from(items, mapFn, thisArg) {
        return new this(Array.from(items, mapFn, thisArg));
    }
    function of() {
        return new this(Array.prototype.slice.call(arguments));
    }
    [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array,
        Float64Array].forEach(function (Typed) {
        Object.setPrototypeOf(Typed.prototype, typedMethods);
        define(Typed, 'from', from);
        define(Typed, 'of', of);
    });

    define(String.prototype, 'includes', function includes(search, position) {
        return String(this).indexOf(search, position) !== -1;
    });
    function pad(string, maxLength, filler, atStart) {
        var length = toLength(maxLength);
        var fill = filler === undefined ? ' ' : String(filler);
        if (length <= string.length || fill === '') return string;
        var needed = length - string.length, padding = '';
        while (padding.length < needed) {
            __chk();
            padding += fill;
        }
        padding = padding.slice(0, needed);
        return atStart ? padding + string : string + padding;
    }
    define(String.prototype, 'padStart', function padStart(maxLength, filler) {
        return pad(String(this), maxLength, filler, true);
    });
    define(String.prototype, 'padEnd', function padEnd(maxLength, filler) {
        return pad(String(this), maxLength, filler, false);
    });
    define(String.prototype, 'trimStart', String.prototype.trimLeft);
    define(String.prototype, 'trimEnd', String.prototype.trimRight);
    define(String.prototype, 'at', Array.prototype.at);
    define(String.prototype, 'replaceAll', function replaceAll(search, replacement) {
        if (search instanceof RegExp) {
            if (!search.global) throw new TypeError('replaceAll must be called with a global RegExp');
            return String(this).replace(search, replacement);
        }
        return String(this).split(String(search)).join(replacement);
    });
    // Over any regexp, also the extended ones of regexp.js, through its exec; empty matches step over a whole code
    // point with the u flag.
    define(String.prototype, 'matchAll', function matchAll(regexp) {
        if (this == null) throw new TypeError('String.prototype.matchAll called on null or undefined');
        var s = String(this), re;
        if (regexp instanceof RegExp) {
            var flags = regexp.flags !== undefined ? String(regexp.flags)
                : (regexp.global ? 'g' : '') + (regexp.ignoreCase ? 'i' : '') + (regexp.multiline ? 'm' : '');
            if (flags.indexOf('g') < 0) {
                throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
            }
            re = new RegExp(regexp, flags);
            re.lastIndex = regexp.lastIndex;
        } else {
            re = new RegExp(regexp, 'g');
        }
        var done = false;
        var iterator = {
            next: function next() {
                if (done) return { value: undefined, done: true };
                var m = re.exec(s);
                if (m === null) {
                    done = true;
                    return { value: undefined, done: true };
                }
                if (m[0] === '') {
                    var at = toLength(re.lastIndex), c = s.charCodeAt(at);
                    var pair = re.unicode === true && c >= 0xD800 && c <= 0xDBFF && (s.charCodeAt(at + 1) & 0xFC00) === 0xDC00;
                    re.lastIndex = at + (pair ? 2 : 1);
                }
                return { value: m, done: false };
            }
        };
        iterator[Symbol.iterator] = function () { return this; };
        return iterator;
    });
    define(String, 'raw', function raw(strings) {
        var raw = Object(strings.raw), result = '';
        for (var i = 0; i < toLength(raw.length); i++) {
            result += String(raw[i]);
            if (i + 1 < raw.length && i + 1 < arguments.length) result += String(arguments[i + 1]);
        }
        return result;
    });

    define(Number, 'EPSILON', Math.pow(2, -52));
    define(Number, 'MAX_SAFE_INTEGER', 9007199254740991);
    define(Number, 'MIN_SAFE_INTEGER', -9007199254740991);
    define(Number, 'isNaN', function isNaN(n) { return typeof n === 'number' && n !== n; });
    define(Number, 'isFinite', function isFinite(n) { return typeof n === 'number' && global.isFinite(n); });
    define(Number, 'isInteger', function isInteger(n) {
        return typeof n === 'number' && global.isFinite(n) && Math.floor(n) === n;
    });
    define(Number, 'isSafeInteger', function isSafeInteger(n) {
        return Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER;
    });
    define(Number, 'parseFloat', parseFloat);
    define(Number, 'parseInt', parseInt);

    define(Math, 'trunc', function trunc(x) { x = Number(x); return x < 0 ? Math.ceil(x) : Math.floor(x); });
    define(Math, 'sign', function sign(x) { x = Number(x); return x > 0 ? 1 : x < 0 ? -1 : x; });
    define(Math, 'log2', function log2(x) { return Math.log(x) / Math.LN2; });
    define(Math, 'log10', function log10(x) { return Math.log(x) / Math.LN10; });
    define(Math, 'cbrt', function cbrt(x) { var y = Math.pow(Math.abs(x), 1 / 3); return x < 0 ? -y : y; });
    define(Math, 'hypot', function hypot() {
        var sum = 0;
        for (var i = 0; i < arguments.length; i++) sum += arguments[i] * arguments[i];
        return Math.sqrt(sum);
    });
})(this);
