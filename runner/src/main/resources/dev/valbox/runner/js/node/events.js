// node:events for npm packages: EventEmitter as Node has it (listeners in order, once, prepend, the 'error' event
// that throws without a listener, 'newListener'/'removeListener'), and events.once as a promise. ES5, not compiled.
'use strict';

function EventEmitter(options) {
    EventEmitter.init.call(this, options);
}
EventEmitter.defaultMaxListeners = 10;
EventEmitter.errorMonitor = typeof Symbol === 'function' ? Symbol('events.errorMonitor') : 'events.errorMonitor';
EventEmitter.init = function init() {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
        this._events = Object.create(null);
        this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
};
var proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

function events(emitter) {
    if (emitter._events === undefined) EventEmitter.init.call(emitter);
    return emitter._events;
}
function checkListener(listener) {
    if (typeof listener !== 'function') {
        throw new TypeError('The "listener" argument must be of type function. Received ' + (listener === null ? 'null' : typeof listener));
    }
}

proto.setMaxListeners = function setMaxListeners(n) { this._maxListeners = n; return this; };
proto.getMaxListeners = function getMaxListeners() {
    return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};

proto.emit = function emit(type) {
    var args = Array.prototype.slice.call(arguments, 1);
    var all = events(this);
    if (type === 'error' && all[EventEmitter.errorMonitor] !== undefined) {
        this.emit.apply(this, [EventEmitter.errorMonitor].concat(args));
    }
    var handlers = all[type];
    if (handlers === undefined) {
        if (type === 'error') {
            var error = args[0];
            if (error instanceof Error) throw error;
            var unhandled = new Error('Unhandled error.' + (error === undefined ? '' : ' (' + error + ')'));
            unhandled.context = error;
            throw unhandled;
        }
        return false;
    }
    var list = typeof handlers === 'function' ? [handlers] : handlers.slice();
    for (var i = 0; i < list.length; i++) list[i].apply(this, args);
    return true;
};

function addListener(target, type, listener, prepend) {
    checkListener(listener);
    var all = events(target);
    if (all.newListener !== undefined) {
        target.emit('newListener', type, listener.listener ? listener.listener : listener);
        all = events(target);
    }
    var existing = all[type];
    if (existing === undefined) {
        all[type] = listener;
        target._eventsCount++;
    } else if (typeof existing === 'function') {
        all[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
        existing.unshift(listener);
    } else {
        existing.push(listener);
    }
    return target;
}
proto.addListener = proto.on = function addListener_(type, listener) { return addListener(this, type, listener, false); };
proto.prependListener = function prependListener(type, listener) { return addListener(this, type, listener, true); };

function onceWrapper(target, type, listener) {
    var state = { fired: false, target: target, type: type, listener: listener };
    var wrapped = function () {
        if (state.fired) return undefined;
        state.target.removeListener(state.type, wrapped);
        state.fired = true;
        return state.listener.apply(state.target, arguments);
    };
    wrapped.listener = listener;
    return wrapped;
}
proto.once = function once(type, listener) {
    checkListener(listener);
    return this.on(type, onceWrapper(this, type, listener));
};
proto.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    return this.prependListener(type, onceWrapper(this, type, listener));
};

proto.removeListener = proto.off = function removeListener(type, listener) {
    checkListener(listener);
    var all = events(this), list = all[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete all[type];
        if (all.removeListener) this.emit('removeListener', type, list.listener || listener);
        return this;
    }
    if (typeof list === 'function') return this;
    for (var i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
            var removed = list[i];
            list.splice(i, 1);
            if (list.length === 1) all[type] = list[0];
            if (all.removeListener !== undefined) this.emit('removeListener', type, removed.listener || listener);
            break;
        }
    }
    return this;
};
proto.removeAllListeners = function removeAllListeners(type) {
    var all = events(this);
    if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
    } else if (all[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete all[type];
    }
    return this;
};

function listenersOf(target, type, unwrap) {
    var list = events(target)[type];
    if (list === undefined) return [];
    list = typeof list === 'function' ? [list] : list.slice();
    return unwrap ? list.map(function (l) { return l.listener || l; }) : list;
}
proto.listeners = function listeners(type) { return listenersOf(this, type, true); };
proto.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };
proto.listenerCount = function listenerCount(type) { return listenersOf(this, type, false).length; };
proto.eventNames = function eventNames() {
    var all = events(this);
    return Object.keys(all).concat(Object.getOwnPropertySymbols ? Object.getOwnPropertySymbols(all) : []);
};

EventEmitter.listenerCount = function listenerCount(emitter, type) { return emitter.listenerCount(type); };
EventEmitter.once = function once(emitter, name) {
    return new Promise(function (resolve, reject) {
        function onError(error) {
            emitter.removeListener(name, onEvent);
            reject(error);
        }
        function onEvent() {
            if (name !== 'error') emitter.removeListener('error', onError);
            resolve(Array.prototype.slice.call(arguments));
        }
        emitter.once(name, onEvent);
        if (name !== 'error') emitter.once('error', onError);
    });
};
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.setMaxListeners = function setMaxListeners() {};
EventEmitter.getEventListeners = function getEventListeners(emitter, name) { return emitter.listeners(name); };

module.exports = EventEmitter;
