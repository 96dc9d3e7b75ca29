// node:string_decoder for npm packages: decodes a stream of Buffers without splitting a character (UTF-8,
// UTF-16LE) or a base64 group across chunks. Other encodings have no such boundaries. ES5, not compiled.
'use strict';
var Buffer = require('buffer').Buffer;

function normalized(encoding) {
    var name = String(encoding || 'utf8').toLowerCase();
    if (name === 'utf-8') return 'utf8';
    if (name === 'ucs2' || name === 'ucs-2' || name === 'utf-16le') return 'utf16le';
    if (name === 'binary') return 'latin1';
    if (!Buffer.isEncoding(name)) throw new TypeError('Unknown encoding: ' + encoding);
    return name;
}

/** How many bytes at the end of bytes start a character (UTF-8) or group (base64, UTF-16) not yet complete. */
function incompleteTail(encoding, bytes) {
    var n = bytes.length;
    if (encoding === 'utf16le') {
        if (n % 2) return 1;
        var last = n >= 2 ? bytes[n - 2] | (bytes[n - 1] << 8) : 0;
        return last >= 0xd800 && last <= 0xdbff ? 2 : 0;
    }
    if (encoding === 'base64' || encoding === 'base64url') return n % 3;
    if (encoding !== 'utf8') return 0;
    for (var back = 1; back <= Math.min(3, n); back++) {
        var byte = bytes[n - back];
        if ((byte & 0xc0) === 0x80) continue;
        var need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

function StringDecoder(encoding) {
    this.encoding = normalized(encoding);
    this.pending = Buffer.alloc(0);
}
StringDecoder.prototype.write = function write(chunk) {
    if (typeof chunk === 'string') return chunk;
    var bytes = this.pending.length ? Buffer.concat([this.pending, Buffer.from(chunk)]) : Buffer.from(chunk);
    var keep = incompleteTail(this.encoding, bytes);
    this.pending = bytes.slice(bytes.length - keep);
    return bytes.slice(0, bytes.length - keep).toString(this.encoding);
};
StringDecoder.prototype.end = function end(chunk) {
    var text = chunk === undefined ? '' : this.write(chunk);
    var rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest.length ? text + rest.toString(this.encoding) : text;
};
StringDecoder.prototype.text = function text(chunk, start) {
    return this.write(Buffer.from(chunk).slice(start));
};

exports.StringDecoder = StringDecoder;
