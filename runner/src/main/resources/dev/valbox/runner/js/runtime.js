// The core of a val Global: deadline checks, error hygiene, console, env, the microtask and timer queues,
// and the CommonJS module registry. Host functions arrive on __host, are captured here, and __host is
// deleted by lockdown.js. Everything Java needs is on the __valbox object, which lockdown.js hands to Java
// and removes from the Global. Nothing here is reachable by name from val code except the globals it
// defines on purpose.
(function (global) {
    'use strict';
    var host = global.__host;
    var gate = host.gate, hostKind = host.kind, hostLog = host.log, hostLastError = host.lastError;
    var stringify = JSON.stringify, parse = JSON.parse;
    var hasOwn = Object.prototype.hasOwnProperty;
    var defineProperty = Object.defineProperty;
    var valbox = {};
    defineProperty(global, '__valbox', { value: valbox, writable: false, configurable: true });

    // Deno names the global object `self` too; promise-polyfill looks for it.
    hidden(global, 'self', global);

    function fixed(name, value) {
        defineProperty(global, name, { value: value, writable: false, configurable: false, enumerable: false });
    }
    function hidden(target, name, value) {
        defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    }

    // Deadline checks: the transpiler puts __chk() at every loop body and function entry. The counter
    // costs ~6 ns; every 10k calls the host gate looks at the clock, CPU, allocation and the cancel flag.
    // When the gate throws, the counter is not reset, so every later __chk calls the gate and throws again.
    var counter = new Int32Array(1);
    fixed('__chk', function __chk() {
        if (++counter[0] > 10000) {
            gate();
            counter[0] = 0;
        }
    });

    // Error hygiene. Nashorn gives every thrown or constructed error an own `nashornException` holding a
    // Java exception, and lets Java errors (stack overflow, our budget error) reach JS catch blocks as
    // Java objects. __caught (called first in every instrumented catch, and in the vendored libraries'
    // catch blocks) and the wrapped Error constructors turn all of that into plain JS errors.
    var runtimeFrame = /^\s*at .*\(valbox:[^)]*\)\s*$/;
    function scrubStack(stack) {
        return String(stack).split('\n').filter(function (line) { return !runtimeFrame.test(line); }).join('\n');
    }
    // `at f (key:line)` names a line of the compiled code; the compiler's line table (define) gives the val's
    // own source line. Applied once, where a native stack is first read (scrub, captureStackTrace).
    var mapped = new WeakSet();
    var frameAt = /^(\s*at .*\()(.*):(\d+)(\)\s*)$/;
    function sourceStack(stack) {
        return stack.split('\n').map(function (frame) {
            var m = frameAt.exec(frame);
            var definition = m && definitions[m[2]];
            var lines = definition && definition.lines;
            if (!lines || m[3] < 1 || m[3] > lines.length) return frame;
            return m[1] + m[2] + ':' + lines[m[3] - 1] + m[4];
        }).join('\n');
    }
    function scrub(e) {
        if (hasOwn.call(e, 'nashornException')) {
            var stack = e instanceof NativeError ? e.stack : undefined;
            delete e.nashornException;
            delete e.__stack__;
            // A rethrown error gets a nashornException again, but its stack was mapped already.
            if (stack !== undefined) hidden(e, 'stack', mapped.has(e) ? scrubStack(stack) : sourceStack(scrubStack(stack)));
            if (stack !== undefined && !mapped.has(e)) {
                mapped.add(e);
                missingFeature(e);
            }
        }
        return e;
    }
    // Package code that reaches for what the runtime lacks (Nashorn has no Proxy, WebAssembly, SharedArrayBuffer or
    // Atomics; the lockdown removes eval and the Function constructor) fails with the package and the feature named,
    // instead of the engine's `"Proxy" is not defined`. Only errors raised in a package's own code are renamed.
    var MISSING = /^"(Proxy|WebAssembly|SharedArrayBuffer|Atomics|eval)" is not defined$/;
    var firstFrame = /\n\s*at [^\n]*\((npm:[^)\n]*?):\d+\)/;
    function missingFeature(e) {
        var message = String(e.message), feature = MISSING.exec(message);
        if (feature) {
            feature = feature[1] === 'eval' ? 'eval (code generation from strings)' : feature[1];
        } else if (message === 'Code generation from strings is not allowed') {
            feature = 'the Function constructor (code generation from strings)';
        } else {
            return;
        }
        var frame = firstFrame.exec(String(e.stack));
        if (!frame) return;
        var renamed = 'package ' + packageOf(frame[1]).name + ' needs ' + feature + ', which the val runtime does not have';
        hidden(e, 'stack', String(e.stack).replace(message, renamed));
        hidden(e, 'message', renamed);
    }
    var limitErrors = {
        stack: ['RangeError', 'Maximum call stack size exceeded'],
        memory: ['RangeError', 'Out of memory'],
        timeout: ['TimeoutError', 'The val ran longer than its time limit'],
        limit: ['LimitError', 'The val exceeded a resource limit'],
        cancelled: ['CancelledError', 'The evaluation was cancelled'],
        host: ['Error', 'Internal error']
    };
    function fromHost(kind) {
        var spec = limitErrors[kind] || limitErrors.host;
        var e = spec[0] === 'RangeError' ? new RangeError(spec[1]) : new Error(spec[1]);
        if (spec[0] !== 'RangeError') hidden(e, 'name', spec[0]);
        return e;
    }
    fixed('__caught', function __caught(e) {
        if (e !== null && typeof e === 'object') {
            if (!(e instanceof Object)) {
                var kind = hostKind(e);
                if (kind !== 'js') return fromHost(kind);
            }
            scrub(e);
        }
        return e;
    });
    var NativeError = Error;
    function made(Native, args, self) {
        var e = scrub(Native.apply(undefined, args));
        // ES2022 `new Error(message, { cause })`, which Nashorn ignores.
        var options = args[1];
        var hasCause = options !== null && typeof options === 'object' && 'cause' in options;
        if (hasCause) hidden(e, 'cause', options.cause);
        // A class that extends Error, lowered to ES5, runs `_super.call(this, message) || this`: what the native
        // constructor made would replace the instance and lose its class (instanceof fails). The instance takes
        // the error's own properties instead and stays itself.
        if (self !== null && typeof self === 'object' && self instanceof Native
                && Object.getPrototypeOf(self) !== Native.prototype) {
            if (hasOwn.call(e, 'message')) hidden(self, 'message', e.message);
            if (hasCause) hidden(self, 'cause', options.cause);
            // As in V8, the stack's first line shows the name and message the instance has when it is read.
            var stack = String(e.stack), header = NativeError.prototype.toString.call(e);
            var frames = stack.indexOf(header) === 0 ? stack.slice(header.length) : '\n' + stack;
            defineProperty(self, 'stack', {
                get: function () { return NativeError.prototype.toString.call(this) + frames; },
                set: function (value) { hidden(this, 'stack', value); },
                configurable: true,
                enumerable: false
            });
            return self;
        }
        return e;
    }
    var errors = {
        Error: function Error(message) { return made(NativeError, arguments, this); },
        TypeError: function TypeError(message) { return made(NativeTypeError, arguments, this); },
        RangeError: function RangeError(message) { return made(NativeRangeError, arguments, this); },
        SyntaxError: function SyntaxError(message) { return made(NativeSyntaxError, arguments, this); },
        ReferenceError: function ReferenceError(message) { return made(NativeReferenceError, arguments, this); },
        EvalError: function EvalError(message) { return made(NativeEvalError, arguments, this); },
        URIError: function URIError(message) { return made(NativeURIError, arguments, this); }
    };
    var NativeTypeError = TypeError, NativeRangeError = RangeError, NativeSyntaxError = SyntaxError,
        NativeReferenceError = ReferenceError, NativeEvalError = EvalError, NativeURIError = URIError;
    var natives = {
        Error: NativeError, TypeError: NativeTypeError, RangeError: NativeRangeError, SyntaxError: NativeSyntaxError,
        ReferenceError: NativeReferenceError, EvalError: NativeEvalError, URIError: NativeURIError
    };
    Object.keys(errors).forEach(function (name) {
        var wrapped = errors[name];
        wrapped.prototype = natives[name].prototype;
        hidden(natives[name].prototype, 'constructor', wrapped);
        hidden(global, name, wrapped);
    });
    delete NativeError.prototype.printStackTrace;
    delete NativeError.prototype.getStackTrace;
    hidden(errors.Error, 'captureStackTrace', function captureStackTrace(target) {
        if (target !== null && typeof target === 'object') {
            hidden(target, 'stack', sourceStack(scrubStack(new NativeError().stack)).replace(/^Error\n/, ''));
        }
    });
    valbox.scrub = scrub;
    valbox.caught = global.__caught;

    // Console: formatted like Deno (strings raw at top level, everything else inspected), sent to the host
    // log, which caps the run's total and adds one truncation marker.
    function inspect(value, depth, seen, nested) {
        switch (typeof value) {
            case 'string': return nested ? stringify(value) : value;
            case 'undefined': return 'undefined';
            case 'function': return '[Function: ' + (value.name || '(anonymous)') + ']';
            case 'symbol': return String(value);
            case 'object': break;
            default: return String(value);
        }
        if (value === null) return 'null';
        if (valbox.isBigInt(value)) return String(value) + 'n';
        if (value instanceof NativeError) return value.stack ? String(value.stack) : String(value);
        if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
        if (value instanceof RegExp) return String(value);
        if (seen.indexOf(value) !== -1) return '[Circular]';
        if (depth > 4) return Array.isArray(value) ? '[Array]' : '[Object]';
        seen = seen.concat([value]);
        var parts;
        if (Array.isArray(value)) {
            parts = value.slice(0, 100).map(function (v) { return inspect(v, depth + 1, seen, true); });
            if (value.length > 100) parts.push('... ' + (value.length - 100) + ' more items');
            return parts.length ? '[ ' + parts.join(', ') + ' ]' : '[]';
        }
        if (value instanceof Map) {
            parts = [];
            value.forEach(function (v, k) { parts.push(inspect(k, depth + 1, seen, true) + ' => ' + inspect(v, depth + 1, seen, true)); });
            return 'Map(' + value.size + ') {' + (parts.length ? ' ' + parts.join(', ') + ' ' : '') + '}';
        }
        if (value instanceof Set) {
            parts = [];
            value.forEach(function (v) { parts.push(inspect(v, depth + 1, seen, true)); });
            return 'Set(' + value.size + ') {' + (parts.length ? ' ' + parts.join(', ') + ' ' : '') + '}';
        }
        parts = Object.keys(value).map(function (k) {
            var key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : stringify(k);
            return key + ': ' + inspect(value[k], depth + 1, seen, true);
        });
        var ctor = Object.getPrototypeOf(value) && Object.getPrototypeOf(value).constructor;
        var prefix = ctor && ctor !== Object && ctor.name ? ctor.name + ' ' : '';
        return prefix + (parts.length ? '{ ' + parts.join(', ') + ' }' : '{}');
    }
    function logger(level) {
        return function () {
            var parts = [];
            for (var i = 0; i < arguments.length; i++) parts.push(inspect(arguments[i], 0, [], false));
            hostLog(level, parts.join(' '));
        };
    }
    var console = {
        log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error'),
        debug: logger('debug'), trace: logger('debug')
    };
    console.assert = function assert(condition) {
        if (!condition) {
            var rest = Array.prototype.slice.call(arguments, 1);
            console.error.apply(null, ['Assertion failed'].concat(rest));
        }
    };
    console.dir = console.log;
    console.table = console.log;
    hidden(global, 'console', console);
    valbox.inspect = function (value) { return inspect(value, 0, [], false); };

    // Env vars change on every run (they carry a fresh per-run token), so they live in this variable,
    // replaced by valbox.run, never baked into the cached Global.
    // The val token (`valtown`) is signed by the server only when the run first reads it: signing is the
    // costliest part of serving a request, and most runs never look at it.
    var env = {};
    var valTokenDue = false;
    var hostValToken = host.valToken;
    function fullEnv() {
        if (valTokenDue) {
            valTokenDue = false;
            var token = hostValToken();
            if (typeof token === 'string') env.valtown = token;
        }
        return env;
    }
    function envFor(key) { return key === 'valtown' ? fullEnv() : env; }
    var denoEnv = {
        get: function get(key) { var e = envFor(key); return hasOwn.call(e, key) ? e[key] : undefined; },
        has: function has(key) { return hasOwn.call(envFor(key), key); },
        set: function set() {},
        delete: function () {},
        toObject: function toObject() { return Object.assign({}, fullEnv()); }
    };
    hidden(global, 'Deno', Object.freeze({ env: Object.freeze(denoEnv) }));
    var processObject = {};
    defineProperty(processObject, 'env', { get: function () { return Object.assign({}, fullEnv()); }, enumerable: true });
    hidden(global, 'process', Object.freeze(processObject));

    // Microtasks (promise callbacks) and timers. Java drives the loop: drain, then fire due timers, and
    // sleeps in between, bounded by the run's deadline.
    var microtasks = [];
    function queueMicrotask(callback) {
        if (typeof callback !== 'function') throw new TypeError('queueMicrotask requires a function');
        microtasks.push(callback);
    }
    hidden(global, 'queueMicrotask', queueMicrotask);
    var timers = new Map(), nextTimerId = 1;
    function setTimeout(callback, delay) {
        // A string callback would be eval: refuse it.
        if (typeof callback !== 'function') throw new TypeError('setTimeout requires a function');
        var id = nextTimerId++;
        var args = Array.prototype.slice.call(arguments, 2);
        timers.set(id, { due: Date.now() + Math.max(0, Number(delay) || 0), callback: callback, args: args });
        return id;
    }
    function clearTimeout(id) {
        timers.delete(id);
    }
    function setInterval(callback, delay) {
        if (typeof callback !== 'function') throw new TypeError('setInterval requires a function');
        var args = Array.prototype.slice.call(arguments, 2);
        var period = Math.max(1, Number(delay) || 0);
        var id = nextTimerId++;
        // fireTimers takes a timer out of the map before it calls it, and only calls timers still in it: re-arm
        // first, so that clearInterval, even from inside the callback, removes the next round.
        var repeat = function () {
            timers.set(id, { due: Date.now() + period, callback: repeat, args: [] });
            callback.apply(undefined, args);
        };
        timers.set(id, { due: Date.now() + period, callback: repeat, args: [] });
        return id;
    }
    // A timer that does not keep a module run waiting, as Deno unrefs AbortSignal.timeout's (events.js).
    valbox.unrefTimeout = function unrefTimeout(callback, delay) {
        var id = setTimeout(callback, delay);
        timers.get(id).unref = true;
        return id;
    };
    function refTimers() {
        var count = 0;
        timers.forEach(function (t) { if (!t.unref) count++; });
        return count;
    }
    hidden(global, 'setTimeout', setTimeout);
    hidden(global, 'clearTimeout', clearTimeout);
    hidden(global, 'setInterval', setInterval);
    hidden(global, 'clearInterval', clearTimeout);

    valbox.drain = function drain() {
        while (microtasks.length) {
            var batch = microtasks;
            microtasks = [];
            for (var i = 0; i < batch.length; i++) {
                try {
                    batch[i]();
                } catch (e) {
                    uncaught(e);
                }
            }
        }
    };
    /** Milliseconds until the next timer is due (0 = due now), or -1 when there is none. */
    valbox.nextTimer = function nextTimer() {
        var soonest = -1;
        timers.forEach(function (t) { if (soonest === -1 || t.due < soonest) soonest = t.due; });
        return soonest === -1 ? -1 : Math.max(0, soonest - Date.now());
    };
    valbox.fireTimers = function fireTimers() {
        var now = Date.now(), due = [];
        timers.forEach(function (t, id) { if (t.due <= now) due.push([id, t]); });
        due.sort(function (a, b) { return a[1].due - b[1].due || a[0] - b[0]; });
        due.forEach(function (entry) {
            if (timers.get(entry[0]) !== entry[1]) return;
            timers.delete(entry[0]);
            try {
                entry[1].callback.apply(undefined, entry[1].args);
            } catch (e) {
                uncaught(e);
            }
            valbox.drain();
        });
    };

    // The module registry: each module's require() resolves through that module's own imports map.
    var definitions = Object.create(null), instances = Object.create(null);
    /**
     * @param url the module's URL for import.meta (null: the key, see moduleMeta)
     * @param infoJson the compiler's trailer (transpiler.js, "Source lines"): lines, async, deps; "{}" if none
     */
    valbox.define = function define(key, factory, importsJson, url, infoJson) {
        var info = infoJson ? parse(infoJson) : {};
        definitions[key] = {
            factory: factory, imports: parse(importsJson), url: url || null,
            lines: info.lines || null, async: info.async === true, deps: info.deps || []
        };
        if (info.async === true) anyAsync = true;
    };
    function load(key) {
        if (instances[key]) return instances[key].exports;
        var definition = definitions[key];
        if (!definition) throw new Error('Module "' + key + '" was not provided');
        var module = { exports: {} };
        instances[key] = module;
        try {
            var result;
            if (isPackageKey(key)) {
                result = definition.factory.apply(module.exports, packageScope(key, definition, module));
            } else {
                // Only the worker's standard library (std: keys, never sent by the server) gets the host API.
                // Val modules get their import.meta there instead.
                var standard = key.indexOf('std:') === 0;
                // The standard library stands for ES modules: imported with esModuleInterop, as it is, no `default`.
                if (standard) defineProperty(module.exports, '__esModule', { value: true });
                var fourth = standard ? valbox.stdHost : moduleMeta(key, definition);
                result = definition.factory.call(module.exports, module.exports, requireFrom(key, definition.imports), module, fourth);
            }
            if (definition.async) settling(key, module, result);
        } catch (e) {
            delete instances[key];
            throw e;
        }
        return module.exports;
    }
    // import.meta of a val module. Val Town never runs a val as the main module.
    function moduleMeta(key, definition) {
        var url = definition.url || 'valbox:///' + encodeURIComponent(key);
        var meta = {
            url: url,
            main: false,
            resolve: function resolve(specifier) {
                specifier = String(specifier);
                if (/^\.{0,2}\//.test(specifier)) return new URL(specifier, url).href;
                if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(specifier)) return new URL(specifier).href;
                throw new TypeError('Import "' + specifier + '" not a dependency');
            }
        };
        // What the compiler turns `import(x)` into (not enumerable: Deno's import.meta has no such key).
        defineProperty(meta, 'import', { value: function dynamicImport(specifier) {
            return new Promise(function (resolve) {
                var target = requireKey(key, definition.imports, String(specifier));
                var pending = evaluate(target);
                var namespace = function () { return global.__importStar(instances[target].exports); };
                resolve(pending ? pending.then(namespace) : namespace());
            });
        } });
        return meta;
    }

    // Module graphs with top-level await. A module compiled with top-level await (define's info.async)
    // returns its body's promise from its factory. When a run's graph has one, the entry is evaluated as
    // ES modules are: each module's static imports (info.deps) first, depth-first in import order, and a
    // module whose imports are still settling starts only once they settled. A graph without one keeps
    // the plain synchronous require path.
    var anyAsync = false, evaluating = Object.create(null);
    function settling(key, module, result) {
        if (result === null || typeof result !== 'object' || typeof result.then !== 'function') return;
        module.pending = Promise.resolve(result).then(function () {
            module.pending = null;
        }, function (e) {
            // As in ESM, a module whose evaluation failed fails its importers; the Global is not reused.
            if (instances[key] === module) delete instances[key];
            healthy = false;
            throw e;
        });
    }
    /** Evaluates the module and its static imports; answers a promise while any of them is settling, else null. */
    function evaluate(key) {
        if (instances[key]) return instances[key].pending || null;
        if (evaluating[key] !== undefined) return evaluating[key];
        var definition = definitions[key];
        if (!definition) {
            load(key); // throws: the module was not provided
            return null;
        }
        evaluating[key] = null;
        var waits = [];
        definition.deps.forEach(function (specifier) {
            if (!hasOwn.call(definition.imports, specifier)) return;
            var pending = evaluate(definition.imports[specifier]);
            if (pending) waits.push(pending);
        });
        if (!waits.length) {
            delete evaluating[key];
            load(key);
            return instances[key].pending || null;
        }
        var pending = Promise.all(waits).then(function () {
            delete evaluating[key];
            load(key);
            return instances[key].pending;
        });
        evaluating[key] = pending;
        return pending;
    }

    function requireFrom(from, imports) {
        return function require(specifier) {
            var key = requireKey(from, imports, String(specifier));
            if (key.indexOf('node:') === 0 && !definitions[key]) {
                var who = isPackageKey(from) ? 'package ' + packageOf(from).name : 'the val';
                throw new Error(who + ' needs ' + key + ', which vals cannot use');
            }
            return load(key);
        };
    }

    // npm packages (PROTOCOL.md, "npm packages"): a module keyed npm:<name>@<version>/<path> is CommonJS run with
    // Node's module scope; node:<name> keys are the worker's own built-ins (js/node/<name>.js), wrapped the same way.
    function isPackageKey(key) {
        return key.indexOf('npm:') === 0 || key.indexOf('node:') === 0;
    }
    var packageKey = /^npm:((?:@[^/]+\/)?[^/@]+)@([^/]+)\/(.*)$/;
    function packageOf(key) {
        var m = packageKey.exec(key);
        if (m) return { name: m[1], version: m[2], path: '/' + m[3] };
        return { name: key.replace(/^npm:/, ''), version: '', path: '/' + key };
    }
    // One process object for every package of the Global, as Node has one. The val's own `process` is another.
    var packageProcess = null, setImmediate = function setImmediate(callback) {
        if (typeof callback !== 'function') throw new TypeError('setImmediate requires a function');
        return setTimeout.apply(undefined, [callback, 0].concat(Array.prototype.slice.call(arguments, 1)));
    };
    function nodeProcess() {
        if (packageProcess === null) {
            packageProcess = {
                env: { NODE_ENV: 'production' },
                nextTick: function nextTick(callback) {
                    var args = Array.prototype.slice.call(arguments, 1);
                    queueMicrotask(function () { callback.apply(undefined, args); });
                },
                version: 'v22.0.0',
                versions: { node: '22.0.0' },
                platform: 'linux',
                cwd: function cwd() { return '/'; },
                argv: []
            };
        }
        return packageProcess;
    }
    var functionPrototype = Object.getPrototypeOf(function () {});
    /** The arguments of a package module's wrapper (Sandbox.PACKAGE_HEAD). */
    function packageScope(key, definition, module) {
        var where = packageOf(key);
        var require = requireFrom(key, definition.imports);
        module.id = key;
        module.filename = where.path;
        // `Function` in package code: instanceof and Function.prototype work, calling it fails naming the package.
        var FunctionStub = function Function() {
            throw new Error('package ' + where.name + ' needs the Function constructor (code generation from strings), '
                + 'which the val runtime does not have');
        };
        FunctionStub.prototype = functionPrototype;
        var buffer = key === 'node:buffer' ? undefined : load('node:buffer').Buffer;
        return [module.exports, require, module, moduleMeta(key, definition), where.path,
            where.path.replace(/\/[^/]*$/, '') || '/', global, nodeProcess(), buffer, setImmediate, clearTimeout,
            MessageChannel, FunctionStub];
    }
    // MessageChannel for browser builds of packages (react-dom/server's schedules its work through one): each message
    // is delivered to the other port as a macrotask. Messages are passed as they are, not cloned.
    function MessagePort() {
        hidden(this, '_listeners', []);
        hidden(this, '_other', null);
        hidden(this, '_closed', false);
        this.onmessage = null;
    }
    MessagePort.prototype.postMessage = function postMessage(data) {
        var target = this._other;
        if (this._closed || target === null) return;
        setTimeout(function () {
            if (target._closed) return;
            var event = { type: 'message', data: data, target: target };
            if (typeof target.onmessage === 'function') target.onmessage(event);
            target._listeners.slice().forEach(function (listener) { listener.call(target, event); });
        }, 0);
    };
    MessagePort.prototype.addEventListener = function addEventListener(type, listener) {
        if (type === 'message' && typeof listener === 'function') this._listeners.push(listener);
    };
    MessagePort.prototype.removeEventListener = function removeEventListener(type, listener) {
        var at = this._listeners.indexOf(listener);
        if (type === 'message' && at !== -1) this._listeners.splice(at, 1);
    };
    MessagePort.prototype.start = function start() {};
    MessagePort.prototype.close = function close() { hidden(this, '_closed', true); };
    function MessageChannel() {
        if (!(this instanceof MessageChannel)) throw new TypeError("Class constructor MessageChannel cannot be invoked without 'new'");
        this.port1 = new MessagePort();
        this.port2 = new MessagePort();
        hidden(this.port1, '_other', this.port2);
        hidden(this.port2, '_other', this.port1);
    }
    function requireKey(from, imports, specifier) {
        if (hasOwn.call(imports, specifier)) return imports[specifier];
        if (isPackageKey(from)) {
            throw new Error('package ' + packageOf(from).name + ' requires "' + specifier
                + '", which was not resolved when the val was saved (only require() of a string literal is)');
        }
        throw new Error('Cannot import "' + specifier + '": only https://esm.town/v/… and std imports are supported');
    }

    // Host calls and fetches finish on other Java threads; Java then calls valbox.settle on the run thread
    // from its task queue (a macrotask), which resolves or rejects the promise the call returned.
    var settlements = Object.create(null), unsettled = 0;
    valbox.expect = function expect(token, resolve, reject, decode) {
        settlements[token] = { resolve: resolve, reject: reject, decode: decode };
        unsettled++;
    };
    /** Forgets a pending operation (an aborted fetch): its settlement will be ignored. */
    valbox.abandon = function abandon(token) {
        if (settlements[token]) {
            delete settlements[token];
            unsettled--;
        }
    };
    valbox.settle = function settle(token, failureJson, valueJson, body) {
        var pending = settlements[token];
        if (!pending) return;
        delete settlements[token];
        unsettled--;
        if (failureJson !== null) {
            var failure = parse(failureJson);
            var e = failure.name === 'TypeError' ? new errors.TypeError(failure.message) : new errors.Error(failure.message);
            if (failure.name !== 'TypeError' && failure.name !== 'Error') hidden(e, 'name', String(failure.name));
            pending.reject(e);
            return;
        }
        var value;
        try {
            value = pending.decode(parse(valueJson), body);
        } catch (e) {
            pending.reject(e);
            return;
        }
        pending.resolve(value);
    };

    // One run: call the entry module as the call asks, and record the outcome as JSON for Java.
    var outcome = null, healthy = true, waitForIdle = false;
    function errorJson(e) {
        e = global.__caught(e);
        if (e !== null && typeof e === 'object' && e instanceof NativeError) {
            return { name: String(e.name), message: String(e.message), stack: scrubStack(e.stack || '') };
        }
        return { name: 'Error', message: 'Uncaught ' + inspect(e, 0, [], true), stack: '' };
    }
    function settle(status, value) {
        if (outcome !== null) return;
        try {
            outcome = status === 'ok'
                ? stringify({ status: 'ok', value: value === undefined ? null : value }) || '{"status":"ok","value":null}'
                : stringify({ status: 'error', error: errorJson(value) });
        } catch (e) {
            outcome = stringify({ status: 'error', error: errorJson(e) });
        }
    }
    function uncaught(e) {
        if (outcome === null) {
            settle('error', e);
        } else {
            console.error('Uncaught', e);
        }
    }
    valbox.uncaught = uncaught;
    function exportsValue(exports) {
        var value = null;
        Object.keys(exports).forEach(function (k) {
            if (typeof exports[k] !== 'function') {
                value = value || {};
                value[k] = exports[k];
            }
        });
        return value;
    }
    function pick(exports, name) {
        if (name !== null && name !== undefined) {
            if (!hasOwn.call(exports, name)) throw new TypeError('The val has no export named "' + name + '"');
            return exports[name];
        }
        if (hasOwn.call(exports, 'default')) return exports['default'];
        var keys = Object.keys(exports);
        for (var i = 0; i < keys.length; i++) {
            if (typeof exports[keys[i]] === 'function') return exports[keys[i]];
        }
        // Nothing to call: a script val whose exports are data answers with that data; with one export, its value.
        var data = exportsValue(exports);
        var names = data === null ? [] : Object.keys(data);
        return names.length === 1 ? data[names[0]] : data;
    }
    function awaitValue(result, then) {
        if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {
            Promise.resolve(result).then(then, function (e) { settle('error', e); });
        } else {
            then(result);
        }
    }
    valbox.run = function run(entry, callJson, envJson, valToken) {
        outcome = null;
        counter[0] = 0;
        env = parse(envJson);
        valTokenDue = valToken === true && !hasOwn.call(env, 'valtown');
        var call = parse(callJson);
        waitForIdle = call.kind === 'module';
        var ready = null;
        if (anyAsync) {
            try {
                ready = evaluate(entry);
            } catch (e) {
                healthy = false;
                settle('error', e);
                return;
            }
        }
        if (ready) {
            ready.then(function () { callEntry(entry, call); }, function (e) { healthy = false; settle('error', e); });
        } else {
            callEntry(entry, call);
        }
    };
    function callEntry(entry, call) {
        try {
            var exports = load(entry);
            if (call.kind === 'module') {
                settle('ok', exportsValue(exports));
            } else if (call.kind === 'function') {
                var target = pick(exports, call['export']);
                if (typeof target !== 'function') {
                    // An exported value (what eval of an expression exports) that is a promise answers with what it
                    // settles to, as in Val Town.
                    awaitValue(target, function (v) { settle('ok', v); });
                } else {
                    awaitValue(target.apply(undefined, call.args || []), function (v) { settle('ok', v); });
                }
            } else if (call.kind === 'interval') {
                var scheduled = pick(exports, null);
                if (typeof scheduled !== 'function') throw new TypeError('An interval val must export a function');
                var interval = { lastRunAt: call.lastRunAt == null ? undefined : new Date(call.lastRunAt) };
                awaitValue(scheduled(interval), function (v) { settle('ok', v); });
            } else if (call.kind === 'http') {
                var handler = pick(exports, null);
                // `export default { fetch(req) {…} }`, the shape `deno serve` runs, is called as its fetch method.
                if (handler !== null && typeof handler === 'object' && typeof handler.fetch === 'function') {
                    handler = handler.fetch.bind(handler);
                }
                if (typeof handler !== 'function') throw new TypeError('An HTTP val must export a function or an object with a fetch method');
                var request = valbox.toRequest(call.request);
                awaitValue(handler(request), function (response) {
                    valbox.fromResponse(response).then(function (v) { settle('ok', v); }, function (e) { settle('error', e); });
                });
            } else {
                throw new TypeError('Unknown call kind ' + call.kind);
            }
        } catch (e) {
            if (!instances[entry]) healthy = false;
            settle('error', e);
        }
    }
    /** The run's outcome JSON once it is known (and, for a module run, once nothing is left to do). */
    valbox.outcome = function () {
        if (outcome === null) return null;
        if (waitForIdle && (microtasks.length || refTimers() || unsettled)) return null;
        return outcome;
    };
    valbox.finish = function () {
        // A call's leftover timers do not outlive it; module state does.
        timers.clear();
        microtasks = [];
        // Java abandons the run's host calls and fetches; their promises stay pending for ever.
        settlements = Object.create(null);
        unsettled = 0;
        return healthy;
    };
    valbox.hostError = function () {
        return new Error(hostLastError());
    };
})(this);
