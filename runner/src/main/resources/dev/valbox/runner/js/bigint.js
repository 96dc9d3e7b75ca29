// BigInt on an engine without it. Nashorn has no bigint type and no operator overloading, so a BigInt here is a
// frozen object of BigInt.prototype holding its value (a number while it is a safe integer, else a decimal string
// that BigIntArithmetic computes with), and the transpiler routes the operators and typeof of every module that
// mentions BigInt (a 123n literal or the name) through __bigint(): small functions that do the native operation at
// once for numbers and handle BigInts as JavaScript does. Modules that never mention BigInt are untouched, so a
// BigInt handed to one behaves as its valueOf, the decimal string (see docs and the report on issue 11).
// Everything but two small functions loads on first use of BigInt.
(function (global, factory) {
    'use strict';
    var host = global.__host, valbox = global.__valbox;
    var defineProperty = Object.defineProperty, getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
    var impl = null;
    function load() {
        if (impl === null) {
            impl = factory(host.bigint, host.lastError);
            factory = null;
        }
        return impl;
    }
    defineProperty(global, '__bigint', {
        value: function __bigint() { return load().operators; }, writable: false, configurable: false, enumerable: false
    });
    function accessor() {
        var B = load().BigInt;
        var current = getOwnPropertyDescriptor(global, 'BigInt');
        if (current !== undefined && current.get === accessor) {
            defineProperty(global, 'BigInt', { value: B, writable: true, configurable: true, enumerable: false });
        }
        return B;
    }
    defineProperty(global, 'BigInt', {
        get: accessor,
        set: function (value) {
            defineProperty(this, 'BigInt', { value: value, writable: true, enumerable: this !== global, configurable: true });
        },
        configurable: true,
        enumerable: false
    });
    valbox.isBigInt = function (value) {
        return impl !== null && impl.is(value);
    };
})(this, function factory(hostBigint, lastError) {
    'use strict';
    var VALUE = typeof Symbol === 'function' ? Symbol('BigInt value') : '__value';
    var NativeTypeError = TypeError, NativeRangeError = RangeError, NativeSyntaxError = SyntaxError;
    var create = Object.create, freeze = Object.freeze, defineProperty = Object.defineProperty;
    var isSafe = Number.isSafeInteger, floor = Math.floor, pow2 = Math.pow;
    var NativeDate = Date;
    var SMALL_DECIMAL = /^[\s\uFEFF\xA0]*[+-]?\d{1,15}[\s\uFEFF\xA0]*$/;
    var MIX = 'Cannot mix BigInt and other types, use explicit conversions';

    function call(op, a, b) {
        var r = hostBigint(op, a, b === undefined ? '' : b);
        if (r === null) {
            var message = String(lastError());
            if (message.indexOf('RangeError: ') === 0) throw new NativeRangeError(message.slice(12));
            throw new NativeTypeError(message);
        }
        return r;
    }

    function BigInt(value) {
        if (this instanceof BigInt) throw new NativeTypeError('BigInt is not a constructor');
        var p = toPrimitive(value, 'number');
        return typeof p === 'number' ? fromNumber(p) : toBigInt(p);
    }
    var proto = BigInt.prototype;

    /** A BigInt of a safe integer (number) or a decimal string; small values are always numbers, so equal values look alike. */
    function make(v) {
        if (typeof v === 'string' && v.length <= 17) {
            var n = +v;
            if (isSafe(n)) v = n;
        }
        if (v === 0) v = 0; // not -0
        var b = create(proto);
        b[VALUE] = v;
        return freeze(b);
    }
    function is(x) {
        return x !== null && typeof x === 'object' && x[VALUE] !== undefined;
    }
    function decimal(v) {
        return typeof v === 'number' ? String(v) : v;
    }
    function toPrimitive(x, hint) {
        if (x === null || (typeof x !== 'object' && typeof x !== 'function') || is(x)) return x;
        if (hint === 'default') hint = x instanceof NativeDate ? 'string' : 'number';
        var order = hint === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString'];
        for (var i = 0; i < 2; i++) {
            var method = x[order[i]];
            if (typeof method === 'function') {
                var r = method.call(x);
                if (r === null || (typeof r !== 'object' && typeof r !== 'function') || is(r)) return r;
            }
        }
        throw new NativeTypeError('Cannot convert object to primitive value');
    }
    function fromNumber(n) {
        if (n !== n || n === Infinity || n === -Infinity || floor(n) !== n) {
            throw new NativeRangeError('The number ' + n + ' cannot be converted to a BigInt because it is not an integer');
        }
        return make(isSafe(n) ? n : call('fromNumber', String(n)));
    }
    function parse(s) {
        if (SMALL_DECIMAL.test(s)) return make(+s);
        var r = hostBigint('parse', s, '');
        if (r === null) {
            var message = String(lastError());
            if (message.indexOf('RangeError: ') === 0) throw new NativeRangeError(message.slice(12));
            throw new NativeSyntaxError('Cannot convert ' + s + ' to a BigInt');
        }
        return make(r);
    }
    function toBigInt(p) {
        if (is(p)) return p;
        switch (typeof p) {
            case 'boolean': return make(p ? 1 : 0);
            case 'string': return parse(p);
            case 'undefined': throw new NativeTypeError('Cannot convert undefined to a BigInt');
            case 'symbol': throw new NativeTypeError('Cannot convert a Symbol value to a BigInt');
            default: throw new NativeTypeError('Cannot convert ' + String(p) + ' to a BigInt');
        }
    }
    function thisValue(x, method) {
        if (!is(x)) throw new NativeTypeError('BigInt.prototype.' + method + ' requires that \'this\' be a BigInt');
        return x[VALUE];
    }

    /** The operation on two BigInt values; exact in doubles while both and the result are safe integers. */
    function binary(op, v, w) {
        if (typeof v === 'number' && typeof w === 'number') {
            var r;
            switch (op) {
                case 'add': r = v + w; break;
                case 'sub': r = v - w; break;
                case 'mul': r = v * w; break;
                case 'div':
                    if (w === 0) throw new NativeRangeError('Division by zero');
                    r = (v - v % w) / w;
                    break;
                case 'mod':
                    if (w === 0) throw new NativeRangeError('Division by zero');
                    r = v % w;
                    break;
                case 'pow':
                    if (w < 0) throw new NativeRangeError('Exponent must be positive');
                    if (w < 64 || v === 0 || v === 1 || v === -1) {
                        r = 1;
                        for (var i = 0; i < w && isSafe(r); i++) {
                            r *= v;
                            if (r === 0 || r === 1) break;
                        }
                        if (r === 1 && v === -1 && w % 2 === 1) r = -1;
                    }
                    break;
                case 'and': case 'or': case 'xor':
                    if ((v | 0) === v && (w | 0) === w) r = op === 'and' ? v & w : op === 'or' ? v | w : v ^ w;
                    break;
                case 'shl': case 'shr':
                    var by = op === 'shl' ? w : -w;
                    if (by >= 0 && by < 64) r = v * pow2(2, by);
                    else if (by < 0 && by > -64) r = floor(v / pow2(2, -by));
                    break;
            }
            if (r !== undefined && isSafe(r)) return make(r);
        }
        return make(call(op, decimal(v), decimal(w)));
    }
    function compareValues(v, w) {
        if (typeof v === 'number' && typeof w === 'number') return v < w ? -1 : v > w ? 1 : 0;
        return +call('cmp', decimal(v), decimal(w));
    }
    /** A BigInt value against a number: -1, 0, 1, or undefined for NaN. */
    function compareNumber(v, n) {
        if (n !== n) return undefined;
        if (n === Infinity) return -1;
        if (n === -Infinity) return 1;
        if (typeof v === 'number') return v < n ? -1 : v > n ? 1 : 0;
        return +call('cmpNumber', v, String(n));
    }
    function negate(v) {
        return typeof v === 'number' ? make(-v) : make(v.charAt(0) === '-' ? v.slice(1) : '-' + v);
    }
    function numeric(x) {
        var p = toPrimitive(x, 'number');
        return is(p) ? p : +p;
    }
    function arithmetic(op, a, b, native) {
        var x = numeric(a), y = numeric(b);
        var xb = is(x), yb = is(y);
        if (!xb && !yb) return native(x, y);
        if (xb !== yb) throw new NativeTypeError(MIX);
        return binary(op, x[VALUE], y[VALUE]);
    }
    function text(p) {
        return is(p) ? decimal(p[VALUE]) : String(p);
    }
    function add(a, b) {
        if (typeof a === 'number' && typeof b === 'number') return a + b;
        var x = toPrimitive(a, 'default'), y = toPrimitive(b, 'default');
        if (typeof x === 'string' || typeof y === 'string') {
            if (!is(x) && !is(y)) return x + y;
            return text(x) + text(y);
        }
        return arithmetic('add', x, y, function (p, q) { return p + q; });
    }
    /** Relational comparison of primitives at least one of which is a BigInt: -1, 0, 1, or undefined (NaN, not a BigInt). */
    function relate(x, y) {
        var xb = is(x), yb = is(y);
        if (xb && yb) return compareValues(x[VALUE], y[VALUE]);
        if (xb) {
            if (typeof y === 'string') return stringCompare(x[VALUE], y, 1);
            return compareNumber(x[VALUE], +y);
        }
        if (typeof x === 'string') return stringCompare(y[VALUE], x, -1);
        var c = compareNumber(y[VALUE], +x);
        return c === undefined ? c : -c;
    }
    function relational(native, accept) {
        return function (a, b) {
            if (typeof a === 'number' && typeof b === 'number') return native(a, b);
            var x = toPrimitive(a, 'number'), y = toPrimitive(b, 'number');
            return is(x) || is(y) ? accept(relate(x, y)) : native(x, y);
        };
    }
    function stringCompare(v, s, sign) {
        var other;
        try {
            other = toBigInt(s);
        } catch (notBigInt) {
            return undefined;
        }
        return sign * compareValues(v, other[VALUE]);
    }
    function looseEqual(a, b) {
        var ab = is(a), bb = is(b);
        if (!ab && !bb) return a == b;
        if (ab && bb) return a[VALUE] === b[VALUE];
        var big = ab ? a : b, other = ab ? b : a;
        switch (typeof other) {
            case 'number': return compareNumber(big[VALUE], other) === 0;
            case 'boolean': return big[VALUE] === (other ? 1 : 0);
            case 'string': return stringCompare(big[VALUE], other, 1) === 0;
            case 'object': case 'function':
                return other === null ? false : looseEqual(big, toPrimitive(other, 'default'));
            default: return false;
        }
    }
    function bitwise(op, native) {
        return function (a, b) {
            if (typeof a === 'number' && typeof b === 'number') return native(a, b);
            return arithmetic(op, a, b, native);
        };
    }

    var operators = {
        lit: function lit(digits) { return parse(digits); },
        add: add,
        sub: bitwise('sub', function (a, b) { return a - b; }),
        mul: bitwise('mul', function (a, b) { return a * b; }),
        div: bitwise('div', function (a, b) { return a / b; }),
        mod: bitwise('mod', function (a, b) { return a % b; }),
        pow: bitwise('pow', function (a, b) { return pow2(a, b); }),
        and: bitwise('and', function (a, b) { return a & b; }),
        or: bitwise('or', function (a, b) { return a | b; }),
        xor: bitwise('xor', function (a, b) { return a ^ b; }),
        shl: bitwise('shl', function (a, b) { return a << b; }),
        shr: bitwise('shr', function (a, b) { return a >> b; }),
        ushr: function ushr(a, b) {
            if (typeof a === 'number' && typeof b === 'number') return a >>> b;
            var x = numeric(a), y = numeric(b);
            if (is(x) || is(y)) {
                throw new NativeTypeError(is(x) && is(y) ? 'BigInts have no unsigned right shift, use >> instead' : MIX);
            }
            return x >>> y;
        },
        lt: relational(function (a, b) { return a < b; }, function (c) { return c === -1; }),
        gt: relational(function (a, b) { return a > b; }, function (c) { return c === 1; }),
        le: relational(function (a, b) { return a <= b; }, function (c) { return c === -1 || c === 0; }),
        ge: relational(function (a, b) { return a >= b; }, function (c) { return c === 1 || c === 0; }),
        eq: function eq(a, b) { return looseEqual(a, b); },
        ne: function ne(a, b) { return !looseEqual(a, b); },
        seq: function seq(a, b) {
            if (typeof a !== 'object' || typeof b !== 'object') return a === b;
            return is(a) && is(b) ? a[VALUE] === b[VALUE] : a === b;
        },
        sne: function sne(a, b) {
            if (typeof a !== 'object' || typeof b !== 'object') return a !== b;
            return is(a) && is(b) ? a[VALUE] !== b[VALUE] : a !== b;
        },
        neg: function neg(a) {
            if (typeof a === 'number') return -a;
            var x = numeric(a);
            return is(x) ? negate(x[VALUE]) : -x;
        },
        not: function not(a) {
            if (typeof a === 'number') return ~a;
            var x = numeric(a);
            return is(x) ? binary('sub', negate(x[VALUE])[VALUE], 1) : ~x;
        },
        plus: function plus(a) {
            if (is(toPrimitive(a, 'number'))) throw new NativeTypeError('Cannot convert a BigInt value to a number');
            return +a;
        },
        inc: function inc(a) {
            if (typeof a === 'number') return a + 1;
            var x = numeric(a);
            return is(x) ? binary('add', x[VALUE], 1) : x + 1;
        },
        dec: function dec(a) {
            if (typeof a === 'number') return a - 1;
            var x = numeric(a);
            return is(x) ? binary('sub', x[VALUE], 1) : x - 1;
        },
        numeric: numeric,
        typeOf: function typeOf(x) { return is(x) ? 'bigint' : typeof x; }
    };

    function hidden(target, name, value) {
        defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
    hidden(proto, 'toString', function toString(radix) {
        var v = thisValue(this, 'toString');
        var r = radix === undefined ? 10 : Math.trunc(Number(radix));
        if (!(r >= 2 && r <= 36)) throw new NativeRangeError('toString() radix must be between 2 and 36');
        if (r === 10) return decimal(v);
        return typeof v === 'number' ? v.toString(r) : call('toString', v, String(r));
    });
    hidden(proto, 'toLocaleString', function toLocaleString() {
        var digits = decimal(thisValue(this, 'toLocaleString'));
        var sign = digits.charAt(0) === '-' ? '-' : '';
        digits = sign ? digits.slice(1) : digits;
        var out = '';
        for (var i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? ',' + out : '');
        return sign + out;
    });
    // The decimal string: what a module that never mentions BigInt gets from +, `${}` or Number() on one.
    hidden(proto, 'valueOf', function valueOf() { return decimal(thisValue(this, 'valueOf')); });
    // JSON.stringify throws on a BigInt that neither a toJSON (which BigInt.prototype lacks, but a val may add) nor
    // the replacer turned into something else. Replaced when BigInt loads, which is before any BigInt exists.
    var nativeStringify = JSON.stringify, isArray = Array.isArray;
    hidden(JSON, 'stringify', function stringify(value, replacer, space) {
        if (isArray(replacer)) return nativeStringify(value, replacer, space);
        var user = typeof replacer === 'function' ? replacer : null;
        return nativeStringify(value, function (key, v) {
            if (user !== null) v = user.call(this, key, v);
            if (is(v)) throw new NativeTypeError('Do not know how to serialize a BigInt');
            return v;
        }, space);
    });
    if (typeof Symbol === 'function' && Symbol.toStringTag) hidden(proto, Symbol.toStringTag, 'BigInt');
    function wrapper(op) {
        return function (bits, bigint) {
            var n = Math.trunc(Number(bits)) || 0;
            if (n < 0 || n > 9007199254740991) throw new NativeRangeError('Invalid value: not (convertible to) a safe integer');
            var x = toBigInt(toPrimitive(bigint, 'number'));
            return make(call(op, String(n), decimal(x[VALUE])));
        };
    }
    hidden(BigInt, 'asIntN', wrapper('asIntN'));
    hidden(BigInt, 'asUintN', wrapper('asUintN'));

    return { BigInt: BigInt, operators: freeze(operators), is: is };
});
