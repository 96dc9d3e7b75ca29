// Regular expressions beyond Nashorn's engine: lookbehind, named groups, \p{…}, and the d, s, u and y flags.
// The transpiler rewrites a literal Nashorn cannot parse into `new RegExp(source, flags)`; the RegExp below tries
// Nashorn's own engine first (every plain pattern stays there, at full speed) and hands the rest to java.util.regex
// through two host functions (RegExpEngine: strings and numbers only). That engine and the String and RegExp method
// patches that go with it load on the first such pattern, so a val that never makes one pays only for this file's
// top level. Extended regexps are objects of RegExp.prototype whose state lives in a WeakMap here.
(function (global, engineFactory) {
    'use strict';
    var host = global.__host;
    // From the global: the function declaration below shadows the name RegExp in this scope.
    var NativeRegExp = global.RegExp, proto = NativeRegExp.prototype, NativeSyntaxError = SyntaxError;
    var defineProperty = Object.defineProperty;
    var engine = null;

    function hidden(target, name, value) {
        defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
    function getter(target, name, get) {
        defineProperty(target, name, { get: get, configurable: true, enumerable: false });
    }
    function load() {
        if (engine === null) {
            engine = engineFactory(global, host, proto);
            engineFactory = null;
        }
        return engine;
    }
    function isExtended(value) {
        return engine !== null && engine.is(value);
    }
    function flagsOf(re) {
        return (re.hasIndices ? 'd' : '') + (re.global ? 'g' : '') + (re.ignoreCase ? 'i' : '')
            + (re.multiline ? 'm' : '') + (re.dotAll ? 's' : '') + (re.unicode ? 'u' : '')
            + (re.unicodeSets ? 'v' : '') + (re.sticky ? 'y' : '');
    }

    function RegExp(pattern, flags) {
        var isRegExp = pattern instanceof NativeRegExp;
        if (!(this instanceof RegExp) && isRegExp && flags === undefined && pattern.constructor === RegExp) {
            return pattern;
        }
        var source = isRegExp ? pattern.source : pattern === undefined ? '' : String(pattern);
        var f = flags !== undefined ? String(flags) : isRegExp ? flagsOf(pattern) : '';
        var made = plainFlags(f) && !isExtended(pattern) ? nashorns(source, f) : null;
        return made !== null ? made : load().create(source, f);
    }
    /** Nashorn's own regexp, or null when its engine cannot parse the pattern (java.util.regex may, or says why not). */
    function nashorns(source, flags) {
        try {
            return new NativeRegExp(source, flags);
        } catch (e) {
            if (!(e instanceof NativeSyntaxError)) throw e;
            return null;
        }
    }
    function plainFlags(flags) {
        for (var i = 0; i < flags.length; i++) {
            var c = flags.charAt(i);
            if (c !== 'g' && c !== 'i' && c !== 'm') return false;
        }
        return true;
    }
    RegExp.prototype = proto;
    hidden(proto, 'constructor', RegExp);
    // RegExp.$1, RegExp.lastMatch and the other legacy statics are inherited from Nashorn's constructor.
    Object.setPrototypeOf(RegExp, NativeRegExp);
    // Nashorn's regexps have none of these; extended ones have their own.
    getter(proto, 'flags', function () { return flagsOf(this); });
    function no() {
        return false;
    }
    getter(proto, 'sticky', no);
    getter(proto, 'unicode', no);
    getter(proto, 'dotAll', no);
    getter(proto, 'hasIndices', no);
    getter(proto, 'unicodeSets', no);
    hidden(global, 'RegExp', RegExp);

    // The String methods dispatch from the start, not from when the engine loads: in `s.match(new RegExp(…))` the
    // method is looked up before its argument makes the first extended regexp.
    var stringProto = String.prototype;
    var nativeMatch = stringProto.match, nativeReplace = stringProto.replace, nativeSearch = stringProto.search,
        nativeSplit = stringProto.split;
    function thisString(value, method) {
        if (value == null) throw new TypeError('String.prototype.' + method + ' called on null or undefined');
        return String(value);
    }
    hidden(stringProto, 'match', function match(re) {
        return isExtended(re) ? engine.match(re, thisString(this, 'match')) : nativeMatch.call(this, re);
    });
    hidden(stringProto, 'replace', function replace(re, replacement) {
        return isExtended(re)
            ? engine.replace(re, thisString(this, 'replace'), replacement)
            : nativeReplace.call(this, re, replacement);
    });
    hidden(stringProto, 'search', function search(re) {
        return isExtended(re) ? engine.search(re, thisString(this, 'search')) : nativeSearch.call(this, re);
    });
    hidden(stringProto, 'split', function split(re, limit) {
        return isExtended(re) ? engine.split(re, thisString(this, 'split'), limit) : nativeSplit.call(this, re, limit);
    });

})(this, function engineFactory(global, host, proto) {
    'use strict';
    var describe = host.regexpDescribe, execHost = host.regexpExec, lastError = host.lastError;
    var parse = JSON.parse, defineProperty = Object.defineProperty, create = Object.create;
    var NativeSyntaxError = SyntaxError, NativeRangeError = RangeError, NativeTypeError = TypeError;
    var states = new WeakMap();
    // Descriptions by flags and source, so a literal inside a loop translates once. Cleared when full.
    var descriptions = new Map();
    var nativeExec = proto.exec, nativeTest = proto.test, nativeToString = proto.toString;

    function readOnly(target, name, value) {
        defineProperty(target, name, { value: value, writable: false, configurable: true, enumerable: false });
    }
    function hidden(target, name, value) {
        defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
    function toLength(n) {
        n = Math.floor(Number(n));
        return isNaN(n) || n < 0 ? 0 : n;
    }
    function escapeSource(source) {
        if (source === '') return '(?:)';
        var out = '', inClass = false;
        for (var i = 0; i < source.length; i++) {
            var c = source.charAt(i);
            if (c === '\\') {
                out += c + source.charAt(++i);
                continue;
            }
            if (c === '[') inClass = true;
            else if (c === ']') inClass = false;
            if (c === '/' && !inClass) out += '\\/';
            else if (c === '\n') out += '\\n';
            else if (c === '\r') out += '\\r';
            else if (c === '\u2028') out += '\\u2028';
            else if (c === '\u2029') out += '\\u2029';
            else out += c;
        }
        return out;
    }

    function describeOnce(source, flags) {
        var key = flags + '/' + source;
        var d = descriptions.get(key);
        if (d === undefined) {
            var json = describe(source, flags);
            if (json === null) throw new NativeSyntaxError(lastError());
            d = parse(json);
            d.named = d.names.some(function (n) { return n !== null; });
            if (descriptions.size >= 512) descriptions.clear();
            descriptions.set(key, d);
        }
        return d;
    }

    function createRegExp(source, flags) {
        var d = describeOnce(source, flags);
        var re = create(proto);
        defineProperty(re, 'lastIndex', { value: 0, writable: true, enumerable: false, configurable: false });
        var state = {
            d: d, global: flags.indexOf('g') >= 0, sticky: flags.indexOf('y') >= 0,
            unicode: flags.indexOf('u') >= 0, indices: flags.indexOf('d') >= 0
        };
        states.set(re, state);
        readOnly(re, 'source', escapeSource(source));
        readOnly(re, 'flags', 'dgimsuy'.split('').filter(function (f) { return flags.indexOf(f) >= 0; }).join(''));
        readOnly(re, 'global', state.global);
        readOnly(re, 'ignoreCase', flags.indexOf('i') >= 0);
        readOnly(re, 'multiline', flags.indexOf('m') >= 0);
        readOnly(re, 'dotAll', flags.indexOf('s') >= 0);
        readOnly(re, 'unicode', state.unicode);
        readOnly(re, 'sticky', state.sticky);
        readOnly(re, 'hasIndices', state.indices);
        return re;
    }

    /** Positions of the match at or after `from` (at `from` if sticky): [start0, end0, start1, …], or null. */
    function positions(state, s, from, sticky) {
        var r = execHost(state.d.java, state.d.javaFlags, s, from, sticky);
        if (r === null) throw new NativeRangeError(lastError());
        if (r === '') return null;
        var parts = r.split(','), p = new Array(parts.length);
        for (var i = 0; i < parts.length; i++) p[i] = +parts[i];
        return p;
    }

    function result(state, s, p) {
        var names = state.d.names, n = p.length / 2;
        var m = new Array(n), groups, indices, indexGroups;
        for (var g = 0; g < n; g++) m[g] = p[2 * g] < 0 ? undefined : s.slice(p[2 * g], p[2 * g + 1]);
        m.index = p[0];
        m.input = s;
        if (state.d.named) {
            groups = create(null);
            for (var k = 1; k < n; k++) if (names[k] !== null) groups[names[k]] = m[k];
        }
        m.groups = groups;
        if (state.indices) {
            indices = new Array(n);
            for (var j = 0; j < n; j++) indices[j] = p[2 * j] < 0 ? undefined : [p[2 * j], p[2 * j + 1]];
            if (groups !== undefined) {
                indexGroups = create(null);
                for (var q = 1; q < n; q++) if (names[q] !== null) indexGroups[names[q]] = indices[q];
            }
            indices.groups = indexGroups;
            m.indices = indices;
        }
        return m;
    }

    /** RegExpBuiltinExec: lastIndex is read and written only with the g or y flag. */
    function exec(re, s) {
        var state = states.get(re);
        var tracked = state.global || state.sticky;
        var from = tracked ? toLength(re.lastIndex) : 0;
        var p = from > s.length ? null : positions(state, s, from, state.sticky);
        if (p === null) {
            if (tracked) re.lastIndex = 0;
            return null;
        }
        if (tracked) re.lastIndex = p[1];
        return result(state, s, p);
    }

    function advance(s, index, unicode) {
        if (!unicode || index + 1 >= s.length) return index + 1;
        var c = s.charCodeAt(index);
        return c >= 0xD800 && c <= 0xDBFF && (s.charCodeAt(index + 1) & 0xFC00) === 0xDC00 ? index + 2 : index + 1;
    }

    /** Every match of a global regexp, as String.prototype.match/replace walk them. */
    function eachMatch(re, s, visit) {
        var state = states.get(re);
        if (!state.global) {
            var single = exec(re, s);
            if (single !== null) visit(single);
            return;
        }
        re.lastIndex = 0;
        for (;;) {
            __chk();
            var m = exec(re, s);
            if (m === null) return;
            if (m[0] === '') re.lastIndex = advance(s, toLength(re.lastIndex), state.unicode);
            visit(m);
        }
    }

    function match(re, s) {
        if (!states.get(re).global) return exec(re, s);
        var all = [];
        eachMatch(re, s, function (m) { all.push(m[0]); });
        return all.length ? all : null;
    }

    /** GetSubstitution, with $<name> when the match has groups. */
    function substitute(m, s, position, template) {
        var out = '', n = m.length - 1;
        for (var i = 0; i < template.length; i++) {
            var c = template.charAt(i);
            if (c !== '$' || i + 1 === template.length) {
                out += c;
                continue;
            }
            var next = template.charAt(i + 1);
            if (next === '$') {
                out += '$';
                i++;
            } else if (next === '&') {
                out += m[0];
                i++;
            } else if (next === '`') {
                out += s.slice(0, position);
                i++;
            } else if (next === '\'') {
                out += s.slice(Math.min(position + m[0].length, s.length));
                i++;
            } else if (next >= '0' && next <= '9') {
                var two = template.slice(i + 1, i + 3), index = -1, used = 0;
                if (/^\d\d$/.test(two) && +two >= 1 && +two <= n) {
                    index = +two;
                    used = 2;
                } else if (+next >= 1 && +next <= n) {
                    index = +next;
                    used = 1;
                }
                if (index < 0) {
                    out += c;
                } else {
                    out += m[index] === undefined ? '' : m[index];
                    i += used;
                }
            } else if (next === '<' && m.groups !== undefined) {
                var close = template.indexOf('>', i + 2);
                if (close < 0) {
                    out += c;
                } else {
                    var value = m.groups[template.slice(i + 2, close)];
                    out += value === undefined ? '' : String(value);
                    i = close;
                }
            } else {
                out += c;
            }
        }
        return out;
    }

    function replace(re, s, replacement) {
        var functional = typeof replacement === 'function';
        var template = functional ? null : String(replacement);
        var found = [];
        eachMatch(re, s, function (m) { found.push(m); });
        var out = '', next = 0;
        for (var k = 0; k < found.length; k++) {
            var m = found[k], position = Math.max(Math.min(m.index, s.length), 0), text;
            if (functional) {
                var args = m.slice(0);
                args.push(position, s);
                if (m.groups !== undefined) args.push(m.groups);
                text = String(replacement.apply(undefined, args));
            } else {
                text = substitute(m, s, position, template);
            }
            if (position >= next) {
                out += s.slice(next, position) + text;
                next = position + m[0].length;
            }
        }
        return out + s.slice(next);
    }

    function search(re, s) {
        var previous = re.lastIndex;
        re.lastIndex = 0;
        var state = states.get(re);
        var p = positions(state, s, 0, state.sticky);
        re.lastIndex = previous;
        return p === null ? -1 : p[0];
    }

    /** @@split, finding each separator with one search from q rather than a sticky try at every index. */
    function split(re, s, limit) {
        var state = states.get(re);
        var max = limit === undefined ? 4294967295 : limit >>> 0;
        var out = [];
        if (max === 0) return out;
        if (s.length === 0) return positions(state, s, 0, true) === null ? [s] : out;
        var p = 0, q = 0;
        while (q < s.length) {
            __chk();
            var found = positions(state, s, q, false);
            if (found === null || found[0] >= s.length) break;
            q = found[0];
            var e = Math.min(found[1], s.length);
            if (e === p) {
                q = advance(s, q, state.unicode);
                continue;
            }
            out.push(s.slice(p, q));
            if (out.length === max) return out;
            for (var g = 1; g < found.length / 2; g++) {
                out.push(found[2 * g] < 0 ? undefined : s.slice(found[2 * g], found[2 * g + 1]));
                if (out.length === max) return out;
            }
            p = q = e;
        }
        out.push(s.slice(p));
        return out;
    }

    function is(value) {
        return value !== null && typeof value === 'object' && states.has(value);
    }
    hidden(proto, 'exec', function exec_(s) {
        return is(this) ? exec(this, String(s)) : nativeExec.call(this, s);
    });
    hidden(proto, 'test', function test(s) {
        return is(this) ? exec(this, String(s)) !== null : nativeTest.call(this, s);
    });
    hidden(proto, 'toString', function toString() {
        return is(this) ? '/' + this.source + '/' + this.flags : nativeToString.call(this);
    });
    return { create: createRegExp, is: is, match: match, replace: replace, search: search, split: split };
});
