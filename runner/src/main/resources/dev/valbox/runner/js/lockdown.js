// Runs last in every Global. Deletes every global not on the Global's allowlist (engine, context, load,
// quit, exit, Java, Packages, eval, Function, __noSuchProperty__ and whatever else Nashorn adds) and
// cuts every route to the Function constructor, since Function is eval in disguise.
(function (global) {
    'use strict';
    var defineProperty = Object.defineProperty;
    function refuse() {
        throw new TypeError('Code generation from strings is not allowed');
    }
    defineProperty(global, '__lockdown', {
        configurable: true,
        value: function lockdown(keep) {
            // Functions, arrows and (after lowering) async functions and generators all inherit this.
            defineProperty(Function.prototype, 'constructor', { value: refuse, writable: false, configurable: false, enumerable: false });
            delete Object.bindProperties;
            delete Object.setIndexedPropertiesToExternalArrayData;
            delete Error.dumpStack;
            // engine and context are resolved through __noSuchProperty__; it goes first.
            delete global.__noSuchProperty__;
            Object.getOwnPropertyNames(global).forEach(function (name) {
                if (keep.indexOf(name) !== -1) return;
                try {
                    delete global[name];
                } catch (notConfigurable) {
                    // Nashorn's own `arguments` and __FILE__/__DIR__/__LINE__ cannot be deleted; empty them.
                    var descriptor = Object.getOwnPropertyDescriptor(global, name);
                    if (!descriptor.writable) throw new Error('lockdown could not remove the global ' + name);
                    global[name] = undefined;
                }
            });
        }
    });
})(this);
