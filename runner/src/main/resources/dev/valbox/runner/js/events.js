// DOMException, Event, EventTarget, CustomEvent, AbortController, AbortSignal, structuredClone and performance,
// as Deno has them; loaded on first use (lazy.js).
(function (global) {
    'use strict';
    var valbox = global.__valbox, host = global.__host;
    var hostNow = host.now, hostTimeOrigin = host.timeOrigin;
    valbox.lazy(['DOMException', 'Event', 'EventTarget', 'CustomEvent', 'AbortController', 'AbortSignal',
        'structuredClone', 'performance'], function () {
        var defineProperty = Object.defineProperty, create = Object.create;
        var NativeError = global.Error, NativeTypeError = global.TypeError;
        function hidden(target, name, value) {
            defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
        }
        function getters(prototype, names) {
            names.forEach(function (name) {
                defineProperty(prototype, name, { get: function () { return this['_' + name]; }, configurable: true });
            });
        }

        // Legacy codes of the DOMException names that had one (WebIDL), as Deno answers them.
        var CODES = {
            IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
            NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
            SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
            TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
            QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
        };
        function DOMException(message, name) {
            if (!(this instanceof DOMException)) throw new NativeTypeError("Class constructor DOMException cannot be invoked without 'new'");
            message = message === undefined ? '' : String(message);
            name = name === undefined ? 'Error' : String(name);
            hidden(this, 'message', message);
            hidden(this, 'name', name);
            var frames = String(new NativeError().stack || '').split('\n').slice(2).join('\n');
            hidden(this, 'stack', name + (message ? ': ' + message : '') + (frames ? '\n' + frames : ''));
        }
        DOMException.prototype = create(NativeError.prototype);
        hidden(DOMException.prototype, 'constructor', DOMException);
        defineProperty(DOMException.prototype, 'code', { get: function () { return CODES[this.name] || 0; }, configurable: true });
        Object.keys(CODES).forEach(function (name) {
            var constant = name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() + '_ERR';
            defineProperty(DOMException, constant, { value: CODES[name], enumerable: true });
        });

        function Event(type, init) {
            if (arguments.length === 0) throw new NativeTypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
            init = init || {};
            hidden(this, '_type', String(type));
            hidden(this, '_bubbles', !!init.bubbles);
            hidden(this, '_cancelable', !!init.cancelable);
            hidden(this, '_composed', !!init.composed);
            hidden(this, '_defaultPrevented', false);
            hidden(this, '_target', null);
            hidden(this, '_currentTarget', null);
            hidden(this, '_eventPhase', 0);
            hidden(this, '_timeStamp', hostNow());
            hidden(this, '_stop', 0);
        }
        getters(Event.prototype, ['type', 'bubbles', 'cancelable', 'composed', 'defaultPrevented', 'target',
            'currentTarget', 'eventPhase', 'timeStamp']);
        defineProperty(Event.prototype, 'isTrusted', { get: function () { return false; }, configurable: true });
        defineProperty(Event.prototype, 'srcElement', { get: function () { return this._target; }, configurable: true });
        defineProperty(Event.prototype, 'returnValue', { get: function () { return !this._defaultPrevented; }, configurable: true });
        defineProperty(Event.prototype, 'cancelBubble', { get: function () { return this._stop > 0; }, configurable: true });
        Event.prototype.preventDefault = function preventDefault() {
            if (this._cancelable) this._defaultPrevented = true;
        };
        Event.prototype.stopPropagation = function stopPropagation() {
            if (this._stop < 1) this._stop = 1;
        };
        Event.prototype.stopImmediatePropagation = function stopImmediatePropagation() {
            this._stop = 2;
        };
        Event.prototype.composedPath = function composedPath() {
            return this._currentTarget ? [this._currentTarget] : [];
        };
        [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]].forEach(function (c) {
            defineProperty(Event, c[0], { value: c[1], enumerable: true });
            defineProperty(Event.prototype, c[0], { value: c[1], enumerable: true });
        });

        function CustomEvent(type, init) {
            Event.call(this, type, init);
            hidden(this, '_detail', init && init.detail !== undefined ? init.detail : null);
        }
        CustomEvent.prototype = create(Event.prototype);
        hidden(CustomEvent.prototype, 'constructor', CustomEvent);
        getters(CustomEvent.prototype, ['detail']);

        // Listeners run in the order added; an exception in one is reported as uncaught, as Deno does, and the
        // others still run.
        function EventTarget() {
            hidden(this, '_listeners', Object.create(null));
        }
        function listenersOf(target) {
            if (!target._listeners) hidden(target, '_listeners', Object.create(null));
            return target._listeners;
        }
        function captureOf(options) {
            return typeof options === 'boolean' ? options : !!(options && options.capture);
        }
        EventTarget.prototype.addEventListener = function addEventListener(type, callback, options) {
            if (callback === null || callback === undefined) return;
            type = String(type);
            var capture = captureOf(options);
            var signal = options && typeof options === 'object' ? options.signal : undefined;
            if (signal && signal.aborted) return;
            var all = listenersOf(this);
            var list = all[type] || (all[type] = []);
            for (var i = 0; i < list.length; i++) {
                if (list[i].callback === callback && list[i].capture === capture) return;
            }
            var entry = { callback: callback, capture: capture, once: !!(options && options.once), removed: false };
            list.push(entry);
            if (signal) {
                var self = this;
                signal.addEventListener('abort', function () { self.removeEventListener(type, callback, capture); });
            }
        };
        EventTarget.prototype.removeEventListener = function removeEventListener(type, callback, options) {
            var all = listenersOf(this), list = all[String(type)];
            if (!list) return;
            var capture = captureOf(options);
            for (var i = 0; i < list.length; i++) {
                if (list[i].callback === callback && list[i].capture === capture) {
                    list[i].removed = true;
                    list.splice(i, 1);
                    return;
                }
            }
        };
        EventTarget.prototype.dispatchEvent = function dispatchEvent(event) {
            if (!(event instanceof Event)) throw new NativeTypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
            if (event._eventPhase !== 0) throw new DOMException('Invalid event state', 'InvalidStateError');
            event._target = this;
            event._currentTarget = this;
            event._eventPhase = 2;
            var list = (listenersOf(this)[event._type] || []).slice();
            var handler = this['on' + event._type];
            for (var i = 0; i < list.length && event._stop < 2; i++) {
                var entry = list[i];
                if (entry.removed) continue;
                if (entry.once) this.removeEventListener(event._type, entry.callback, entry.capture);
                invoke(this, entry.callback, event);
            }
            // An on<type> handler property (AbortSignal.onabort) runs after the listeners added before it; close
            // enough, since the runtime's own targets never add listeners before the val does.
            if (typeof handler === 'function' && event._stop < 2 && isHandlerTarget(this)) invoke(this, handler, event);
            event._currentTarget = null;
            event._eventPhase = 0;
            return !event._defaultPrevented;
        };
        function isHandlerTarget(target) {
            return target instanceof AbortSignal;
        }
        function invoke(target, callback, event) {
            try {
                if (typeof callback === 'function') callback.call(target, event);
                else if (callback && typeof callback.handleEvent === 'function') callback.handleEvent(event);
            } catch (e) {
                valbox.uncaught(e);
            }
        }

        var constructing = false;
        function AbortSignal() {
            if (!constructing) throw new NativeTypeError('Illegal constructor');
            EventTarget.call(this);
            hidden(this, '_aborted', false);
            hidden(this, '_reason', undefined);
            hidden(this, 'onabort', null);
        }
        AbortSignal.prototype = create(EventTarget.prototype);
        hidden(AbortSignal.prototype, 'constructor', AbortSignal);
        getters(AbortSignal.prototype, ['aborted', 'reason']);
        AbortSignal.prototype.throwIfAborted = function throwIfAborted() {
            if (this._aborted) throw this._reason;
        };
        function newSignal() {
            constructing = true;
            try {
                return new AbortSignal();
            } finally {
                constructing = false;
            }
        }
        function signalAbort(signal, reason) {
            if (signal._aborted) return;
            signal._aborted = true;
            signal._reason = reason === undefined ? new DOMException('The signal has been aborted', 'AbortError') : reason;
            signal.dispatchEvent(new Event('abort'));
        }
        valbox.abortSignal = signalAbort;
        AbortSignal.abort = function abort(reason) {
            var signal = newSignal();
            signalAbort(signal, reason);
            return signal;
        };
        AbortSignal.timeout = function timeout(ms) {
            ms = Number(ms);
            if (!(ms >= 0) || ms > 9007199254740991) throw new NativeTypeError('AbortSignal.timeout: the delay must be a non-negative number');
            var signal = newSignal();
            valbox.unrefTimeout(function () {
                signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
            }, ms);
            return signal;
        };
        AbortSignal.any = function any(signals) {
            var signal = newSignal(), list = Array.from(signals);
            for (var i = 0; i < list.length; i++) {
                if (list[i].aborted) {
                    signalAbort(signal, list[i].reason);
                    return signal;
                }
            }
            list.forEach(function (source) {
                source.addEventListener('abort', function () { signalAbort(signal, source.reason); });
            });
            return signal;
        };

        function AbortController() {
            hidden(this, '_signal', newSignal());
        }
        getters(AbortController.prototype, ['signal']);
        AbortController.prototype.abort = function abort(reason) {
            signalAbort(this._signal, reason);
        };

        // structuredClone: the HTML structured clone algorithm for what a val can hold: primitives, plain objects
        // and arrays (own enumerable string keys; prototypes dropped), Date, RegExp, Map, Set, Error types,
        // ArrayBuffer and its views, Blob and File, boxed primitives, with shared references and cycles kept.
        // Functions, symbols and other platform objects throw a DataCloneError, as in Deno.
        var TYPED = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
            'Uint32Array', 'Float32Array', 'Float64Array'];
        var ERRORS = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
        function cannotClone(value) {
            var text = typeof value === 'function' ? String(value).replace(/__chk\(\);\s*/g, '').replace(/\s+/g, ' ')
                : typeof value === 'symbol' ? value.toString() : valbox.inspect(value);
            return new DOMException(text + ' could not be cloned.', 'DataCloneError');
        }
        function structuredClone(value, options) {
            if (arguments.length === 0) throw new NativeTypeError("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
            if (options && options.transfer && options.transfer.length) throw new DOMException('structuredClone: transfer is not supported in Valbox', 'DataCloneError');
            var seen = new Map();
            function clone(v) {
                __chk();
                if (typeof v === 'function' || typeof v === 'symbol') throw cannotClone(v);
                if (v === null || typeof v !== 'object') return v;
                if (seen.has(v)) return seen.get(v);
                var copy, i;
                if (Array.isArray(v)) {
                    copy = new Array(v.length);
                    seen.set(v, copy);
                    Object.keys(v).forEach(function (k) { copy[k] = clone(v[k]); });
                    return copy;
                }
                if (v instanceof Date) return remember(v, new Date(v.getTime()));
                if (v instanceof RegExp) return remember(v, new RegExp(v.source, v.flags !== undefined ? v.flags : String(v).slice(String(v).lastIndexOf('/') + 1)));
                if (v instanceof Boolean || v instanceof Number || v instanceof String) return remember(v, Object(v.valueOf()));
                if (v instanceof ArrayBuffer) return remember(v, v.slice(0));
                if (v instanceof DataView) {
                    return remember(v, new DataView(clone(v.buffer), v.byteOffset, v.byteLength));
                }
                for (i = 0; i < TYPED.length; i++) {
                    var Typed = global[TYPED[i]];
                    if (typeof Typed === 'function' && v instanceof Typed) {
                        var buffer = clone(v.buffer);
                        return remember(v, new Typed(buffer, v.byteOffset, v.length));
                    }
                }
                if (v instanceof Map) {
                    copy = remember(v, new Map());
                    v.forEach(function (val, key) { copy.set(clone(key), clone(val)); });
                    return copy;
                }
                if (v instanceof Set) {
                    copy = remember(v, new Set());
                    v.forEach(function (val) { copy.add(clone(val)); });
                    return copy;
                }
                if (v instanceof NativeError) {
                    var name = ERRORS.indexOf(v.name) !== -1 ? v.name : 'Error';
                    copy = remember(v, new global[name](v.message));
                    if (v.stack !== undefined) hidden(copy, 'stack', v.stack);
                    if ('cause' in v) hidden(copy, 'cause', clone(v.cause));
                    return copy;
                }
                if (valbox.lazyLoaded('Blob') && v instanceof valbox.lazyValue('Blob')) return remember(v, v.slice(0, v.size, v.type));
                if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || isPlatformObject(v)) throw cannotClone(v);
                copy = remember(v, {});
                Object.keys(v).forEach(function (k) { copy[k] = clone(v[k]); });
                return copy;
            }
            function remember(original, copy) {
                seen.set(original, copy);
                return copy;
            }
            return clone(value);
        }
        function isPlatformObject(v) {
            return v instanceof EventTarget || v instanceof Event || v instanceof global.Request || v instanceof global.Response ||
                v instanceof global.Headers;
        }

        // performance: milliseconds since the worker started, as Deno counts from its process start.
        var entries = [];
        function PerformanceEntry(name, entryType, startTime, duration, detail) {
            hidden(this, 'name', name);
            hidden(this, 'entryType', entryType);
            hidden(this, 'startTime', startTime);
            hidden(this, 'duration', duration);
            hidden(this, 'detail', detail === undefined ? null : detail);
        }
        PerformanceEntry.prototype.toJSON = function () {
            return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
        };
        function markTime(mark) {
            if (typeof mark === 'number') return mark;
            for (var i = entries.length - 1; i >= 0; i--) {
                if (entries[i].entryType === 'mark' && entries[i].name === mark) return entries[i].startTime;
            }
            throw new DOMException("The mark '" + mark + "' does not exist.", 'SyntaxError');
        }
        var performance = {
            now: function now() { return hostNow(); },
            mark: function mark(name, options) {
                var entry = new PerformanceEntry(String(name), 'mark',
                    options && options.startTime !== undefined ? Number(options.startTime) : hostNow(), 0, options && options.detail);
                entries.push(entry);
                return entry;
            },
            measure: function measure(name, start, end) {
                var detail;
                if (start !== null && typeof start === 'object') {
                    detail = start.detail;
                    end = start.end;
                    start = start.start;
                }
                var from = start === undefined ? 0 : markTime(start);
                var to = end === undefined ? hostNow() : markTime(end);
                var entry = new PerformanceEntry(String(name), 'measure', from, to - from, detail);
                entries.push(entry);
                return entry;
            },
            getEntries: function getEntries() { return entries.slice(); },
            getEntriesByName: function getEntriesByName(name, type) {
                return entries.filter(function (e) { return e.name === name && (type === undefined || e.entryType === type); });
            },
            getEntriesByType: function getEntriesByType(type) {
                return entries.filter(function (e) { return e.entryType === type; });
            },
            clearMarks: function clearMarks(name) {
                entries = entries.filter(function (e) { return e.entryType !== 'mark' || (name !== undefined && e.name !== name); });
            },
            clearMeasures: function clearMeasures(name) {
                entries = entries.filter(function (e) { return e.entryType !== 'measure' || (name !== undefined && e.name !== name); });
            },
            toJSON: function toJSON() { return { timeOrigin: this.timeOrigin }; }
        };
        defineProperty(performance, 'timeOrigin', { get: function () { return hostTimeOrigin(); }, enumerable: true });

        return {
            DOMException: DOMException, Event: Event, EventTarget: EventTarget, CustomEvent: CustomEvent,
            AbortController: AbortController, AbortSignal: AbortSignal, structuredClone: structuredClone,
            performance: performance
        };
    });
})(this);
