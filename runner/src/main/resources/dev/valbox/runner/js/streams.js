// WHATWG streams as Deno has them, loaded on first use (lazy.js): ReadableStream (default readers, async
// iteration, tee, pipeTo, pipeThrough, ReadableStream.from), WritableStream, TransformStream, the queuing
// strategies, TextEncoderStream and TextDecoderStream. Written for the runtime; the promise-based algorithms
// follow the standard's order of operations where vals can observe it (when start, pull, write and flush run,
// backpressure through desiredSize), and leave out what a val cannot use here: byte streams' BYOB readers (a
// `type: "bytes"` stream works as a default stream; a BYOB reader throws, naming the feature) and transfers.
(function (global) {
    'use strict';
    var valbox = global.__valbox, host = global.__host;
    var utf8Encode = host.utf8Encode, utf8Decode = host.utf8Decode;
    var PromiseCtor = Promise, Uint8ArrayCtor = Uint8Array;
    valbox.lazy(['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamDefaultController', 'WritableStream',
        'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream',
        'TransformStreamDefaultController', 'CountQueuingStrategy', 'ByteLengthQueuingStrategy', 'TextEncoderStream',
        'TextDecoderStream'], function () {
        var defineProperty = Object.defineProperty, create = Object.create;
        var NativeTypeError = global.TypeError, NativeRangeError = global.RangeError;
        function hidden(target, name, value) {
            defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
        }
        function getter(prototype, name, get) {
            defineProperty(prototype, name, { get: get, configurable: true, enumerable: true });
        }
        function resolved(value) {
            return PromiseCtor.resolve(value);
        }
        function rejected(reason) {
            return PromiseCtor.reject(reason);
        }
        /** A promise with its resolve and reject, marked handled so that an unobserved rejection is not reported. */
        function deferred() {
            var d = {};
            d.promise = new PromiseCtor(function (resolve, reject) {
                d.resolve = resolve;
                d.reject = reject;
            });
            d.promise.then(undefined, function () {});
            return d;
        }
        /** Calls an optional method of an underlying source, sink or transformer; answers a promise of its result. */
        function promiseCall(target, name, args) {
            try {
                var method = target[name];
                if (method === undefined || method === null) return resolved(undefined);
                if (typeof method !== 'function') throw new NativeTypeError(name + ' must be a function');
                return resolved(method.apply(target, args));
            } catch (e) {
                return rejected(e);
            }
        }
        function strategyOf(strategy, defaultHighWaterMark) {
            strategy = strategy || {};
            var hwm = strategy.highWaterMark === undefined ? defaultHighWaterMark : Number(strategy.highWaterMark);
            if (hwm !== hwm || hwm < 0) throw new NativeRangeError('Invalid highWaterMark');
            var size = strategy.size;
            if (size !== undefined && typeof size !== 'function') throw new NativeTypeError('size must be a function');
            return { highWaterMark: hwm, size: size || function () { return 1; } };
        }
        function iterResult(value, done) {
            return { value: value, done: done };
        }

        // ---- ReadableStream -------------------------------------------------------------------------------
        var internal = false;
        function ReadableStreamDefaultController() {
            if (!internal) throw new NativeTypeError('Illegal constructor');
        }
        function ReadableStreamDefaultReader(stream) {
            if (!(stream instanceof ReadableStream)) throw new NativeTypeError('ReadableStreamDefaultReader needs a ReadableStream');
            if (stream._reader) throw new NativeTypeError('ReadableStream is locked');
            stream._reader = this;
            hidden(this, '_stream', stream);
            hidden(this, '_requests', []);
            hidden(this, '_closed', deferred());
            if (stream._state === 'closed') this._closed.resolve(undefined);
            else if (stream._state === 'errored') this._closed.reject(stream._storedError);
        }

        function ReadableStream(source, strategy) {
            source = source === undefined || source === null ? {} : source;
            if (source.type === 'bytes') strategy = strategy && strategy.highWaterMark !== undefined ? strategy : { highWaterMark: 0 };
            else if (source.type !== undefined) throw new NativeTypeError('Invalid type: ' + source.type);
            var s = strategyOf(strategy, 1);
            hidden(this, '_state', 'readable');
            hidden(this, '_reader', null);
            hidden(this, '_disturbed', false);
            hidden(this, '_storedError', undefined);
            internal = true;
            var controller = new ReadableStreamDefaultController();
            internal = false;
            hidden(controller, '_stream', this);
            hidden(controller, '_source', source);
            hidden(controller, '_queue', []);
            hidden(controller, '_queueSize', 0);
            hidden(controller, '_hwm', s.highWaterMark);
            hidden(controller, '_size', s.size);
            hidden(controller, '_started', false);
            hidden(controller, '_pulling', false);
            hidden(controller, '_pullAgain', false);
            hidden(controller, '_closeRequested', false);
            hidden(this, '_controller', controller);
            var startResult;
            try {
                startResult = source.start === undefined ? undefined : source.start(controller);
            } catch (e) {
                throw e;
            }
            resolved(startResult).then(function () {
                controller._started = true;
                pullIfNeeded(controller);
            }, function (e) {
                errorStream(controller, e);
            });
        }
        function desiredSize(controller) {
            var state = controller._stream._state;
            if (state === 'errored') return null;
            if (state === 'closed') return 0;
            return controller._hwm - controller._queueSize;
        }
        function canEnqueue(controller) {
            return !controller._closeRequested && controller._stream._state === 'readable';
        }
        function pullIfNeeded(controller) {
            var stream = controller._stream;
            if (!controller._started || !canEnqueue(controller)) return;
            var wanted = (stream._reader && stream._reader._requests.length > 0) || desiredSize(controller) > 0;
            if (!wanted) return;
            if (controller._pulling) {
                controller._pullAgain = true;
                return;
            }
            controller._pulling = true;
            promiseCall(controller._source, 'pull', [controller]).then(function () {
                controller._pulling = false;
                if (controller._pullAgain) {
                    controller._pullAgain = false;
                    pullIfNeeded(controller);
                }
            }, function (e) {
                errorStream(controller, e);
            });
        }
        function closeStream(stream) {
            stream._state = 'closed';
            var reader = stream._reader;
            if (reader) {
                var requests = reader._requests;
                reader._requests = [];
                requests.forEach(function (r) { r.resolve(iterResult(undefined, true)); });
                reader._closed.resolve(undefined);
            }
        }
        function errorStream(controller, e) {
            var stream = controller._stream;
            if (stream._state !== 'readable') return;
            controller._queue = [];
            controller._queueSize = 0;
            stream._state = 'errored';
            stream._storedError = e;
            var reader = stream._reader;
            if (reader) {
                var requests = reader._requests;
                reader._requests = [];
                requests.forEach(function (r) { r.reject(e); });
                reader._closed.reject(e);
            }
        }
        ReadableStreamDefaultController.prototype.enqueue = function enqueue(chunk) {
            if (!canEnqueue(this)) throw new NativeTypeError('Cannot enqueue a chunk into a readable stream that is closed or has been requested to be closed');
            var reader = this._stream._reader;
            if (reader && reader._requests.length > 0) {
                reader._requests.shift().resolve(iterResult(chunk, false));
            } else {
                var size;
                try {
                    size = Number(this._size(chunk));
                    if (size !== size || size < 0 || size === Infinity) throw new NativeRangeError('The chunk size must be a finite, non-negative number');
                } catch (e) {
                    errorStream(this, e);
                    throw e;
                }
                this._queue.push({ chunk: chunk, size: size });
                this._queueSize += size;
            }
            pullIfNeeded(this);
        };
        ReadableStreamDefaultController.prototype.close = function close() {
            if (!canEnqueue(this)) throw new NativeTypeError('The stream is not in a state that permits close');
            this._closeRequested = true;
            if (this._queue.length === 0) closeStream(this._stream);
        };
        ReadableStreamDefaultController.prototype.error = function error(e) {
            errorStream(this, e);
        };
        getter(ReadableStreamDefaultController.prototype, 'desiredSize', function () { return desiredSize(this); });

        function readFrom(stream) {
            stream._disturbed = true;
            var controller = stream._controller;
            if (stream._state === 'closed') return resolved(iterResult(undefined, true));
            if (stream._state === 'errored') return rejected(stream._storedError);
            if (controller._queue.length > 0) {
                var entry = controller._queue.shift();
                controller._queueSize -= entry.size;
                if (controller._queue.length === 0) controller._queueSize = 0;
                if (controller._closeRequested && controller._queue.length === 0) closeStream(stream);
                else pullIfNeeded(controller);
                return resolved(iterResult(entry.chunk, false));
            }
            var d = deferred();
            stream._reader._requests.push(d);
            pullIfNeeded(controller);
            return d.promise;
        }
        function cancelStream(stream, reason) {
            stream._disturbed = true;
            if (stream._state === 'closed') return resolved(undefined);
            if (stream._state === 'errored') return rejected(stream._storedError);
            var controller = stream._controller;
            controller._queue = [];
            controller._queueSize = 0;
            closeStream(stream);
            return promiseCall(controller._source, 'cancel', [reason]).then(function () { return undefined; });
        }
        ReadableStreamDefaultReader.prototype.read = function read() {
            if (!this._stream) return rejected(new NativeTypeError('The reader has been released'));
            return readFrom(this._stream);
        };
        ReadableStreamDefaultReader.prototype.cancel = function cancel(reason) {
            if (!this._stream) return rejected(new NativeTypeError('The reader has been released'));
            return cancelStream(this._stream, reason);
        };
        ReadableStreamDefaultReader.prototype.releaseLock = function releaseLock() {
            var stream = this._stream;
            if (!stream) return;
            var released = new NativeTypeError('The reader was released');
            var requests = this._requests;
            this._requests = [];
            requests.forEach(function (r) { r.reject(released); });
            if (stream._state === 'readable') this._closed.reject(released);
            else {
                this._closed = deferred();
                this._closed.reject(released);
            }
            stream._reader = null;
            this._stream = null;
        };
        getter(ReadableStreamDefaultReader.prototype, 'closed', function () { return this._closed.promise; });

        getter(ReadableStream.prototype, 'locked', function () { return this._reader !== null; });
        ReadableStream.prototype.getReader = function getReader(options) {
            if (options && options.mode !== undefined) {
                if (options.mode === 'byob') throw new NativeTypeError('ReadableStream BYOB readers are not supported in Valbox');
                throw new NativeTypeError('Invalid reader mode: ' + options.mode);
            }
            return new ReadableStreamDefaultReader(this);
        };
        ReadableStream.prototype.cancel = function cancel(reason) {
            if (this._reader) return rejected(new NativeTypeError('Cannot cancel a locked ReadableStream'));
            return cancelStream(this, reason);
        };
        ReadableStream.prototype.values = function values(options) {
            var reader = this.getReader(), preventCancel = !!(options && options.preventCancel), finished = false;
            var iterator = {
                next: function next() {
                    if (finished) return resolved(iterResult(undefined, true));
                    return reader.read().then(function (result) {
                        if (result.done) {
                            finished = true;
                            reader.releaseLock();
                        }
                        return result;
                    }, function (e) {
                        finished = true;
                        reader.releaseLock();
                        throw e;
                    });
                },
                'return': function (value) {
                    if (finished) return resolved(iterResult(value, true));
                    finished = true;
                    var done = preventCancel ? resolved(undefined) : reader.cancel(value);
                    return done.then(function () {
                        reader.releaseLock();
                        return iterResult(value, true);
                    });
                }
            };
            iterator[Symbol.asyncIterator] = function () { return this; };
            return iterator;
        };
        ReadableStream.prototype[Symbol.asyncIterator] = ReadableStream.prototype.values;
        ReadableStream.prototype.tee = function tee() {
            var reader = this.getReader(), reading = false, canceled = [false, false], reasons = [undefined, undefined];
            var branches = [], cancelled = deferred();
            function pull() {
                if (reading) return resolved(undefined);
                reading = true;
                return reader.read().then(function (result) {
                    reading = false;
                    if (result.done) {
                        branches.forEach(function (b, i) { if (!canceled[i]) b._controller.close(); });
                        return;
                    }
                    branches.forEach(function (b, i) {
                        if (!canceled[i]) b._controller.enqueue(result.value);
                    });
                }, function (e) {
                    reading = false;
                    branches.forEach(function (b) { errorStream(b._controller, e); });
                });
            }
            function cancelBranch(i) {
                return function (reason) {
                    canceled[i] = true;
                    reasons[i] = reason;
                    if (canceled[0] && canceled[1]) cancelled.resolve(reader.cancel(reasons));
                    return cancelled.promise;
                };
            }
            branches.push(new ReadableStream({ pull: pull, cancel: cancelBranch(0) }, { highWaterMark: 0 }));
            branches.push(new ReadableStream({ pull: pull, cancel: cancelBranch(1) }, { highWaterMark: 0 }));
            return branches;
        };
        ReadableStream.prototype.pipeTo = function pipeTo(destination, options) {
            if (!(destination instanceof WritableStream)) return rejected(new NativeTypeError('pipeTo needs a WritableStream'));
            if (this._reader) return rejected(new NativeTypeError('ReadableStream is locked'));
            if (destination._writer) return rejected(new NativeTypeError('WritableStream is locked'));
            options = options || {};
            var reader = this.getReader(), writer = destination.getWriter(), signal = options.signal;
            var preventClose = !!options.preventClose, preventAbort = !!options.preventAbort, preventCancel = !!options.preventCancel;
            var done = deferred(), finished = false;
            function finish(error, isError) {
                if (finished) return;
                finished = true;
                writer.releaseLock();
                reader.releaseLock();
                if (isError) done.reject(error);
                else done.resolve(undefined);
            }
            function abortPipe() {
                var reason = signal.reason;
                var actions = [];
                if (!preventAbort) actions.push(writer.abort(reason));
                if (!preventCancel) actions.push(reader.cancel(reason));
                PromiseCtor.all(actions).then(function () { finish(reason, true); }, function (e) { finish(e, true); });
            }
            if (signal) {
                if (signal.aborted) {
                    abortPipe();
                    return done.promise;
                }
                signal.addEventListener('abort', abortPipe);
            }
            function step() {
                if (finished) return;
                writer.ready.then(function () {
                    return reader.read();
                }).then(function (result) {
                    if (finished) return;
                    if (result.done) {
                        if (preventClose) finish(undefined, false);
                        else writer.close().then(function () { finish(undefined, false); }, function (e) { finish(e, true); });
                        return;
                    }
                    writer.write(result.value).then(undefined, function () {});
                    step();
                }, function (e) {
                    if (finished) return;
                    // The source errored (or the destination did, which rejects ready).
                    if (destination._state === 'errored' || destination._state === 'erroring') {
                        if (!preventCancel) reader.cancel(destination._storedError).then(undefined, function () {});
                        finish(destination._storedError, true);
                    } else if (!preventAbort) {
                        writer.abort(e).then(function () { finish(e, true); }, function () { finish(e, true); });
                    } else {
                        finish(e, true);
                    }
                });
            }
            step();
            return done.promise;
        };
        ReadableStream.prototype.pipeThrough = function pipeThrough(transform, options) {
            if (!transform || !(transform.readable instanceof ReadableStream) || !(transform.writable instanceof WritableStream)) {
                throw new NativeTypeError('pipeThrough needs a { writable, readable } pair');
            }
            if (this._reader) throw new NativeTypeError('ReadableStream is locked');
            this.pipeTo(transform.writable, options).then(undefined, function () {});
            return transform.readable;
        };
        ReadableStream.from = function from(iterable) {
            if (iterable instanceof ReadableStream) return iterable;
            var method = iterable !== null && iterable !== undefined ? iterable[Symbol.asyncIterator] : undefined;
            var iterator, async = typeof method === 'function';
            if (async) iterator = method.call(iterable);
            else {
                method = iterable !== null && iterable !== undefined ? iterable[Symbol.iterator] : undefined;
                if (typeof method !== 'function') throw new NativeTypeError('ReadableStream.from needs an iterable or async iterable');
                iterator = method.call(iterable);
            }
            return new ReadableStream({
                pull: function (controller) {
                    return resolved(iterator.next()).then(function (result) {
                        if (result.done) controller.close();
                        else return resolved(result.value).then(function (v) { controller.enqueue(v); });
                    });
                },
                cancel: function (reason) {
                    if (typeof iterator['return'] === 'function') return resolved(iterator['return'](reason)).then(function () {});
                }
            }, { highWaterMark: 0 });
        };

        // ---- WritableStream -------------------------------------------------------------------------------
        function WritableStreamDefaultController() {
            if (!internal) throw new NativeTypeError('Illegal constructor');
        }
        function WritableStreamDefaultWriter(stream) {
            if (!(stream instanceof WritableStream)) throw new NativeTypeError('WritableStreamDefaultWriter needs a WritableStream');
            if (stream._writer) throw new NativeTypeError('WritableStream is locked');
            stream._writer = this;
            hidden(this, '_stream', stream);
            hidden(this, '_closed', deferred());
            hidden(this, '_ready', deferred());
            if (stream._state === 'errored' || stream._state === 'erroring') {
                this._closed.reject(stream._storedError);
                this._ready.reject(stream._storedError);
            } else {
                if (stream._state === 'closed') this._closed.resolve(undefined);
                hidden(this, '_readyResolved', !backpressure(stream));
                if (this._readyResolved) this._ready.resolve(undefined);
            }
        }
        function WritableStream(sink, strategy) {
            sink = sink === undefined || sink === null ? {} : sink;
            if (sink.type !== undefined) throw new NativeRangeError('Invalid type is specified');
            var s = strategyOf(strategy, 1);
            hidden(this, '_state', 'writable');
            hidden(this, '_writer', null);
            hidden(this, '_storedError', undefined);
            internal = true;
            var controller = new WritableStreamDefaultController();
            internal = false;
            hidden(controller, '_stream', this);
            hidden(controller, '_sink', sink);
            hidden(controller, '_queue', []);
            hidden(controller, '_queueSize', 0);
            hidden(controller, '_hwm', s.highWaterMark);
            hidden(controller, '_size', s.size);
            hidden(controller, '_started', false);
            hidden(controller, '_writing', false);
            hidden(controller, '_abort', null);
            hidden(this, '_controller', controller);
            hidden(this, '_closeRequest', null);
            var stream = this;
            resolved(sink.start === undefined ? undefined : sink.start(controller)).then(function () {
                controller._started = true;
                advance(stream);
            }, function (e) {
                controller._started = true;
                startErroring(stream, e);
                finishErroring(stream);
            });
        }
        function backpressure(stream) {
            var c = stream._controller;
            return c._hwm - c._queueSize <= 0;
        }
        function updateReady(stream) {
            var writer = stream._writer;
            if (!writer || stream._state !== 'writable' || stream._closeRequest) return;
            if (backpressure(stream)) {
                if (writer._readyResolved !== false) {
                    hidden(writer, '_ready', deferred());
                    hidden(writer, '_readyResolved', false);
                }
            } else if (writer._readyResolved === false) {
                writer._readyResolved = true;
                writer._ready.resolve(undefined);
            }
        }
        function startErroring(stream, e) {
            if (stream._state !== 'writable') return;
            stream._state = 'erroring';
            stream._storedError = e;
            var writer = stream._writer;
            if (writer) {
                if (writer._readyResolved !== false) hidden(writer, '_ready', deferred());
                writer._readyResolved = false;
                writer._ready.reject(e);
            }
        }
        function finishErroring(stream) {
            if (stream._state !== 'erroring' || stream._controller._writing) return;
            stream._state = 'errored';
            var controller = stream._controller, e = stream._storedError;
            controller._queue.forEach(function (w) { if (w.done) w.done.reject(e); });
            controller._queue = [];
            controller._queueSize = 0;
            if (stream._closeRequest) stream._closeRequest.reject(e);
            if (stream._writer) stream._writer._closed.reject(e);
            var abort = controller._abort;
            if (abort) {
                controller._abort = null;
                promiseCall(controller._sink, 'abort', [abort.reason]).then(function () { abort.done.resolve(undefined); }, abort.done.reject);
            }
        }
        function advance(stream) {
            var controller = stream._controller;
            if (!controller._started || controller._writing) return;
            if (stream._state === 'erroring') {
                finishErroring(stream);
                return;
            }
            if (stream._state !== 'writable') return;
            var next = controller._queue[0];
            if (!next) return;
            controller._writing = true;
            var work = next.close ? promiseCall(controller._sink, 'close', []) : promiseCall(controller._sink, 'write', [next.chunk, controller]);
            work.then(function () {
                controller._writing = false;
                controller._queue.shift();
                controller._queueSize -= next.size;
                if (next.close) {
                    stream._state = 'closed';
                    next.done.resolve(undefined);
                    if (stream._writer) stream._writer._closed.resolve(undefined);
                    return;
                }
                next.done.resolve(undefined);
                updateReady(stream);
                advance(stream);
            }, function (e) {
                controller._writing = false;
                controller._queue.shift();
                next.done.reject(e);
                if (stream._state === 'writable') startErroring(stream, e);
                finishErroring(stream);
            });
        }
        function writeTo(stream, chunk) {
            var controller = stream._controller;
            if (stream._state === 'errored' || stream._state === 'erroring') return rejected(stream._storedError);
            if (stream._state === 'closed' || stream._closeRequest) return rejected(new NativeTypeError('The stream is closing or closed and cannot be written to'));
            var size;
            try {
                size = Number(controller._size(chunk));
            } catch (e) {
                startErroring(stream, e);
                return rejected(e);
            }
            var d = deferred();
            controller._queue.push({ chunk: chunk, size: size, done: d });
            controller._queueSize += size;
            updateReady(stream);
            advance(stream);
            return d.promise;
        }
        function closeWritable(stream) {
            if (stream._state === 'closed' || stream._closeRequest) return rejected(new NativeTypeError('The stream is closed or closing'));
            if (stream._state === 'errored' || stream._state === 'erroring') return rejected(stream._storedError);
            var d = deferred();
            stream._closeRequest = d;
            if (stream._writer && stream._writer._readyResolved === false) {
                stream._writer._readyResolved = true;
                stream._writer._ready.resolve(undefined);
            }
            stream._controller._queue.push({ close: true, size: 0, done: d });
            advance(stream);
            return d.promise;
        }
        function abortWritable(stream, reason) {
            if (stream._state === 'closed' || stream._state === 'errored') return resolved(undefined);
            var controller = stream._controller;
            if (controller._abort) return controller._abort.done.promise;
            var d = deferred();
            controller._abort = { reason: reason, done: d };
            startErroring(stream, reason);
            finishErroring(stream);
            return d.promise;
        }
        WritableStreamDefaultController.prototype.error = function error(e) {
            if (this._stream._state !== 'writable') return;
            startErroring(this._stream, e);
            finishErroring(this._stream);
        };
        getter(WritableStreamDefaultController.prototype, 'signal', function () {
            if (!this._signal) {
                var controller = new (valbox.lazyValue('AbortController'))();
                hidden(this, '_signal', controller.signal);
            }
            return this._signal;
        });
        getter(WritableStream.prototype, 'locked', function () { return this._writer !== null; });
        WritableStream.prototype.getWriter = function getWriter() { return new WritableStreamDefaultWriter(this); };
        WritableStream.prototype.close = function close() {
            if (this._writer) return rejected(new NativeTypeError('Cannot close a locked WritableStream'));
            return closeWritable(this);
        };
        WritableStream.prototype.abort = function abort(reason) {
            if (this._writer) return rejected(new NativeTypeError('Cannot abort a locked WritableStream'));
            return abortWritable(this, reason);
        };
        function writerStream(writer) {
            if (!writer._stream) throw new NativeTypeError('The writer has been released');
            return writer._stream;
        }
        WritableStreamDefaultWriter.prototype.write = function write(chunk) {
            try {
                return writeTo(writerStream(this), chunk);
            } catch (e) {
                return rejected(e);
            }
        };
        WritableStreamDefaultWriter.prototype.close = function close() {
            try {
                return closeWritable(writerStream(this));
            } catch (e) {
                return rejected(e);
            }
        };
        WritableStreamDefaultWriter.prototype.abort = function abort(reason) {
            try {
                return abortWritable(writerStream(this), reason);
            } catch (e) {
                return rejected(e);
            }
        };
        WritableStreamDefaultWriter.prototype.releaseLock = function releaseLock() {
            var stream = this._stream;
            if (!stream) return;
            var released = new NativeTypeError('The writer was released');
            hidden(this, '_ready', deferred());
            this._ready.reject(released);
            if (stream._state === 'writable' || stream._state === 'erroring') this._closed.reject(released);
            else {
                hidden(this, '_closed', deferred());
                this._closed.reject(released);
            }
            stream._writer = null;
            this._stream = null;
        };
        getter(WritableStreamDefaultWriter.prototype, 'closed', function () { return this._closed.promise; });
        getter(WritableStreamDefaultWriter.prototype, 'ready', function () { return this._ready.promise; });
        getter(WritableStreamDefaultWriter.prototype, 'desiredSize', function () {
            var stream = writerStream(this);
            if (stream._state === 'errored' || stream._state === 'erroring') return null;
            if (stream._state === 'closed') return 0;
            return stream._controller._hwm - stream._controller._queueSize;
        });

        // ---- TransformStream ------------------------------------------------------------------------------
        function TransformStreamDefaultController() {
            if (!internal) throw new NativeTypeError('Illegal constructor');
        }
        function TransformStream(transformer, writableStrategy, readableStrategy) {
            transformer = transformer === undefined || transformer === null ? {} : transformer;
            internal = true;
            var controller = new TransformStreamDefaultController();
            internal = false;
            // Backpressure as the standard keeps it: on until the readable side pulls, on again when an enqueue
            // fills its queue; a write waits while it is on.
            var readableController, backpressure = true, backpressureChange = null, started = deferred();
            hidden(controller, '_transformer', transformer);
            var readable = new ReadableStream({
                start: function (c) { readableController = c; return started.promise; },
                pull: function () {
                    backpressure = false;
                    if (backpressureChange) {
                        var change = backpressureChange;
                        backpressureChange = null;
                        change.resolve(undefined);
                    }
                },
                cancel: function (reason) {
                    if (writable._state === 'writable') {
                        startErroring(writable, reason);
                        finishErroring(writable);
                    }
                    return promiseCall(transformer, 'cancel', [reason]);
                }
            }, readableStrategy === undefined ? { highWaterMark: 0 } : readableStrategy);
            hidden(controller, '_readable', readableController);
            hidden(controller, '_afterEnqueue', function () {
                if (desiredSize(readableController) <= 0) backpressure = true;
            });
            function waitForRoom() {
                if (!backpressure || readable._state !== 'readable') return resolved(undefined);
                if (!backpressureChange) backpressureChange = deferred();
                return backpressureChange.promise;
            }
            var writable = new WritableStream({
                start: function () { return started.promise; },
                write: function (chunk) {
                    return waitForRoom().then(function () {
                        if (readable._state === 'errored') throw readable._storedError;
                        if (typeof transformer.transform === 'function') return transformer.transform(chunk, controller);
                        controller.enqueue(chunk);
                    }).then(undefined, function (e) {
                        errorStream(readableController, e);
                        throw e;
                    });
                },
                close: function () {
                    return promiseCall(transformer, 'flush', [controller]).then(function () {
                        if (readable._state === 'readable' && !readableController._closeRequested) readableController.close();
                    }, function (e) {
                        errorStream(readableController, e);
                        throw e;
                    });
                },
                abort: function (reason) {
                    errorStream(readableController, reason);
                    return promiseCall(transformer, 'cancel', [reason]);
                }
            }, writableStrategy);
            hidden(controller, '_writable', writable);
            hidden(this, 'readable', readable);
            hidden(this, 'writable', writable);
            try {
                started.resolve(transformer.start === undefined ? undefined : transformer.start(controller));
            } catch (e) {
                started.reject(e);
                throw e;
            }
        }
        TransformStreamDefaultController.prototype.enqueue = function enqueue(chunk) {
            try {
                this._readable.enqueue(chunk);
                this._afterEnqueue();
            } catch (e) {
                this.error(e);
                throw this._readable._stream._storedError === undefined ? e : this._readable._stream._storedError;
            }
        };
        TransformStreamDefaultController.prototype.error = function error(e) {
            errorStream(this._readable, e);
            if (this._writable._state === 'writable') {
                startErroring(this._writable, e);
                finishErroring(this._writable);
            }
        };
        TransformStreamDefaultController.prototype.terminate = function terminate() {
            if (canEnqueue(this._readable)) this._readable.close();
            if (this._writable._state === 'writable') {
                startErroring(this._writable, new NativeTypeError('The transform stream has been terminated'));
                finishErroring(this._writable);
            }
        };
        getter(TransformStreamDefaultController.prototype, 'desiredSize', function () { return desiredSize(this._readable); });

        // ---- Queuing strategies and text streams -------------------------------------------------------
        function CountQueuingStrategy(init) {
            hidden(this, 'highWaterMark', Number(init && init.highWaterMark));
        }
        CountQueuingStrategy.prototype.size = function size() { return 1; };
        function ByteLengthQueuingStrategy(init) {
            hidden(this, 'highWaterMark', Number(init && init.highWaterMark));
        }
        ByteLengthQueuingStrategy.prototype.size = function size(chunk) { return chunk.byteLength; };

        function TextEncoderStream() {
            var pending = '';
            var stream = new TransformStream({
                transform: function (chunk, controller) {
                    var text = pending + String(chunk);
                    pending = '';
                    // A high surrogate at the end may pair with the next chunk's first unit.
                    var last = text.charCodeAt(text.length - 1);
                    if (last >= 0xd800 && last <= 0xdbff) {
                        pending = text.charAt(text.length - 1);
                        text = text.slice(0, -1);
                    }
                    if (text !== '') controller.enqueue(binaryToBytes(utf8Encode(text)));
                },
                flush: function (controller) {
                    if (pending !== '') controller.enqueue(binaryToBytes(utf8Encode(pending)));
                }
            });
            hidden(this, 'readable', stream.readable);
            hidden(this, 'writable', stream.writable);
        }
        TextEncoderStream.prototype.encoding = 'utf-8';

        /** How many bytes at the end of a byte string start a UTF-8 sequence that the next chunk completes. */
        function incompleteTail(binary) {
            for (var back = 1; back <= 3 && back <= binary.length; back++) {
                var b = binary.charCodeAt(binary.length - back);
                if ((b & 0xc0) === 0x80) continue;
                var need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
                return need > back ? back : 0;
            }
            return 0;
        }
        function TextDecoderStream(label, options) {
            var decoder = new global.TextDecoder(label, options), pending = '', fatal = decoder.fatal, first = true;
            var ignoreBOM = decoder.ignoreBOM;
            function decode(binary, controller) {
                var text = utf8Decode(binary, fatal);
                if (text === null) throw new NativeTypeError('The encoded data is not valid UTF-8');
                if (first && text !== '') {
                    first = false;
                    if (!ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
                }
                if (text !== '') controller.enqueue(text);
            }
            var stream = new TransformStream({
                transform: function (chunk, controller) {
                    var bytes = valbox.viewBytes(chunk);
                    if (!bytes) throw new NativeTypeError('TextDecoderStream needs ArrayBuffer or ArrayBufferView chunks');
                    var binary = pending + valbox.bytesToBinary(bytes);
                    var keep = incompleteTail(binary);
                    pending = binary.slice(binary.length - keep);
                    decode(binary.slice(0, binary.length - keep), controller);
                },
                flush: function (controller) {
                    if (pending !== '') decode(pending, controller);
                }
            });
            hidden(this, 'encoding', 'utf-8');
            hidden(this, 'fatal', fatal);
            hidden(this, 'ignoreBOM', ignoreBOM);
            hidden(this, 'readable', stream.readable);
            hidden(this, 'writable', stream.writable);
        }
        function binaryToBytes(binary) {
            return valbox.binaryToBytes(binary);
        }

        // What web.js needs for bodies: a stream of one chunk, and reading a whole stream into a byte string.
        // The chunk is made on the first read, and a stream nobody read yet hands its bytes on whole (a proxy's
        // `new Response(upstream.body)`, or the worker answering with it): no copy through a Uint8Array.
        valbox.streamOfBytes = function streamOfBytes(binary) {
            var stream = new ReadableStream({
                pull: function (controller) {
                    var bytes = stream._bytes;
                    stream._bytes = undefined;
                    if (bytes) controller.enqueue(binaryToBytes(bytes));
                    controller.close();
                }
            }, { highWaterMark: 0 });
            hidden(stream, '_bytes', binary);
            return stream;
        };
        /**
         * The bytes of a stream made by streamOfBytes that nothing has read or locked, else undefined. Peeking leaves
         * the stream as it is: Deno's `new Response(other.body)` does not lock or use `other` either.
         */
        valbox.peekStreamBytes = function peekStreamBytes(stream) {
            return stream._reader || stream._disturbed || typeof stream._bytes !== 'string' ? undefined : stream._bytes;
        };
        /** As peekStreamBytes, and the stream is then read to its end. */
        valbox.takeStreamBytes = function takeStreamBytes(stream) {
            var bytes = valbox.peekStreamBytes(stream);
            if (bytes === undefined) return undefined;
            stream._bytes = undefined;
            stream._disturbed = true;
            closeStream(stream);
            return bytes;
        };
        valbox.isReadableStream = function (value) {
            return value instanceof ReadableStream;
        };
        /** Reads a byte stream to its end; answers a promise of the bytes as a byte string, at most limit bytes. */
        valbox.collectStream = function collectStream(stream, limit) {
            if (stream._reader) return rejected(new NativeTypeError('ReadableStream is locked'));
            if (stream._disturbed) return rejected(new NativeTypeError('Body already consumed'));
            var whole = valbox.takeStreamBytes(stream);
            if (whole !== undefined) {
                return whole.length > limit
                    ? rejected(new NativeRangeError('The body stream is larger than the limit of ' + (limit >> 20) + ' MB'))
                    : resolved(whole);
            }
            var reader = stream.getReader(), parts = [], total = 0;
            function next() {
                return reader.read().then(function (result) {
                    if (result.done) return parts.join('');
                    var bytes = valbox.viewBytes(result.value);
                    if (!bytes) throw new NativeTypeError('Cannot convert value to Uint8Array while consuming the stream');
                    total += bytes.length;
                    if (total > limit) {
                        reader.cancel(new NativeRangeError('too large')).then(undefined, function () {});
                        throw new NativeRangeError('The body stream is larger than the limit of ' + (limit >> 20) + ' MB');
                    }
                    parts.push(valbox.bytesToBinary(bytes));
                    return next();
                });
            }
            return next();
        };

        return {
            ReadableStream: ReadableStream, ReadableStreamDefaultReader: ReadableStreamDefaultReader,
            ReadableStreamDefaultController: ReadableStreamDefaultController, WritableStream: WritableStream,
            WritableStreamDefaultWriter: WritableStreamDefaultWriter,
            WritableStreamDefaultController: WritableStreamDefaultController, TransformStream: TransformStream,
            TransformStreamDefaultController: TransformStreamDefaultController,
            CountQueuingStrategy: CountQueuingStrategy, ByteLengthQueuingStrategy: ByteLengthQueuingStrategy,
            TextEncoderStream: TextEncoderStream, TextDecoderStream: TextDecoderStream
        };
    });
})(this);
