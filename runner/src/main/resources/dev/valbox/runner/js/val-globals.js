// The exact set of globals a val sees (asserted by SandboxTest). Hands the runtime's handle to Java.
(function (global) {
    'use strict';
    var handle = global.__valbox;
    global.__lockdown([
        // ECMAScript
        'Array', 'ArrayBuffer', 'BigInt', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'Float32Array',
        'Float64Array', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'JSON', 'Map', 'Math', 'NaN',
        'Number', 'Object', 'Promise', 'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String', 'Symbol',
        'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array',
        'Uint8ClampedArray', 'WeakMap', 'WeakSet', 'decodeURI', 'decodeURIComponent', 'encodeURI',
        'encodeURIComponent', 'escape', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
        'undefined', 'unescape', 'AggregateError', 'FinalizationRegistry', 'Reflect', 'WeakRef',
        // Web and Deno
        'Deno', 'Headers', 'Request', 'Response', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams',
        'atob', 'btoa', 'fetch', 'self', 'clearInterval', 'clearTimeout', 'console', 'crypto', 'process', 'queueMicrotask',
        'setInterval', 'setTimeout', 'AbortController', 'AbortSignal', 'CustomEvent', 'DOMException', 'Event',
        'EventTarget', 'performance', 'structuredClone', 'Blob', 'File', 'FormData', 'ReadableStream',
        'ReadableStreamDefaultReader', 'ReadableStreamDefaultController', 'WritableStream',
        'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream',
        'TransformStreamDefaultController', 'CountQueuingStrategy', 'ByteLengthQueuingStrategy', 'TextEncoderStream',
        'TextDecoderStream', 'URLPattern',
        // Nashorn's own, not configurable; they give only the script's name, which is the module key
        '__DIR__', '__FILE__', '__LINE__', 'arguments',
        // Deadline checks, error hygiene and BigInt operators injected by the transpiler
        '__bigint', '__caught', '__chk',
        // tslib helpers referenced by transpiled code
        '__addDisposableResource', '__assign', '__asyncDelegator', '__asyncGenerator', '__asyncValues',
        '__await', '__awaiter', '__classPrivateFieldGet', '__classPrivateFieldIn', '__classPrivateFieldSet',
        '__createBinding', '__decorate', '__disposeResources', '__esDecorate', '__exportStar', '__extends',
        '__generator', '__importDefault', '__importStar', '__makeTemplateObject', '__metadata', '__param',
        '__propKey', '__read', '__rest', '__runInitializers', '__setFunctionName', '__spread',
        '__spreadArray', '__spreadArrays', '__values'
    ]);
    return handle;
})(this);
