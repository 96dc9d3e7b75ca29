// node:buffer for npm packages: Buffer is a Uint8Array whose prototype adds Node's methods (encodings utf8, hex,
// base64, base64url, latin1/binary, ascii, utf16le/ucs2). Built on the runtime's TextEncoder/TextDecoder and
// atob/btoa. Written in ES5 (it is not compiled); loops over caller-sized data call __chk like compiled code.
'use strict';
var encoder = new TextEncoder(), decoder = new TextDecoder();
var setPrototypeOf = Object.setPrototypeOf, NativeUint8Array = Uint8Array;
var ENCODINGS = ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf16le', 'utf-16le',
    'ucs2', 'ucs-2'];

function encodingOf(encoding) {
    var name = encoding === undefined || encoding === null ? 'utf8' : String(encoding).toLowerCase();
    if (ENCODINGS.indexOf(name) === -1) throw new TypeError('Unknown encoding: ' + encoding);
    if (name === 'utf-8') return 'utf8';
    if (name === 'binary') return 'latin1';
    if (name === 'ucs2' || name === 'ucs-2' || name === 'utf-16le') return 'utf16le';
    return name;
}

/** Makes a Uint8Array (over the buffer given, if any) a Buffer. */
function wrap(bytes) {
    setPrototypeOf(bytes, Buffer.prototype);
    return bytes;
}

function Buffer(arg, encodingOrOffset, length) {
    // Node's deprecated Buffer(x) constructor still works, as Buffer.from / Buffer.alloc.
    return typeof arg === 'number' ? Buffer.alloc(arg) : Buffer.from(arg, encodingOrOffset, length);
}
Buffer.prototype = Object.create(NativeUint8Array.prototype, {
    constructor: { value: Buffer, writable: true, configurable: true }
});
Buffer.poolSize = 8192;

function binaryOf(bytes, start, end) {
    var parts = [];
    for (var i = start; i < end; i += 4096) {
        __chk();
        parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 4096))));
    }
    return parts.join('');
}

function fromBinary(binary) {
    var bytes = new NativeUint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
        if ((i & 4095) === 0) __chk();
        bytes[i] = binary.charCodeAt(i) & 0xff;
    }
    return bytes;
}

function encode(string, encoding) {
    switch (encodingOf(encoding)) {
        case 'utf8': return encoder.encode(string);
        case 'hex': {
            var digits = string.length >>> 1, hex = new NativeUint8Array(digits), n = 0;
            for (; n < digits; n++) {
                if ((n & 4095) === 0) __chk();
                var byte = parseInt(string.substr(n * 2, 2), 16);
                if (isNaN(byte)) break;
                hex[n] = byte;
            }
            return hex.subarray(0, n);
        }
        case 'base64':
        case 'base64url': {
            var clean = string.replace(/[-_]/g, function (c) { return c === '-' ? '+' : '/'; }).replace(/[^A-Za-z0-9+/]/g, '');
            if (clean.length % 4 === 1) clean = clean.slice(0, -1);
            while (clean.length % 4) clean += '=';
            return fromBinary(atob(clean));
        }
        case 'latin1':
        case 'ascii': return fromBinary(string);
        default: {
            var wide = new NativeUint8Array(string.length * 2);
            for (var c = 0; c < string.length; c++) {
                if ((c & 4095) === 0) __chk();
                var code = string.charCodeAt(c);
                wide[c * 2] = code & 0xff;
                wide[c * 2 + 1] = code >>> 8;
            }
            return wide;
        }
    }
}

function decode(bytes, encoding, start, end) {
    switch (encodingOf(encoding)) {
        case 'utf8': return decoder.decode(bytes.subarray(start, end));
        case 'hex': {
            var out = [];
            for (var i = start; i < end; i++) {
                if ((i & 4095) === 0) __chk();
                out.push((bytes[i] < 16 ? '0' : '') + bytes[i].toString(16));
            }
            return out.join('');
        }
        case 'base64': return btoa(binaryOf(bytes, start, end));
        case 'base64url': return btoa(binaryOf(bytes, start, end)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        case 'latin1': return binaryOf(bytes, start, end);
        case 'ascii': return binaryOf(bytes, start, end).replace(/[\u0080-\u00ff]/g, function (c) {
            return String.fromCharCode(c.charCodeAt(0) & 0x7f);
        });
        default: {
            var chars = [];
            for (var j = start; j + 1 < end; j += 2) {
                if ((j & 4095) === 0) __chk();
                chars.push(String.fromCharCode(bytes[j] | (bytes[j + 1] << 8)));
            }
            return chars.join('');
        }
    }
}

Buffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return wrap(encode(value, encodingOrOffset));
    if (value instanceof ArrayBuffer) {
        var offset = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset);
        return wrap(new NativeUint8Array(value, offset, length === undefined ? value.byteLength - offset : Number(length)));
    }
    if (ArrayBuffer.isView(value)) {
        var view = new NativeUint8Array(value.buffer, value.byteOffset, value.byteLength);
        return wrap(value instanceof NativeUint8Array || value instanceof DataView ? new NativeUint8Array(view) : NativeUint8Array.from(value));
    }
    if (value !== null && typeof value === 'object') {
        if (value.type === 'Buffer' && Array.isArray(value.data)) return wrap(NativeUint8Array.from(value.data));
        if (typeof value.length === 'number' || Array.isArray(value)) return wrap(NativeUint8Array.from(value));
        if (typeof value.valueOf === 'function' && value.valueOf() !== value) return Buffer.from(value.valueOf(), encodingOrOffset, length);
    }
    throw new TypeError('The first argument must be a string, Buffer, ArrayBuffer, Array or array-like object');
};
Buffer.alloc = function alloc(size, fill, encoding) {
    var buffer = wrap(new NativeUint8Array(checkedSize(size)));
    return fill === undefined || fill === 0 ? buffer : buffer.fill(fill, 0, buffer.length, encoding);
};
Buffer.allocUnsafe = Buffer.allocUnsafeSlow = function allocUnsafe(size) {
    return wrap(new NativeUint8Array(checkedSize(size)));
};
function checkedSize(size) {
    if (typeof size !== 'number' || size < 0 || size !== size) throw new RangeError('The size must be a non-negative number, got ' + size);
    return size;
}
Buffer.isBuffer = function isBuffer(value) { return value instanceof Buffer; };
Buffer.isEncoding = function isEncoding(encoding) {
    return typeof encoding === 'string' && ENCODINGS.indexOf(encoding.toLowerCase()) !== -1;
};
Buffer.byteLength = function byteLength(value, encoding) {
    if (typeof value !== 'string') return value.byteLength;
    return encode(value, encoding).length;
};
Buffer.concat = function concat(list, totalLength) {
    if (!Array.isArray(list)) throw new TypeError('The list must be an Array of Buffers or Uint8Arrays');
    var total = totalLength === undefined ? list.reduce(function (n, b) { return n + b.length; }, 0) : totalLength;
    var out = Buffer.alloc(total), at = 0;
    for (var i = 0; i < list.length && at < total; i++) {
        __chk();
        var part = list[i].length > total - at ? list[i].subarray(0, total - at) : list[i];
        out.set(part, at);
        at += part.length;
    }
    return out;
};
Buffer.compare = function compare(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) {
        if ((i & 4095) === 0) __chk();
        if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};

var proto = Buffer.prototype;
proto.toString = function toString(encoding, start, end) {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    return end <= start ? '' : decode(this, encoding, start, end);
};
proto.toLocaleString = proto.toString;
proto.toJSON = function toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; };
proto.equals = function equals(other) { return Buffer.compare(this, other) === 0; };
proto.compare = function compare(other) { return Buffer.compare(this, other); };
// Node's slice shares memory, as subarray does.
proto.subarray = proto.slice = function subarray(start, end) {
    return wrap(NativeUint8Array.prototype.subarray.call(this, start, end));
};
proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
    targetStart = targetStart || 0;
    sourceStart = sourceStart || 0;
    sourceEnd = sourceEnd === undefined ? this.length : sourceEnd;
    var part = NativeUint8Array.prototype.subarray.call(this, sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
};
proto.write = function write(string, offset, length, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; length = undefined; }
    else if (typeof length === 'string') { encoding = length; length = undefined; }
    offset = offset || 0;
    var bytes = encode(String(string), encoding);
    var count = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
    this.set(bytes.subarray(0, count), offset);
    return count;
};
proto.fill = function fill(value, start, end, encoding) {
    if (typeof start === 'string') { encoding = start; start = 0; end = this.length; }
    start = start === undefined ? 0 : start;
    end = end === undefined ? this.length : end;
    var pattern = typeof value === 'number' ? [value & 0xff] : typeof value === 'string' ? encode(value, encoding) : value;
    if (pattern.length === 0) pattern = [0];
    for (var i = start; i < end; i++) {
        if ((i & 4095) === 0) __chk();
        this[i] = pattern[(i - start) % pattern.length];
    }
    return this;
};
proto.indexOf = function indexOf(value, byteOffset, encoding) {
    var needle = typeof value === 'number' ? [value & 0xff] : typeof value === 'string' ? encode(value, encoding) : value;
    var from = byteOffset === undefined ? 0 : byteOffset < 0 ? Math.max(0, this.length + byteOffset) : byteOffset;
    outer: for (var i = from; i <= this.length - needle.length; i++) {
        if ((i & 4095) === 0) __chk();
        for (var j = 0; j < needle.length; j++) {
            if (this[i + j] !== needle[j]) continue outer;
        }
        return i;
    }
    return -1;
};
proto.includes = function includes(value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; };

// Fixed-size integer and float reads and writes, through a DataView over the same bytes.
function view(buffer) { return new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength); }
function checkOffset(buffer, offset, size) {
    offset = offset === undefined ? 0 : offset;
    if (offset < 0 || offset + size > buffer.length || offset !== Math.floor(offset)) {
        throw new RangeError('The value of "offset" is out of range. It must be >= 0 and <= ' + (buffer.length - size) + '. Received ' + offset);
    }
    return offset;
}
[['UInt8', 'Uint8', 1], ['Int8', 'Int8', 1], ['UInt16', 'Uint16', 2], ['Int16', 'Int16', 2], ['UInt32', 'Uint32', 4],
    ['Int32', 'Int32', 4], ['Float', 'Float32', 4], ['Double', 'Float64', 8]].forEach(function (type) {
    var name = type[0], native = type[1], size = type[2];
    var ends = size === 1 ? [''] : ['LE', 'BE'];
    ends.forEach(function (end) {
        var little = end === 'LE';
        proto['read' + name + end] = function (offset) {
            return view(this)['get' + native](checkOffset(this, offset, size), little);
        };
        proto['write' + name + end] = function (value, offset) {
            offset = checkOffset(this, offset, size);
            view(this)['set' + native](offset, value, little);
            return offset + size;
        };
        if (name.indexOf('UInt') === 0) {
            proto['readUint' + name.slice(4) + end] = proto['read' + name + end];
            proto['writeUint' + name.slice(4) + end] = proto['write' + name + end];
        }
    });
});

exports.Buffer = Buffer;
exports.kMaxLength = 0x7fffffff;
exports.constants = { MAX_LENGTH: 0x7fffffff, MAX_STRING_LENGTH: 0x1fffffe8 };
exports.atob = atob;
exports.btoa = btoa;
exports.isUtf8 = function isUtf8(input) {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(input);
        return true;
    } catch (e) {
        return false;
    }
};
