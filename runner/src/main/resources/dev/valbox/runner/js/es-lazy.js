// ECMAScript globals Nashorn lacks, loaded on first use (lazy.js): Reflect (without Proxy, which Nashorn cannot
// give: it would need traps on every property access), AggregateError, WeakRef and FinalizationRegistry.
(function (global) {
    'use strict';
    var valbox = global.__valbox;
    // Taken now: lockdown removes the Function global before any factory runs.
    var functionApply = Function.prototype.apply, functionBind = Function.prototype.bind;
    valbox.lazy(['Reflect', 'AggregateError', 'WeakRef', 'FinalizationRegistry'], function () {
        var NativeTypeError = global.TypeError, NativeError = global.Error;
        function hidden(target, name, value) {
            Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
        }
        function target(o, method) {
            if (o === null || (typeof o !== 'object' && typeof o !== 'function')) {
                throw new NativeTypeError('Reflect.' + method + ' called on non-object');
            }
            return o;
        }
        var Reflect = {
            apply: function apply(fn, thisArg, args) {
                if (typeof fn !== 'function') throw new NativeTypeError('Reflect.apply: the target is not a function');
                return functionApply.call(fn, thisArg, args);
            },
            // ES5 constructors only (what TypeScript emits): the object is made from newTarget's prototype, then
            // the constructor runs on it; a constructor that returns an object answers that object.
            construct: function construct(Target, args, newTarget) {
                if (typeof Target !== 'function') throw new NativeTypeError('Reflect.construct: the target is not a constructor');
                var Proto = newTarget === undefined ? Target : newTarget;
                if (Proto === Target) return new (functionBind.apply(Target, [null].concat(Array.from(args))))();
                var instance = Object.create(typeof Proto.prototype === 'object' && Proto.prototype !== null ? Proto.prototype : Object.prototype);
                var result = functionApply.call(Target, instance, args);
                return result !== null && (typeof result === 'object' || typeof result === 'function') ? result : instance;
            },
            defineProperty: function defineProperty(o, key, attributes) {
                try {
                    Object.defineProperty(target(o, 'defineProperty'), key, attributes);
                    return true;
                } catch (e) {
                    if (e instanceof NativeTypeError && o !== null && typeof o === 'object') return false;
                    throw e;
                }
            },
            deleteProperty: function deleteProperty(o, key) {
                target(o, 'deleteProperty');
                try {
                    return delete o[key];
                } catch (e) {
                    return false;
                }
            },
            get: function get(o, key, receiver) {
                target(o, 'get');
                if (receiver === undefined || receiver === o) return o[key];
                for (var p = o; p !== null; p = Object.getPrototypeOf(p)) {
                    var d = Object.getOwnPropertyDescriptor(p, key);
                    if (d) return d.get ? d.get.call(receiver) : d.value;
                }
                return undefined;
            },
            getOwnPropertyDescriptor: function getOwnPropertyDescriptor(o, key) {
                return Object.getOwnPropertyDescriptor(target(o, 'getOwnPropertyDescriptor'), key);
            },
            getPrototypeOf: function getPrototypeOf(o) {
                return Object.getPrototypeOf(target(o, 'getPrototypeOf'));
            },
            has: function has(o, key) {
                return key in target(o, 'has');
            },
            isExtensible: function isExtensible(o) {
                return Object.isExtensible(target(o, 'isExtensible'));
            },
            ownKeys: function ownKeys(o) {
                target(o, 'ownKeys');
                return Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o));
            },
            preventExtensions: function preventExtensions(o) {
                Object.preventExtensions(target(o, 'preventExtensions'));
                return true;
            },
            set: function set(o, key, value, receiver) {
                target(o, 'set');
                var to = receiver === undefined ? o : receiver;
                try {
                    'use strict';
                    to[key] = value;
                    return true;
                } catch (e) {
                    return false;
                }
            },
            setPrototypeOf: function setPrototypeOf(o, proto) {
                try {
                    Object.setPrototypeOf(target(o, 'setPrototypeOf'), proto);
                    return true;
                } catch (e) {
                    return false;
                }
            }
        };
        Reflect[Symbol.toStringTag] = 'Reflect';

        function AggregateError(errors, message, options) {
            var e = new NativeError(message === undefined ? '' : message, options);
            Object.setPrototypeOf(e, AggregateError.prototype);
            hidden(e, 'errors', Array.from(errors));
            return e;
        }
        AggregateError.prototype = Object.create(NativeError.prototype);
        hidden(AggregateError.prototype, 'constructor', AggregateError);
        hidden(AggregateError.prototype, 'name', 'AggregateError');
        hidden(AggregateError.prototype, 'message', '');

        // The engine gives JS no weak references. A WeakRef that always answers its target and a registry that
        // never calls back are both allowed by the standard (collection is never promised); they only keep the
        // target alive as long as the ref itself.
        function WeakRef(value) {
            if (!(this instanceof WeakRef)) throw new NativeTypeError("Constructor WeakRef requires 'new'");
            if (value === null || (typeof value !== 'object' && typeof value !== 'function')) throw new NativeTypeError('WeakRef: invalid target');
            hidden(this, '_target', value);
        }
        WeakRef.prototype.deref = function deref() { return this._target; };
        function FinalizationRegistry(callback) {
            if (!(this instanceof FinalizationRegistry)) throw new NativeTypeError("Constructor FinalizationRegistry requires 'new'");
            if (typeof callback !== 'function') throw new NativeTypeError('FinalizationRegistry: cleanup must be callable');
        }
        FinalizationRegistry.prototype.register = function register(value) {
            if (value === null || (typeof value !== 'object' && typeof value !== 'function')) throw new NativeTypeError('FinalizationRegistry.register: invalid target');
        };
        FinalizationRegistry.prototype.unregister = function unregister() { return false; };

        return { Reflect: Reflect, AggregateError: AggregateError, WeakRef: WeakRef, FinalizationRegistry: FinalizationRegistry };
    });
})(this);
