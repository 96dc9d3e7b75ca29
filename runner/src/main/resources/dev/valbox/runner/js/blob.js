// Blob, File and FormData as Deno has them, loaded on first use (lazy.js), with the multipart/form-data and
// application/x-www-form-urlencoded encodings that Request and Response bodies use (web.js). Bytes are byte
// strings, one char per byte, as everywhere in the runtime.
(function (global) {
    'use strict';
    var valbox = global.__valbox, host = global.__host;
    var utf8Encode = host.utf8Encode, utf8Decode = host.utf8Decode, randomBytes = host.randomBytes;
    var PromiseCtor = Promise;
    valbox.lazy(['Blob', 'File', 'FormData'], function () {
        var defineProperty = Object.defineProperty;
        var NativeTypeError = global.TypeError;
        function hidden(target, name, value) {
            defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
        }
        function getter(prototype, name, get) {
            defineProperty(prototype, name, { get: get, configurable: true, enumerable: true });
        }
        function tag(prototype, name) {
            defineProperty(prototype, Symbol.toStringTag, { value: name, configurable: true });
            // Nashorn's Object.prototype.toString ignores toStringTag; String(blob) at least says what it is.
            hidden(prototype, 'toString', function toString() { return '[object ' + name + ']'; });
        }
        /** A Blob type: lower-cased, or empty if it has characters outside printable ASCII. */
        function normalType(type) {
            type = type === undefined ? '' : String(type);
            return /[^\u0020-\u007e]/.test(type) ? '' : type.toLowerCase();
        }
        function partBytes(part) {
            if (part instanceof Blob) return part._bytes;
            var bytes = valbox.viewBytes(part);
            if (bytes) return valbox.bytesToBinary(bytes);
            return utf8Encode(String(part));
        }

        function Blob(parts, options) {
            if (!(this instanceof Blob)) throw new NativeTypeError("Failed to construct 'Blob': Please use the 'new' operator");
            var chunks = [];
            if (parts !== undefined && parts !== null) {
                if (typeof parts !== 'object' || typeof parts[Symbol.iterator] !== 'function') {
                    throw new NativeTypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
                }
                for (var it = parts[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
                    __chk();
                    var part = partBytes(step.value);
                    if (options && options.endings === 'native' && !(step.value instanceof Blob) && typeof step.value === 'string') {
                        part = part.replace(/\r?\n/g, '\n');
                    }
                    chunks.push(part);
                }
            }
            hidden(this, '_bytes', chunks.join(''));
            hidden(this, '_type', normalType(options && options.type));
        }
        getter(Blob.prototype, 'size', function () { return this._bytes.length; });
        getter(Blob.prototype, 'type', function () { return this._type; });
        tag(Blob.prototype, 'Blob');
        function relative(index, size, fallback) {
            if (index === undefined) return fallback;
            index = Math.trunc(Number(index)) || 0;
            return index < 0 ? Math.max(size + index, 0) : Math.min(index, size);
        }
        Blob.prototype.slice = function slice(start, end, contentType) {
            var size = this._bytes.length;
            var from = relative(start, size, 0), to = relative(end, size, size);
            var blob = new Blob([], { type: contentType });
            blob._bytes = this._bytes.slice(from, Math.max(from, to));
            return blob;
        };
        Blob.prototype.text = function text() {
            return PromiseCtor.resolve(utf8Decode(this._bytes, false));
        };
        Blob.prototype.arrayBuffer = function arrayBuffer() {
            return PromiseCtor.resolve(valbox.binaryToBytes(this._bytes).buffer);
        };
        Blob.prototype.bytes = function bytes() {
            return PromiseCtor.resolve(valbox.binaryToBytes(this._bytes));
        };
        Blob.prototype.stream = function stream() {
            return valbox.lazyValue('ReadableStream') && valbox.streamOfBytes(this._bytes);
        };

        function File(bits, name, options) {
            if (arguments.length < 2) throw new NativeTypeError("Failed to construct 'File': 2 arguments required, but only " + arguments.length + ' present.');
            Blob.call(this, bits, options);
            hidden(this, '_name', String(name));
            var lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
            hidden(this, '_lastModified', Math.trunc(lastModified) || 0);
        }
        File.prototype = Object.create(Blob.prototype);
        hidden(File.prototype, 'constructor', File);
        getter(File.prototype, 'name', function () { return this._name; });
        getter(File.prototype, 'lastModified', function () { return this._lastModified; });
        getter(File.prototype, 'webkitRelativePath', function () { return ''; });
        tag(File.prototype, 'File');

        // FormData: an ordered list of (name, value) entries; a value is a string or a File.
        function FormData(form) {
            if (form !== undefined) throw new NativeTypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
            hidden(this, '_entries', []);
        }
        function entryValue(value, filename) {
            if (value instanceof Blob) {
                if (!(value instanceof File) || filename !== undefined) {
                    var file = new File([], filename === undefined ? (value instanceof File ? value.name : 'blob') : String(filename), {
                        type: value.type, lastModified: value instanceof File ? value.lastModified : undefined
                    });
                    file._bytes = value._bytes;
                    return file;
                }
                return value;
            }
            return String(value);
        }
        FormData.prototype.append = function append(name, value, filename) {
            this._entries.push([String(name), entryValue(value, filename)]);
        };
        FormData.prototype.set = function set(name, value, filename) {
            name = String(name);
            var entry = [name, entryValue(value, filename)], replaced = false;
            this._entries = this._entries.filter(function (e) {
                if (e[0] !== name) return true;
                if (replaced) return false;
                replaced = true;
                e[1] = entry[1];
                return true;
            });
            if (!replaced) this._entries.push(entry);
        };
        FormData.prototype['delete'] = function (name) {
            name = String(name);
            this._entries = this._entries.filter(function (e) { return e[0] !== name; });
        };
        FormData.prototype.get = function get(name) {
            name = String(name);
            for (var i = 0; i < this._entries.length; i++) if (this._entries[i][0] === name) return this._entries[i][1];
            return null;
        };
        FormData.prototype.getAll = function getAll(name) {
            name = String(name);
            return this._entries.filter(function (e) { return e[0] === name; }).map(function (e) { return e[1]; });
        };
        FormData.prototype.has = function has(name) {
            return this.get(name) !== null;
        };
        FormData.prototype.entries = function entries() {
            return this._entries.map(function (e) { return [e[0], e[1]]; })[Symbol.iterator]();
        };
        FormData.prototype.keys = function keys() {
            return this._entries.map(function (e) { return e[0]; })[Symbol.iterator]();
        };
        FormData.prototype.values = function values() {
            return this._entries.map(function (e) { return e[1]; })[Symbol.iterator]();
        };
        FormData.prototype.forEach = function forEach(callback, thisArg) {
            this._entries.slice().forEach(function (e) { callback.call(thisArg, e[1], e[0], this); }, this);
        };
        FormData.prototype[Symbol.iterator] = FormData.prototype.entries;
        tag(FormData.prototype, 'FormData');

        // multipart/form-data (RFC 7578) as Deno writes it: CRLF line ends, names and file names with ", CR and
        // LF percent-encoded, a file's type or application/octet-stream, no CRLF after the closing delimiter.
        function escapeName(name) {
            return name.replace(/\r\n|\r|\n/g, '\r\n').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
        }
        valbox.encodeFormData = function encodeFormData(formData) {
            var random = randomBytes(8), digits = '';
            for (var i = 0; i < random.length; i++) digits += ('00' + random.charCodeAt(i)).slice(-3);
            var boundary = '----' + digits + '0' + digits.slice(0, 4);
            var parts = [];
            formData._entries.forEach(function (e) {
                __chk();
                var head = '--' + boundary + '\r\nContent-Disposition: form-data; name="' + utf8Encode(escapeName(e[0])) + '"';
                if (typeof e[1] === 'string') {
                    parts.push(head + '\r\n\r\n' + utf8Encode(e[1].replace(/\r(?!\n)|(^|[^\r])\n/g, function (m, before) {
                        return m === '\r' ? '\r\n' : before + '\r\n';
                    })) + '\r\n');
                } else {
                    parts.push(head + '; filename="' + utf8Encode(escapeName(e[1].name)) + '"\r\nContent-Type: ' +
                        (e[1].type || 'application/octet-stream') + '\r\n\r\n' + e[1]._bytes + '\r\n');
                }
            });
            parts.push('--' + boundary + '--');
            return { body: parts.join(''), contentType: 'multipart/form-data; boundary=' + boundary };
        };

        function headerParam(header, name) {
            var m = new RegExp('(?:^|;)\\s*' + name + '\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))', 'i').exec(header);
            return m ? (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]) : null;
        }
        function unescapeName(name) {
            return name.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%22/g, '"');
        }
        /** Parses a body as form data by its content type; throws Deno's TypeError when it is neither form encoding. */
        valbox.decodeFormData = function decodeFormData(binary, contentType) {
            var formData = new FormData();
            var type = String(contentType || '').split(';')[0].trim().toLowerCase();
            if (type === 'application/x-www-form-urlencoded') {
                new global.URLSearchParams(utf8Decode(binary, false)).forEach(function (value, name) {
                    formData.append(name, value);
                });
                return formData;
            }
            var boundary = type === 'multipart/form-data' ? headerParam(contentType, 'boundary') : null;
            if (!boundary) throw new NativeTypeError('Body can not be decoded as form data');
            var delimiter = '--' + boundary, at = binary.indexOf(delimiter);
            if (at === -1) throw new NativeTypeError('Body can not be decoded as form data');
            for (;;) {
                __chk();
                at += delimiter.length;
                if (binary.substr(at, 2) === '--') break;
                if (binary.substr(at, 2) === '\r\n') at += 2;
                else if (binary.charAt(at) === '\n') at += 1;
                var headEnd = binary.indexOf('\r\n\r\n', at), gap = 4;
                if (headEnd === -1) throw new NativeTypeError('Body can not be decoded as form data');
                var next = binary.indexOf('\r\n' + delimiter, headEnd + gap);
                if (next === -1) throw new NativeTypeError('Body can not be decoded as form data');
                var headers = {};
                binary.slice(at, headEnd).split('\r\n').forEach(function (line) {
                    var colon = line.indexOf(':');
                    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = utf8Decode(line.slice(colon + 1).trim(), false);
                });
                var disposition = headers['content-disposition'] || '';
                var name = headerParam(disposition, 'name');
                var filename = headerParam(disposition, 'filename');
                var content = binary.slice(headEnd + gap, next);
                if (name !== null) {
                    if (filename !== null) {
                        var file = new File([], unescapeName(filename), { type: headers['content-type'] || '' });
                        file._bytes = content;
                        formData.append(unescapeName(name), file);
                    } else {
                        formData.append(unescapeName(name), utf8Decode(content, false));
                    }
                }
                at = next + 2;
            }
            return formData;
        };

        return { Blob: Blob, File: File, FormData: FormData };
    });
})(this);
