// URL and URLSearchParams, loaded on first use. Evaluating the vendored core-js polyfill costs more than the rest
// of a small val's Global, and most vals never touch a URL. So both globals start as accessors; the first read of
// either (by val code, or by web.js on its behalf) runs the polyfill once, in this Global, and turns both into
// the data properties eager loading gave (writable, configurable, not enumerable). A val that replaced or
// redefined either global before that keeps its own. Runs before lockdown, so everything is captured here.
//
// Prelude.lazyUrl() puts the polyfill's source into the factory at the end. The factory is a sibling of the
// strict loader, not inside it (the polyfill is sloppy code), and its scope holds nothing but its parameters and
// the Global's built-ins: nothing the polyfill can reach is more than val code can reach itself.
(function (global, polyfill) {
    'use strict';
    var valbox = global.__valbox;
    var defineProperty = Object.defineProperty, getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
    var create = Object.create;
    var functionPrototype = Function.prototype, functionToString = Function.prototype.toString;
    var NativeTypeError = TypeError, NativeError = Error;
    var NAMES = ['URL', 'URLSearchParams'];
    // What the polyfill looks up on its global object and did not find when it ran before web.js and io.js: it
    // would wrap a global fetch, take the accessors below for a native URL, and use a shared store, document or
    // Reflect that a val put there. Its global object is a view of this Global that hides them.
    var HIDDEN = ['URL', 'URLSearchParams', 'fetch', 'Headers', 'document', 'Reflect', '__core-js_shared__'];
    // 'lazy', then 'loading', then 'loaded' or 'failed'. Java discards a Global left 'loading' or 'failed' by a
    // run (a stack overflow or a limit can cut the polyfill short, leaving built-ins half patched).
    var state = 'lazy';
    var loaded = {};
    var accessors = {};

    // The polyfill reads Function.prototype (to patch its toString, as it always has) and Function.toString,
    // and calls Function('return this') only if it cannot find its global, which it always finds here. The real
    // constructor is eval in disguise and lockdown removes it, so the polyfill gets this stand-in instead.
    function functionStandIn() {
        function Function() {
            throw new NativeTypeError('Code generation from strings is not allowed');
        }
        defineProperty(Function, 'prototype', { value: functionPrototype });
        defineProperty(Function, 'toString', { value: functionToString });
        return Function;
    }

    function evaluate(factory) {
        var view = create(global);
        for (var i = 0; i < HIDDEN.length; i++) {
            defineProperty(view, HIDDEN[i], { value: undefined, writable: true, configurable: true });
        }
        // Called plainly, not through .call: val code may have replaced Function.prototype.call by now.
        factory(view, view, view, view, functionStandIn());
        for (var j = 0; j < NAMES.length; j++) {
            var name = NAMES[j];
            var made = getOwnPropertyDescriptor(view, name);
            if (made === undefined || typeof made.value !== 'function') {
                throw new NativeError('The URL polyfill did not define ' + name);
            }
            loaded[name] = made.value;
        }
        for (var k = 0; k < NAMES.length; k++) {
            if (isLazy(NAMES[k])) {
                defineProperty(global, NAMES[k], {
                    value: loaded[NAMES[k]], writable: true, enumerable: false, configurable: true
                });
            }
        }
    }

    function load() {
        if (state === 'lazy') {
            state = 'loading';
            var factory = polyfill;
            polyfill = null;
            try {
                evaluate(factory);
                state = 'loaded';
            } finally {
                if (state !== 'loaded') state = 'failed';
            }
        } else if (state === 'failed') {
            throw new NativeError('URL is unavailable: its polyfill failed to load in this run');
        }
        // While loading, the polyfill probes for a native URL through the global; it finds none.
        return loaded;
    }

    function isLazy(name) {
        var current = getOwnPropertyDescriptor(global, name);
        return current !== undefined && current.get === accessors[name];
    }

    function lazy(name) {
        accessors[name] = function () {
            return load()[name];
        };
        defineProperty(global, name, {
            get: accessors[name],
            // An assignment before first use replaces the global as it would replace the data property;
            // inherited by another object, it makes an own property there, as assignment would.
            set: function (value) {
                defineProperty(this, name, { value: value, writable: true, enumerable: this !== global, configurable: true });
            },
            enumerable: false,
            configurable: true
        });
    }
    for (var i = 0; i < NAMES.length; i++) lazy(NAMES[i]);

    valbox.urlState = function () {
        return state;
    };
    // `value instanceof URLSearchParams` for web.js, without loading the polyfill while no instance can exist.
    valbox.isSearchParams = function (value) {
        if (state !== 'loaded' && isLazy('URLSearchParams')) return false;
        return value instanceof global.URLSearchParams;
    };
})(this, function (globalThis, self, window, global, Function) {
// core-js-url.js
});
