// URLPattern as Deno has it, loaded on first use (lazy.js). Each component pattern (`/books/:id(\\d+)`,
// `{*.}?example.com`, `/files/:rest+`) is compiled to a RegExp after the URL Pattern standard's rules: named
// groups `:name` match one segment (up to `/` in the pathname, `.` in the hostname), `*` matches anything, a
// group may carry its own regex and a `?`, `*` or `+` modifier, and `{…}` groups fixed text with them. Inputs are
// parsed with URL. Not done: the standard's canonicalisation of fixed pattern text (percent-encoding, IDNA,
// default ports); patterns are matched against the URL's components as URL gives them.
(function (global) {
    'use strict';
    var valbox = global.__valbox;
    valbox.lazy(['URLPattern'], function () {
        var NativeTypeError = global.TypeError, NativeRegExp = global.RegExp;
        var COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

        function fail(pattern, why) {
            return new NativeTypeError('Invalid URL pattern "' + pattern + '": ' + why);
        }

        // Tokens: char (fixed text), escaped, name, regex, asterisk, open '{', close '}', modifier ('?', '+').
        function tokenize(pattern) {
            var tokens = [], i = 0;
            while (i < pattern.length) {
                __chk();
                var c = pattern.charAt(i);
                if (c === '\\') {
                    if (i + 1 >= pattern.length) throw fail(pattern, 'trailing escape');
                    tokens.push({ type: 'escaped', value: pattern.charAt(i + 1) });
                    i += 2;
                } else if (c === ':') {
                    var m = /^[A-Za-z_$][\w$]*/.exec(pattern.slice(i + 1));
                    // Not followed by a name (the ':' of 'https:' or of a port): plain text, as the lenient
                    // tokenizer of the standard's constructor string parser has it.
                    if (m) {
                        tokens.push({ type: 'name', value: m[0] });
                        i += 1 + m[0].length;
                    } else {
                        tokens.push({ type: 'char', value: c });
                        i++;
                    }
                } else if (c === '(') {
                    var depth = 1, j = i + 1, regex = '';
                    while (j < pattern.length && depth > 0) {
                        var d = pattern.charAt(j);
                        if (d === '\\') {
                            regex += pattern.substr(j, 2);
                            j += 2;
                            continue;
                        }
                        if (d === '(') {
                            depth++;
                            if (pattern.charAt(j + 1) !== '?') throw fail(pattern, 'capturing groups are not allowed in a group regex');
                        } else if (d === ')') {
                            depth--;
                            if (depth === 0) break;
                        }
                        regex += d;
                        j++;
                    }
                    if (depth !== 0 || regex === '') throw fail(pattern, 'unbalanced or empty regex group');
                    tokens.push({ type: 'regex', value: regex });
                    i = j + 1;
                } else if (c === '*') {
                    tokens.push({ type: 'asterisk', value: c });
                    i++;
                } else if (c === '{') {
                    tokens.push({ type: 'open', value: c });
                    i++;
                } else if (c === '}') {
                    tokens.push({ type: 'close', value: c });
                    i++;
                } else if (c === '?' || c === '+') {
                    tokens.push({ type: 'modifier', value: c });
                    i++;
                } else {
                    tokens.push({ type: 'char', value: c });
                    i++;
                }
            }
            return tokens;
        }

        function escapeRegex(text) {
            return text.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
        }

        /** Compiles one component's pattern: a RegExp and the names of its groups, in order. */
        function compile(pattern, component, ignoreCase) {
            var tokens = tokenize(pattern), names = [], index = 0, hasRegex = false;
            var separator = component === 'pathname' ? '/' : component === 'hostname' ? '.' : '';
            var segment = separator ? '[^' + escapeRegex(separator) + ']+?' : '[\\s\\S]+?';
            var prefixChar = component === 'pathname' ? '/' : '';
            var i = 0, source = '';
            function isGroup(t) {
                return t && (t.type === 'name' || t.type === 'regex' || t.type === 'asterisk');
            }
            /** One group (name, regex or asterisk, with an optional regex after a name) at tokens[k]. */
            function group(k) {
                var t = tokens[k], name, regex;
                if (t.type === 'name') {
                    name = t.value;
                    if (tokens[k + 1] && tokens[k + 1].type === 'regex') {
                        regex = tokens[k + 1].value;
                        hasRegex = true;
                        k++;
                    } else {
                        regex = segment;
                    }
                } else if (t.type === 'regex') {
                    name = String(index++);
                    regex = t.value;
                    hasRegex = true;
                } else {
                    name = String(index++);
                    regex = '.*';
                }
                if (names.indexOf(name) !== -1) throw fail(pattern, 'duplicate group name ' + name);
                names.push(name);
                return { next: k + 1, regex: regex };
            }
            function emit(prefix, g, suffix, modifier) {
                prefix = escapeRegex(prefix);
                suffix = escapeRegex(suffix);
                if (modifier === '') return prefix + '(' + g.regex + ')' + suffix;
                if (modifier === '?') return '(?:' + prefix + '(' + g.regex + ')' + suffix + ')?';
                if (prefix === '' && suffix === '') return '((?:' + g.regex + ')' + modifier + ')';
                var repeated = '(?:' + prefix + '((?:' + g.regex + ')(?:' + suffix + prefix + '(?:' + g.regex + '))*)' + suffix + ')';
                return modifier === '*' ? repeated + '?' : repeated;
            }
            var pending = '';
            while (i < tokens.length) {
                __chk();
                var t = tokens[i];
                if (t.type === 'char' || t.type === 'escaped') {
                    pending += t.value;
                    i++;
                } else if (isGroup(t)) {
                    var g = group(i);
                    i = g.next;
                    // An asterisk right after a group is its modifier, not a wildcard of its own.
                    var modifier = '';
                    if (tokens[i] && tokens[i].type === 'modifier') modifier = tokens[i++].value;
                    else if (tokens[i] && tokens[i].type === 'asterisk' && t.type !== 'asterisk') {
                        modifier = '*';
                        i++;
                    }
                    var prefix = '';
                    if (prefixChar && pending.charAt(pending.length - 1) === prefixChar) {
                        prefix = prefixChar;
                        pending = pending.slice(0, -1);
                    }
                    source += escapeRegex(pending) + emit(prefix, g, '', modifier);
                    pending = '';
                } else if (t.type === 'open') {
                    source += escapeRegex(pending);
                    pending = '';
                    var before = '', after = '', inner = null;
                    i++;
                    while (tokens[i] && (tokens[i].type === 'char' || tokens[i].type === 'escaped')) before += tokens[i++].value;
                    if (isGroup(tokens[i])) {
                        inner = group(i);
                        i = inner.next;
                    }
                    while (tokens[i] && (tokens[i].type === 'char' || tokens[i].type === 'escaped')) after += tokens[i++].value;
                    if (!tokens[i] || tokens[i].type !== 'close') throw fail(pattern, 'unclosed {');
                    i++;
                    var mod = '';
                    if (tokens[i] && tokens[i].type === 'modifier') mod = tokens[i++].value;
                    else if (tokens[i] && tokens[i].type === 'asterisk') {
                        mod = '*';
                        i++;
                    }
                    if (inner === null) {
                        var text = escapeRegex(before + after);
                        source += mod === '' ? text : '(?:' + text + ')' + mod;
                    } else {
                        source += emit(before, inner, after, mod);
                    }
                } else if (t.type === 'modifier') {
                    // A modifier with nothing to modify is plain text, as the standard treats it.
                    pending += t.value;
                    i++;
                } else {
                    throw fail(pattern, 'unexpected ' + t.value);
                }
            }
            source += escapeRegex(pending);
            return { regexp: new NativeRegExp('^' + source + '$', ignoreCase ? 'i' : ''), names: names, hasRegex: hasRegex };
        }

        /** Splits a constructor string into component patterns, as the standard's constructor string parser does. */
        function splitPatternString(input) {
            var tokens = tokenize(input), parts = {}, i = 0;
            function raw(t) {
                if (t.type === 'escaped') return '\\' + t.value;
                if (t.type === 'name') return ':' + t.value;
                if (t.type === 'regex') return '(' + t.value + ')';
                return t.value;
            }
            // Protocol: text up to the first plain ':' followed by '//', when no '/' came before it.
            var schemeEnd = -1;
            for (var k = 0; k < tokens.length; k++) {
                var t = tokens[k];
                if (t.type === 'char' && t.value === '/') break;
                if (t.type === 'char' && t.value === ':') {
                    schemeEnd = k;
                    break;
                }
            }
            var rest = tokens;
            if (schemeEnd !== -1) {
                parts.protocol = tokens.slice(0, schemeEnd).map(raw).join('');
                rest = tokens.slice(schemeEnd + 1);
                if (rest[0] && rest[0].value === '/' && rest[1] && rest[1].value === '/') {
                    rest = rest.slice(2);
                    // Authority: up to the first '/', '?' (not a modifier) or '#'.
                    var end = 0;
                    while (end < rest.length) {
                        var a = rest[end];
                        if (a.type === 'char' && (a.value === '/' || a.value === '#')) break;
                        if (a.type === 'modifier' && a.value === '?' && !modifierContextIn(rest, end)) break;
                        end++;
                    }
                    var authority = rest.slice(0, end);
                    rest = rest.slice(end);
                    var at = -1;
                    authority.forEach(function (a, n) { if (a.type === 'char' && a.value === '@') at = n; });
                    if (at !== -1) {
                        var credentials = authority.slice(0, at), colon = -1;
                        credentials.forEach(function (a, n) { if (colon === -1 && a.type === 'char' && a.value === ':') colon = n; });
                        parts.username = (colon === -1 ? credentials : credentials.slice(0, colon)).map(raw).join('');
                        if (colon !== -1) parts.password = credentials.slice(colon + 1).map(raw).join('');
                        authority = authority.slice(at + 1);
                    }
                    var portAt = -1;
                    authority.forEach(function (a, n) { if (a.type === 'char' && a.value === ':') portAt = n; });
                    parts.hostname = (portAt === -1 ? authority : authority.slice(0, portAt)).map(raw).join('');
                    parts.port = portAt === -1 ? '' : authority.slice(portAt + 1).map(raw).join('');
                }
            }
            // Path, then search after a '?' that is not a modifier, then hash after '#'.
            var section = 'pathname';
            parts.pathname = '';
            for (i = 0; i < rest.length; i++) {
                var r = rest[i];
                if (section !== 'hash' && r.type === 'char' && r.value === '#') {
                    section = 'hash';
                    parts.hash = '';
                    continue;
                }
                if (section === 'pathname' && r.type === 'modifier' && r.value === '?' && !modifierContextIn(rest, i)) {
                    section = 'search';
                    parts.search = '';
                    continue;
                }
                parts[section] += raw(r);
            }
            if (schemeEnd !== -1 && parts.hostname !== undefined && parts.pathname === '') parts.pathname = '/';
            return parts;
            function modifierContextIn(list, n) {
                var prev = list[n - 1];
                return prev && (prev.type === 'name' || prev.type === 'regex' || prev.type === 'asterisk' || prev.type === 'close');
            }
        }

        function baseComponents(base) {
            var url = new global.URL(String(base));
            return {
                protocol: url.protocol.slice(0, -1), username: url.username, password: url.password,
                hostname: url.hostname, port: url.port, pathname: url.pathname,
                search: url.search.slice(1), hash: url.hash.slice(1)
            };
        }

        function URLPattern(input, baseURL, options) {
            if (!(this instanceof URLPattern)) throw new NativeTypeError("Failed to construct 'URLPattern': Please use the 'new' operator");
            if (baseURL !== null && typeof baseURL === 'object') {
                options = baseURL;
                baseURL = undefined;
            }
            var init;
            if (input === undefined) input = {};
            if (typeof input === 'string') {
                init = splitPatternString(input);
                if (init.protocol === undefined) {
                    if (baseURL === undefined) throw new NativeTypeError('Invalid URL pattern "' + input + '": a relative pattern needs a base URL');
                    var base = baseComponents(baseURL);
                    init.protocol = base.protocol;
                    init.hostname = base.hostname;
                    init.port = base.port;
                    if (init.pathname.charAt(0) !== '/') init.pathname = base.pathname.replace(/[^\/]*$/, '') + init.pathname;
                }
            } else if (input !== null && typeof input === 'object') {
                init = {};
                COMPONENTS.forEach(function (c) { if (input[c] !== undefined) init[c] = String(input[c]); });
                if (input.baseURL !== undefined) {
                    var b = baseComponents(input.baseURL);
                    // A base URL fills the components before the first one given.
                    for (var n = 0; n < COMPONENTS.length; n++) {
                        if (init[COMPONENTS[n]] !== undefined) break;
                        init[COMPONENTS[n]] = b[COMPONENTS[n]];
                    }
                }
            } else {
                throw new NativeTypeError("Failed to construct 'URLPattern': the input must be a string or a URLPatternInit object");
            }
            var ignoreCase = !!(options && options.ignoreCase), compiled = {}, hasRegex = false;
            COMPONENTS.forEach(function (c) {
                var pattern = init[c] === undefined ? '*' : init[c];
                if (c === 'protocol') pattern = pattern.replace(/:$/, '');
                else if (c === 'search') pattern = pattern.replace(/^\?/, '');
                else if (c === 'hash') pattern = pattern.replace(/^#/, '');
                compiled[c] = compile(pattern, c, ignoreCase && c !== 'protocol');
                compiled[c].pattern = pattern;
                hasRegex = hasRegex || compiled[c].hasRegex;
                Object.defineProperty(this, '_' + c, { value: pattern });
            }, this);
            Object.defineProperty(this, '_compiled', { value: compiled });
            Object.defineProperty(this, '_hasRegExpGroups', { value: hasRegex });
        }
        COMPONENTS.forEach(function (c) {
            Object.defineProperty(URLPattern.prototype, c, { get: function () { return this['_' + c]; }, enumerable: true, configurable: true });
        });
        Object.defineProperty(URLPattern.prototype, 'hasRegExpGroups', {
            get: function () { return this._hasRegExpGroups; }, enumerable: true, configurable: true
        });

        /** The components of an input (a URL string with an optional base, or a URLPatternInit), or null if it is no URL. */
        function inputComponents(input, baseURL) {
            if (typeof input === 'string') {
                var url;
                try {
                    url = baseURL === undefined ? new global.URL(input) : new global.URL(input, String(baseURL));
                } catch (e) {
                    return null;
                }
                return {
                    protocol: url.protocol.slice(0, -1), username: url.username, password: url.password,
                    hostname: url.hostname, port: url.port, pathname: url.pathname,
                    search: url.search.slice(1), hash: url.hash.slice(1)
                };
            }
            if (input === null || typeof input !== 'object') throw new NativeTypeError('URLPattern input must be a string or a URLPatternInit object');
            var values = {};
            var base = input.baseURL !== undefined ? baseComponents(input.baseURL) : null;
            COMPONENTS.forEach(function (c) {
                values[c] = input[c] !== undefined ? String(input[c]) : base ? base[c] : '';
            });
            return values;
        }
        URLPattern.prototype.exec = function exec(input, baseURL) {
            var values = inputComponents(input === undefined ? {} : input, baseURL);
            if (values === null) return null;
            var result = { inputs: baseURL === undefined ? [input] : [input, baseURL] };
            for (var n = 0; n < COMPONENTS.length; n++) {
                var c = COMPONENTS[n], compiled = this._compiled[c];
                var match = compiled.regexp.exec(values[c]);
                if (match === null) return null;
                var groups = {};
                for (var g = 0; g < compiled.names.length; g++) groups[compiled.names[g]] = match[g + 1];
                result[c] = { input: values[c], groups: groups };
            }
            return result;
        };
        URLPattern.prototype.test = function test(input, baseURL) {
            return this.exec(input, baseURL) !== null;
        };
        return { URLPattern: URLPattern };
    });
})(this);
