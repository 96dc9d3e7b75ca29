// fetch and the host API of the standard library. Both start work in Java (host.fetch, host.call) that
// answers a token; the promise handed back settles when Java calls valbox.settle with that token from the
// run's task queue. The constructors are captured here, before val code can replace the globals.
(function (global) {
    'use strict';
    var host = global.__host, valbox = global.__valbox;
    var hostFetch = host.fetch, hostCall = host.call, lastError = host.lastError;
    var base64Encode = host.base64Encode, base64Decode = host.base64Decode;
    var stringify = JSON.stringify;
    var PromiseCtor = Promise, RequestCtor = Request, ResponseCtor = Response, HeadersCtor = Headers;
    var NativeTypeError = TypeError, NativeError = Error;
    function hidden(target, name, value) {
        Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
    function pending(token, decode) {
        return new PromiseCtor(function (resolve, reject) {
            valbox.expect(token, resolve, reject, decode);
        });
    }

    function toResponse(head, body) {
        var response = new ResponseCtor(null, { headers: new HeadersCtor(head.headers) });
        // The constructor only takes statuses 200-599; a fetched response (redirect: 'manual') may be 3xx.
        hidden(response, 'status', head.status);
        hidden(response, 'url', head.url);
        hidden(response, 'redirected', head.redirected);
        hidden(response, 'type', 'basic');
        hidden(response, '_body', body);
        return response;
    }

    function fetch(input, init) {
        var request;
        try {
            request = new RequestCtor(input, init);
            if (['follow', 'error', 'manual'].indexOf(request.redirect) === -1) {
                throw new NativeTypeError('fetch: redirect must be "follow", "error" or "manual"');
            }
        } catch (e) {
            return PromiseCtor.reject(e);
        }
        var signal = request._signal;
        if (signal && signal.aborted) return PromiseCtor.reject(signal.reason);
        // A stream body is read to its end first: the host sends whole bodies.
        var body = request._stream ? valbox.consumeBody(request) : PromiseCtor.resolve(request._body);
        return body.then(function (bytes) {
            if (signal && signal.aborted) throw signal.reason;
            var headers = [];
            request.headers.forEach(function (value, name) { headers.push([name, value]); });
            var token = hostFetch(
                stringify({ url: request.url, method: request.method, headers: headers, redirect: request.redirect }),
                bytes);
            if (token === null) throw new NativeTypeError(lastError());
            var response = pending(token, toResponse);
            if (!signal) return response;
            // An abort rejects with the signal's reason and drops the fetch: its outcome is ignored when it comes.
            return new PromiseCtor(function (resolve, reject) {
                signal.addEventListener('abort', function () {
                    valbox.abandon(token);
                    reject(signal.reason);
                });
                response.then(resolve, reject);
            });
        });
    }
    hidden(global, 'fetch', fetch);

    // Handed to standard library modules (std: keys) as their fourth factory argument; never a global.
    valbox.stdHost = Object.freeze({
        // std/fetch re-exports this, the fetch captured before val code ran.
        fetch: fetch,
        call: function call(service, args) {
            var json;
            try {
                json = stringify(args === undefined ? null : args);
            } catch (e) {
                return PromiseCtor.reject(e);
            }
            var token = hostCall(String(service), json);
            if (token === null) return PromiseCtor.reject(new NativeError(lastError()));
            return pending(token, function (value) { return value; });
        },
        // Bytes cross host calls as base64. These convert in Java, never byte by byte in JS.
        // encodeBody: the bytes new Response(body) would hold (strings as UTF-8; buffers, views and
        // URLSearchParams as fetch sends them; a Request or Response's own body, which is then used up).
        encodeBody: function encodeBody(body) {
            if (body instanceof ResponseCtor || body instanceof RequestCtor) {
                if (body.bodyUsed) throw new NativeTypeError('Body has already been consumed');
                if (body._stream) throw new NativeTypeError('A body given as a ReadableStream cannot be stored directly: pass await body.arrayBuffer()');
                hidden(body, '_used', true);
                return base64Encode(body._body || '');
            }
            return base64Encode(new ResponseCtor(body)._body || '');
        },
        // decodeBody: a 200 Response with these headers whose body is the base64 bytes.
        decodeBody: function decodeBody(base64, headers) {
            var binary = base64Decode(String(base64));
            if (binary === null) throw new NativeTypeError('the host sent a body that is not base64');
            var response = new ResponseCtor(null, { headers: new HeadersCtor(headers) });
            hidden(response, '_body', binary);
            return response;
        }
    });
})(this);
