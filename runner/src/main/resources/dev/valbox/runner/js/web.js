// Web platform APIs of SPEC §4 built on the vendored Promise and URL polyfills: Headers, Request,
// Response, TextEncoder/TextDecoder, atob/btoa, crypto, plus the conversions the worker uses for HTTP
// vals. Byte strings ("binary strings", one char per byte) are how bytes cross to and from the host.
(function (global) {
    'use strict';
    var host = global.__host, valbox = global.__valbox;
    var utf8Encode = host.utf8Encode, utf8Decode = host.utf8Decode;
    var base64Encode = host.base64Encode, base64Decode = host.base64Decode;
    var randomBytes = host.randomBytes, randomUUID = host.uuid;
    var hasOwn = Object.prototype.hasOwnProperty;
    function hidden(target, name, value) {
        Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    }

    // promise-polyfill schedules through setTimeout by default; route it to our microtask queue.
    Promise._immediateFn = global.queueMicrotask;
    // Its Promise.any rejects with an AggregateError of its own; vals test for the global one (es-lazy.js).
    var polyfillAny = Promise.any;
    hidden(Promise, 'any', function any(iterable) {
        return polyfillAny.call(this, iterable).then(undefined, function (e) {
            if (e !== null && typeof e === 'object' && e.name === 'AggregateError' && Array.isArray(e.errors)) {
                throw new (valbox.lazyValue('AggregateError'))(e.errors, 'All promises were rejected');
            }
            throw e;
        });
    });
    hidden(Promise, 'withResolvers', function withResolvers() {
        var result = {};
        result.promise = new this(function (resolve, reject) {
            result.resolve = resolve;
            result.reject = reject;
        });
        return result;
    });
    hidden(Array, 'fromAsync', function fromAsync(items, mapFn, thisArg) {
        return new Promise(function (resolve, reject) {
            if (items === null || items === undefined) throw new TypeError('Array.fromAsync requires an iterable or array-like');
            var result = [], index = 0, next;
            var asyncMethod = items[Symbol.asyncIterator], syncMethod = items[Symbol.iterator];
            if (typeof asyncMethod === 'function') {
                var asyncIterator = asyncMethod.call(items);
                next = function () { return asyncIterator.next(); };
            } else {
                // A sync iterable or an array-like: each value is awaited in turn.
                var syncIterator = typeof syncMethod === 'function' ? syncMethod.call(items) : null, at = 0;
                next = function () {
                    var step = syncIterator ? syncIterator.next() : at < items.length ? { value: items[at++], done: false } : { done: true };
                    return step.done ? step : Promise.resolve(step.value).then(function (v) { return { value: v, done: false }; });
                };
            }
            (function step() {
                Promise.resolve(next()).then(function (r) {
                    if (r.done) return resolve(result);
                    return Promise.resolve(mapFn ? mapFn.call(thisArg, r.value, index) : r.value).then(function (v) {
                        result[index++] = v;
                        step();
                    });
                }).then(undefined, reject);
            })();
        });
    });
    hidden(Promise, 'try', function (callback) {
        var args = Array.prototype.slice.call(arguments, 1), C = this;
        return new C(function (resolve) { resolve(callback.apply(undefined, args)); });
    });

    Promise._unhandledRejectionFn = function (reason) {
        console.error('Uncaught (in promise)', reason);
    };

    function DOMException(message, name) {
        var e = new Error(message);
        hidden(e, 'name', name || 'Error');
        return e;
    }

    function bytesToBinary(bytes) {
        var chunks = [];
        for (var i = 0; i < bytes.length; i += 8192) {
            __chk();
            chunks.push(String.fromCharCode.apply(null, Array.prototype.slice.call(bytes.subarray(i, i + 8192))));
        }
        return chunks.join('');
    }
    function binaryToBytes(binary) {
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            if ((i & 8191) === 0) __chk();
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
    }
    function viewBytes(source) {
        if (source instanceof ArrayBuffer) return new Uint8Array(source);
        if (source && source.buffer instanceof ArrayBuffer && typeof source.byteLength === 'number') {
            return new Uint8Array(source.buffer, source.byteOffset || 0, source.byteLength);
        }
        return null;
    }

    function TextEncoder() {}
    TextEncoder.prototype.encoding = 'utf-8';
    TextEncoder.prototype.encode = function encode(input) {
        return binaryToBytes(utf8Encode(input === undefined ? '' : String(input)));
    };
    function TextDecoder(label, options) {
        var encoding = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
        if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'unicode-1-1-utf-8') {
            throw new RangeError('The encoding "' + label + '" is not supported');
        }
        this.encoding = 'utf-8';
        this.fatal = !!(options && options.fatal);
        this.ignoreBOM = !!(options && options.ignoreBOM);
    }
    TextDecoder.prototype.decode = function decode(input) {
        if (input === undefined) return '';
        var bytes = viewBytes(input);
        if (!bytes) throw new TypeError('TextDecoder.decode needs an ArrayBuffer or a view of one');
        var text = utf8Decode(bytesToBinary(bytes), this.fatal);
        if (text === null) throw new TypeError('The encoded data is not valid UTF-8');
        return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    };

    function btoa(data) {
        data = String(data);
        if (/[^\u0000-\u00ff]/.test(data)) throw DOMException('btoa: the string has characters outside Latin1', 'InvalidCharacterError');
        return base64Encode(data);
    }
    function atob(data) {
        var decoded = base64Decode(String(data).replace(/[\t\n\f\r ]/g, ''));
        if (decoded === null) throw DOMException('atob: the string is not correctly encoded', 'InvalidCharacterError');
        return decoded;
    }

    var crypto = {
        randomUUID: function () { return randomUUID(); },
        getRandomValues: function getRandomValues(array) {
            var bytes = viewBytes(array);
            if (!bytes || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
                throw DOMException('getRandomValues needs an integer typed array', 'TypeMismatchError');
            }
            if (bytes.length > 65536) throw DOMException('getRandomValues is limited to 65536 bytes', 'QuotaExceededError');
            var random = randomBytes(bytes.length);
            for (var i = 0; i < bytes.length; i++) bytes[i] = random.charCodeAt(i);
            return array;
        }
    };

    // Headers: names are case-insensitive and iterate sorted and combined, as the Fetch standard says.
    function Headers(init) {
        hidden(this, '_list', []);
        if (init instanceof Headers) {
            init.forEach(function (v, k) { this.append(k, v); }, this);
        } else if (Array.isArray(init)) {
            init.forEach(function (pair) {
                if (pair.length !== 2) throw new TypeError('Headers pairs must have two entries');
                this.append(pair[0], pair[1]);
            }, this);
        } else if (init !== undefined && init !== null) {
            Object.keys(init).forEach(function (k) { this.append(k, init[k]); }, this);
        }
    }
    function headerName(name) {
        name = String(name);
        if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw new TypeError('Invalid header name "' + name + '"');
        return name.toLowerCase();
    }
    function headerValue(value) {
        value = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
        if (/[\0\r\n]/.test(value)) throw new TypeError('Invalid header value');
        return value;
    }
    Headers.prototype.append = function (name, value) { this._list.push([headerName(name), headerValue(value)]); };
    Headers.prototype['delete'] = function (name) {
        var key = headerName(name);
        hidden(this, '_list', this._list.filter(function (p) { return p[0] !== key; }));
    };
    Headers.prototype.get = function (name) {
        var key = headerName(name);
        var values = this._list.filter(function (p) { return p[0] === key; }).map(function (p) { return p[1]; });
        return values.length ? values.join(', ') : null;
    };
    Headers.prototype.getSetCookie = function () {
        return this._list.filter(function (p) { return p[0] === 'set-cookie'; }).map(function (p) { return p[1]; });
    };
    Headers.prototype.has = function (name) { return this.get(name) !== null; };
    Headers.prototype.set = function (name, value) { this['delete'](name); this.append(name, value); };
    Headers.prototype.entries = function () {
        var names = [], self = this;
        this._list.forEach(function (p) { if (names.indexOf(p[0]) === -1) names.push(p[0]); });
        names.sort();
        var pairs = [];
        names.forEach(function (n) {
            if (n === 'set-cookie') self.getSetCookie().forEach(function (v) { pairs.push([n, v]); });
            else pairs.push([n, self.get(n)]);
        });
        return pairs[Symbol.iterator]();
    };
    Headers.prototype.forEach = function (callback, thisArg) {
        for (var it = this.entries(), step = it.next(); !step.done; step = it.next()) {
            callback.call(thisArg, step.value[1], step.value[0], this);
        }
    };
    Headers.prototype.keys = function () { return Array.from(this.entries(), function (p) { return p[0]; })[Symbol.iterator](); };
    Headers.prototype.values = function () { return Array.from(this.entries(), function (p) { return p[1]; })[Symbol.iterator](); };
    Headers.prototype[Symbol.iterator] = Headers.prototype.entries;

    // Bodies are kept as byte strings; the mixin reads them once. A body given as a ReadableStream is kept as
    // the stream (_stream) and read to its end when the val or the worker consumes it; `body` is a ReadableStream
    // (streams.js, loaded then) either way. Blob and FormData bodies (blob.js) can exist only once it has loaded.
    valbox.viewBytes = viewBytes;
    valbox.bytesToBinary = bytesToBinary;
    valbox.binaryToBytes = binaryToBytes;
    /** The response and request body limit of SPEC §4, for bodies read from a stream. */
    var STREAM_BODY_LIMIT = 10 << 20;
    function setBody(target, body, headers) {
        hidden(target, '_stream', null);
        hidden(target, '_body', null);
        if (body === undefined || body === null) return;
        var bytes = viewBytes(body);
        if (bytes) {
            target._body = bytesToBinary(bytes);
        } else if (valbox.isSearchParams(body)) {
            if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
            target._body = utf8Encode(body.toString());
        } else if (valbox.lazyLoaded('ReadableStream') && valbox.isReadableStream(body)) {
            if (body.locked || body._disturbed) throw new TypeError('The body stream is locked or has been read');
            var untouched = valbox.peekStreamBytes(body);
            if (untouched !== undefined) target._body = untouched;
            else target._stream = body;
        } else if (valbox.lazyLoaded('Blob') && body instanceof valbox.lazyValue('Blob')) {
            if (body.type && !headers.has('content-type')) headers.set('content-type', body.type);
            target._body = body._bytes;
        } else if (valbox.lazyLoaded('FormData') && body instanceof valbox.lazyValue('FormData')) {
            var encoded = valbox.encodeFormData(body);
            if (!headers.has('content-type')) headers.set('content-type', encoded.contentType);
            target._body = encoded.body;
        } else {
            if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
            target._body = utf8Encode(String(body));
        }
    }
    /** A promise of the body's bytes as a byte string; the body is used up. */
    function consumeBody(self) {
        if (self.bodyUsed || (self._bodyStream && self._bodyStream.locked)) {
            return Promise.reject(new TypeError('Body already consumed'));
        }
        hidden(self, '_used', true);
        if (self._stream) return valbox.collectStream(self._stream, STREAM_BODY_LIMIT);
        return Promise.resolve(self._body === null ? '' : self._body);
    }
    valbox.consumeBody = consumeBody;
    function mixBody(prototype) {
        Object.defineProperty(prototype, 'bodyUsed', {
            get: function () {
                var stream = this._stream || this._bodyStream;
                return !!this._used || !!(stream && stream._disturbed);
            }
        });
        Object.defineProperty(prototype, 'body', {
            get: function () {
                if (this._stream) return this._stream;
                if (this._body === null) return null;
                if (!this._bodyStream) {
                    valbox.lazyValue('ReadableStream');
                    // Read through the stream from now on: the stream is the body.
                    hidden(this, '_stream', valbox.streamOfBytes(this._used ? '' : this._body));
                    hidden(this, '_bodyStream', this._stream);
                    if (this._used) this._stream._disturbed = true;
                }
                return this._stream;
            }
        });
        prototype.text = function () { return consumeBody(this).then(function (b) { return utf8Decode(b, false); }); };
        prototype.json = function () { return this.text().then(JSON.parse); };
        prototype.arrayBuffer = function () { return consumeBody(this).then(function (b) { return binaryToBytes(b).buffer; }); };
        prototype.bytes = function () { return consumeBody(this).then(binaryToBytes); };
        prototype.blob = function () {
            var type = this.headers.get('content-type') || '';
            return consumeBody(this).then(function (b) {
                var blob = new (valbox.lazyValue('Blob'))([], { type: type });
                blob._bytes = b;
                return blob;
            });
        };
        prototype.formData = function () {
            var type = this.headers.get('content-type');
            return consumeBody(this).then(function (b) {
                valbox.lazyValue('FormData');
                return valbox.decodeFormData(b, type);
            });
        };
    }
    /** For clone(): a stream body is split in two (tee), one half for each copy. */
    function cloneBody(from, to) {
        if (from.bodyUsed) throw new TypeError('Body already consumed');
        if (from._stream) {
            var halves = from._stream.tee();
            hidden(from, '_stream', halves[0]);
            if (from._bodyStream) hidden(from, '_bodyStream', halves[0]);
            hidden(to, '_stream', halves[1]);
            hidden(to, '_body', null);
        } else {
            hidden(to, '_stream', null);
            hidden(to, '_body', from._body);
        }
    }

    function Request(input, init) {
        init = init || {};
        var from = input instanceof Request ? input : null;
        var url = new URL(from ? from.url : String(input));
        initRequest(this, init, from);
        hidden(this, 'url', url.href);
    }
    function initRequest(request, init, from) {
        var method = String(init.method || (from ? from.method : 'GET'));
        if (/^(delete|get|head|options|post|put|patch)$/i.test(method)) method = method.toUpperCase();
        var headers = new Headers(init.headers || (from ? from.headers : undefined));
        if (init.body !== undefined && init.body !== null) {
            setBody(request, init.body, headers);
        } else if (from && init.body === undefined) {
            // The new request takes the old one's body, which is then used up (Fetch standard).
            if (from.bodyUsed) throw new TypeError('Cannot construct a Request with a Request object that has already been used');
            hidden(request, '_stream', from._stream);
            hidden(request, '_body', from._body);
            if (from._stream || from._body !== null) hidden(from, '_used', true);
        } else {
            setBody(request, null, headers);
        }
        if ((request._body !== null || request._stream) && (method === 'GET' || method === 'HEAD')) {
            throw new TypeError('A ' + method + ' request cannot have a body');
        }
        hidden(request, 'method', method);
        hidden(request, 'headers', headers);
        hidden(request, 'redirect', init.redirect || 'follow');
        var signal = init.signal !== undefined ? init.signal : from ? from._signal : null;
        if (signal !== null && signal !== undefined && !(signal instanceof valbox.lazyValue('AbortSignal'))) {
            throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
        }
        hidden(request, '_signal', signal || null);
    }
    mixBody(Request.prototype);
    Request.prototype.clone = function () {
        var copy = Object.create(Request.prototype);
        initRequest(copy, { method: this.method, headers: this.headers, redirect: this.redirect, signal: this._signal || undefined }, null);
        cloneBody(this, copy);
        Object.defineProperty(copy, 'url', { value: this.url, writable: true, configurable: true, enumerable: false });
        return copy;
    };
    // Every request has a signal in Deno; made (with the events group) only when a val reads it.
    Object.defineProperty(Request.prototype, 'signal', {
        get: function () {
            if (!this._signal) hidden(this, '_signal', new (valbox.lazyValue('AbortController'))().signal);
            return this._signal;
        }
    });

    function Response(body, init) {
        init = init || {};
        var status = init.status === undefined ? 200 : Number(init.status);
        if (!(status >= 200 && status <= 599) || Math.floor(status) !== status) {
            throw new RangeError('Response status must be an integer from 200 to 599, not ' + init.status);
        }
        var headers = new Headers(init.headers);
        hidden(this, 'status', status);
        hidden(this, 'statusText', init.statusText === undefined ? '' : String(init.statusText));
        hidden(this, 'headers', headers);
        hidden(this, 'type', 'default');
        hidden(this, 'url', '');
        hidden(this, 'redirected', false);
        setBody(this, body, headers);
        if ((this._body !== null || this._stream) && [101, 103, 204, 205, 304].indexOf(status) !== -1) {
            throw new TypeError('Response with null body status cannot have body');
        }
    }
    mixBody(Response.prototype);
    Object.defineProperty(Response.prototype, 'ok', { get: function () { return this.status >= 200 && this.status < 300; } });
    Response.prototype.clone = function () {
        var copy = new Response(null, { status: this.status === 0 ? 200 : this.status, statusText: this.statusText, headers: this.headers });
        ['status', 'type', 'url', 'redirected'].forEach(function (name) { hidden(copy, name, this[name]); }, this);
        cloneBody(this, copy);
        return copy;
    };
    Response.json = function (data, init) {
        var text = JSON.stringify(data);
        if (text === undefined) throw new TypeError('Response.json: the value cannot be serialised to JSON');
        var headers = new Headers(init && init.headers);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
        return new Response(text, Object.assign({}, init, { headers: headers }));
    };
    Response.redirect = function (url, status) {
        status = status === undefined ? 302 : status;
        if ([301, 302, 303, 307, 308].indexOf(status) === -1) throw new RangeError('Invalid redirect status ' + status);
        return new Response(null, { status: status, headers: { location: new URL(String(url)).href } });
    };
    Response.error = function () {
        var r = new Response(null, { status: 200 });
        hidden(r, 'status', 0);
        hidden(r, 'type', 'error');
        return r;
    };

    hidden(global, 'TextEncoder', TextEncoder);
    hidden(global, 'TextDecoder', TextDecoder);
    hidden(global, 'btoa', btoa);
    hidden(global, 'atob', atob);
    hidden(global, 'crypto', crypto);
    hidden(global, 'Headers', Headers);
    hidden(global, 'Request', Request);
    hidden(global, 'Response', Response);

    // The request a val is called with. Its URL is absolute and comes from the server, so it is parsed (by the
    // URL polyfill, the costliest step of a small request) only if the val reads it.
    valbox.toRequest = function (request) {
        var body = request.body === null || request.body === undefined ? null : binaryToBytes(atob(request.body));
        var incoming = Object.create(Request.prototype);
        initRequest(incoming, { method: request.method, headers: request.headers || [], body: body }, null);
        var raw = String(request.url), href = null;
        Object.defineProperty(incoming, 'url', {
            get: function () { return href === null ? (href = new URL(raw).href) : href; },
            configurable: true,
            enumerable: false
        });
        return incoming;
    };
    valbox.fromResponse = function (response) {
        if (!(response instanceof Response)) {
            return Promise.reject(new TypeError('An HTTP val must return a Response, got ' + valbox.inspect(response)));
        }
        var pairs = [];
        response.headers.forEach(function (v, k) { pairs.push([k, v]); });
        var status = response.status;
        // The protocol answers with the whole body: a stream body is read to its end (at most the response body
        // limit) and then sent.
        if (response._stream) {
            return valbox.collectStream(response._stream, STREAM_BODY_LIMIT).then(function (body) {
                return { status: status, headers: pairs, body: base64Encode(body) };
            });
        }
        return Promise.resolve({ status: status, headers: pairs, body: base64Encode(response._body || '') });
    };
})(this);
