// Globals loaded on first use. Most vals never touch streams, Blob, events or URLPattern, and every val Global
// evaluates the whole prelude, so each of those groups starts as accessors on the Global: the first read of any
// name of a group runs the group's factory once, in this Global, and turns its names into the data properties
// eager loading would have given (writable, configurable, not enumerable). A val that replaced or redefined such
// a global before that keeps its own. A factory only builds new objects (it patches nothing that exists), so one
// cut short by a limit leaves the group lazy, to be tried again. url.js does the same for the URL polyfill, which
// needs a view of the Global of its own.
(function (global) {
    'use strict';
    var valbox = global.__valbox;
    var defineProperty = Object.defineProperty, getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
    var NativeError = Error;
    var owners = Object.create(null);
    var accessors = Object.create(null);

    function isLazy(name) {
        var current = getOwnPropertyDescriptor(global, name);
        return current !== undefined && current.get === accessors[name];
    }

    function load(group) {
        if (group.values !== null) return group.values;
        if (group.loading) throw new NativeError('The runtime group of ' + group.names.join(', ') + ' needs itself to load');
        group.loading = true;
        var values;
        try {
            values = group.factory();
        } finally {
            group.loading = false;
        }
        group.values = values;
        for (var i = 0; i < group.names.length; i++) {
            var name = group.names[i];
            if (isLazy(name)) defineProperty(global, name, { value: values[name], writable: true, enumerable: false, configurable: true });
        }
        return values;
    }

    /** Defines the names as lazy globals, made by the factory (which answers an object of them) on first read. */
    valbox.lazy = function lazy(names, factory) {
        var group = { names: names, factory: factory, values: null, loading: false };
        names.forEach(function (name) {
            owners[name] = group;
            // One function is both getter and setter (called with no argument, it reads): each is a closure over
            // its name, and every function costs every Global a few hundred bytes.
            var accessor = accessors[name] = function (value) {
                if (arguments.length === 0) return load(group)[name];
                // An assignment before first use replaces the global as it would replace the data property;
                // inherited by another object, it makes an own property there, as assignment would.
                defineProperty(this, name, { value: value, writable: true, enumerable: this !== global, configurable: true });
            };
            defineProperty(global, name, { get: accessor, set: accessor, enumerable: false, configurable: true });
        });
    };
    /** The runtime's own value of a lazy global, loading its group if need be, whatever the val did to the global. */
    valbox.lazyValue = function lazyValue(name) {
        return load(owners[name])[name];
    };
    /** Whether the group of this name has loaded: while not, no instance of its classes can exist. */
    valbox.lazyLoaded = function lazyLoaded(name) {
        return name in owners && owners[name].values !== null;
    };
})(this);
