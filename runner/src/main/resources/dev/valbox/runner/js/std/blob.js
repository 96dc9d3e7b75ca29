// std/blob (https://esm.town/v/std/blob): Val Town's blob storage API over the host's blob service.
// Every call acts as the val's author with the val token's scopes; the server checks them exactly as it
// does for /v1/blob. Bytes cross to the host as base64. Wrapped by the worker as
// function (exports, require, module, host) { ... }.
'use strict';
var PromiseCtor = Promise, NativeError = Error, ResponseCtor = Response, RequestCtor = Request;
var setPrototypeOf = Object.setPrototypeOf, getPrototypeOf = Object.getPrototypeOf;

// Real Error objects (so they carry a stack) whose prototype is the subclass, so instanceof, name and
// String(e) work, also for a val's own class that extends them.
function ValTownBlobError(message) {
    var e = new NativeError(message === undefined ? 'Blob error' : String(message));
    setPrototypeOf(e, this instanceof ValTownBlobError ? getPrototypeOf(this) : ValTownBlobError.prototype);
    return e;
}
ValTownBlobError.prototype = Object.create(NativeError.prototype, {
    constructor: { value: ValTownBlobError, writable: true, configurable: true },
    name: { value: 'ValTownBlobError', writable: true, configurable: true }
});

function ValTownBlobNotFoundError(message) {
    var self = this instanceof ValTownBlobNotFoundError ? this : Object.create(ValTownBlobNotFoundError.prototype);
    return ValTownBlobError.call(self, message === undefined ? 'Blob not found' : message);
}
ValTownBlobNotFoundError.prototype = Object.create(ValTownBlobError.prototype, {
    constructor: { value: ValTownBlobNotFoundError, writable: true, configurable: true },
    name: { value: 'ValTownBlobNotFoundError', writable: true, configurable: true }
});

// Bad arguments stay TypeErrors (the val's own mistake); a missing blob is ValTownBlobNotFoundError;
// everything else (a missing scope, a limit, a server failure) is ValTownBlobError with the server's words.
function call(operation, args) {
    return host.call('blob.' + operation, args).then(null, function (e) {
        if (e.name === 'TypeError') throw e;
        if (e.name === 'NotFoundError') throw new ValTownBlobNotFoundError(e.message);
        throw new ValTownBlobError(e.message);
    });
}

function nothing() {
    return undefined;
}

function keyOf(key) {
    return String(key);
}

/** The blob's bytes as a Response (rejects with ValTownBlobNotFoundError when there is none). */
function get(key) {
    return call('get', { key: keyOf(key) }).then(function (blob) {
        return host.decodeBody(blob.body, [
            ['content-type', 'application/octet-stream'],
            ['content-length', String(blob.size)],
            ['last-modified', new Date(blob.lastModified).toUTCString()]
        ]);
    });
}

/** Stores a string (as UTF-8), ArrayBuffer, typed array, URLSearchParams, Request, Response or anything with arrayBuffer(). */
function set(key, value) {
    var body;
    try {
        var viaBuffer = value !== null && typeof value === 'object' && typeof value.arrayBuffer === 'function'
            && !(value instanceof ResponseCtor) && !(value instanceof RequestCtor);
        body = viaBuffer
            ? PromiseCtor.resolve(value.arrayBuffer()).then(host.encodeBody)
            : PromiseCtor.resolve(host.encodeBody(value));
    } catch (e) {
        return PromiseCtor.reject(e);
    }
    return body.then(function (base64) {
        return call('set', { key: keyOf(key), body: base64 });
    }).then(nothing);
}

/** The blob parsed as JSON, or undefined when there is none. */
function getJSON(key) {
    return get(key).then(function (response) {
        return response.json();
    }, function (e) {
        if (e instanceof ValTownBlobNotFoundError) return undefined;
        throw e;
    });
}

function setJSON(key, value) {
    return set(key, JSON.stringify(value));
}

/** [{key, size, lastModified}] of the blobs whose keys start with prefix (all without one), by key. */
function list(prefix) {
    return call('list', { prefix: prefix === undefined || prefix === null ? null : String(prefix) });
}

/** Deleting a key that holds nothing is not an error. */
function deleteBlob(key) {
    return call('delete', { key: keyOf(key) }).then(nothing);
}

function copy(previous, next) {
    return call('copy', { from: keyOf(previous), to: keyOf(next) }).then(nothing);
}

function move(previous, next) {
    return call('move', { from: keyOf(previous), to: keyOf(next) }).then(nothing);
}

exports.blob = {
    get: get,
    set: set,
    getJSON: getJSON,
    setJSON: setJSON,
    list: list,
    // Older Val Town docs call list listKeys.
    listKeys: list,
    'delete': deleteBlob,
    copy: copy,
    move: move
};
exports.ValTownBlobError = ValTownBlobError;
exports.ValTownBlobNotFoundError = ValTownBlobNotFoundError;
