// crypto.subtle (WebCrypto) on the JDK's JCA, made on first read of crypto.subtle: most vals never sign anything,
// so a Global pays only for one accessor until then. Keys are CryptoKey objects whose material (raw bytes for
// secret keys, PKCS#8 for private and SPKI for public keys, as byte strings) lives in a WeakMap of this closure;
// SubtleHost.java gets it with every operation and hands back byte strings or JSON text, never a Java object.
// Algorithm names, usages and error names follow WebCrypto as Deno implements it.
(function (global) {
    'use strict';
    var host = global.__host;
    var crypto = global.crypto;
    var NativePromise = global.Promise, NativeError = Error, NativeTypeError = TypeError;
    var NativeUint8Array = Uint8Array, NativeArrayBuffer = ArrayBuffer, NativeWeakMap = WeakMap;
    var defineProperty = Object.defineProperty, parse = JSON.parse;
    var subtle = null;
    global.__valbox.subtleState = function () {
        return subtle === null ? 'lazy' : 'loaded';
    };
    defineProperty(crypto, 'subtle', {
        get: function () {
            return subtle || (subtle = make());
        },
        enumerable: false,
        configurable: true
    });

    function make() {
        var h = {
            digest: host.subtleDigest, hmac: host.subtleHmac, sign: host.subtleSign, verify: host.subtleVerify,
            aes: host.subtleAes, oaep: host.subtleRsaOaep, pbkdf2: host.subtlePbkdf2, hkdf: host.subtleHkdf,
            generate: host.subtleGenerate, keyInfo: host.subtleKeyInfo, fromJwk: host.subtleFromJwk,
            base64Encode: host.base64Encode, base64Decode: host.base64Decode, randomBytes: host.randomBytes,
            lastError: host.lastError
        };
        function hidden(target, name, value) {
            defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
        }
        function domError(name, message) {
            var e = new NativeError(message);
            hidden(e, 'name', name);
            return e;
        }
        // A host call that failed answers null; its message becomes an OperationError unless the caller names another.
        function ok(result, errorName) {
            if (result === null) throw domError(errorName || 'OperationError', h.lastError());
            return result;
        }

        // ---- bytes
        function toBinary(data, what) {
            var bytes;
            if (data instanceof NativeArrayBuffer) bytes = new NativeUint8Array(data);
            else if (data && data.buffer instanceof NativeArrayBuffer && typeof data.byteLength === 'number') {
                bytes = new NativeUint8Array(data.buffer, data.byteOffset || 0, data.byteLength);
            } else {
                throw new NativeTypeError((what || 'Data') + ' must be an ArrayBuffer, a TypedArray or a DataView');
            }
            var chunks = [];
            for (var i = 0; i < bytes.length; i += 8192) {
                __chk();
                chunks.push(String.fromCharCode.apply(null, Array.prototype.slice.call(bytes.subarray(i, i + 8192))));
            }
            return chunks.join('');
        }
        function toBytes(binary) {
            var bytes = new NativeUint8Array(binary.length);
            for (var i = 0; i < binary.length; i++) {
                if ((i & 8191) === 0) __chk();
                bytes[i] = binary.charCodeAt(i);
            }
            return bytes;
        }
        function toBuffer(binary) {
            return toBytes(binary).buffer;
        }
        function b64uToBinary(text) {
            var plain = String(text).replace(/-/g, '+').replace(/_/g, '/');
            while (plain.length % 4) plain += '=';
            var out = h.base64Decode(plain);
            if (out === null) throw domError('DataError', 'Invalid base64url data in JWK');
            return out;
        }
        function binaryToB64u(binary) {
            return h.base64Encode(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        }

        // ---- algorithms
        var NAMES = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW',
            'ECDSA', 'ECDH', 'Ed25519', 'X25519', 'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'PBKDF2', 'HKDF'];
        var SUPPORTED = {
            digest: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'],
            key: ['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'ECDSA', 'Ed25519', 'RSASSA-PKCS1-v1_5', 'RSA-PSS',
                'RSA-OAEP', 'PBKDF2', 'HKDF']
        };
        function normalize(algorithm, allowed) {
            var spec = typeof algorithm === 'string' ? { name: algorithm } : algorithm;
            if (spec === null || typeof spec !== 'object' || spec.name === undefined) {
                throw new NativeTypeError('Algorithm must be a string or an object with a name');
            }
            var wanted = String(spec.name).toUpperCase(), name = null;
            for (var i = 0; i < NAMES.length; i++) if (NAMES[i].toUpperCase() === wanted) name = NAMES[i];
            if (name === null || allowed.indexOf(name) === -1) {
                throw domError('NotSupportedError', 'Algorithm \'' + spec.name + '\' is not supported');
            }
            var out = {};
            for (var k in spec) out[k] = spec[k];
            out.name = name;
            if (spec.hash !== undefined) out.hash = { name: normalize(spec.hash, SUPPORTED.digest).name };
            return out;
        }
        var HASH_BITS = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
        var USAGES = {
            HMAC: { secret: ['sign', 'verify'] },
            'AES-GCM': { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
            'AES-CBC': { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
            'AES-CTR': { secret: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
            ECDSA: { 'private': ['sign'], 'public': ['verify'] },
            Ed25519: { 'private': ['sign'], 'public': ['verify'] },
            'RSASSA-PKCS1-v1_5': { 'private': ['sign'], 'public': ['verify'] },
            'RSA-PSS': { 'private': ['sign'], 'public': ['verify'] },
            'RSA-OAEP': { 'private': ['decrypt', 'unwrapKey'], 'public': ['encrypt', 'wrapKey'] },
            PBKDF2: { secret: ['deriveBits', 'deriveKey'] },
            HKDF: { secret: ['deriveBits', 'deriveKey'] }
        };
        var JWK_ALG = {
            HMAC: { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' },
            'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
            'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
            'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' }
        };
        var AES_JWK = { 'AES-GCM': 'GCM', 'AES-CBC': 'CBC', 'AES-CTR': 'CTR' };

        // ---- CryptoKey
        var material = new NativeWeakMap();
        var constructing = false;
        function CryptoKey() {
            if (!constructing) throw new NativeTypeError('Illegal constructor');
        }
        ['type', 'extractable', 'algorithm', 'usages'].forEach(function (name) {
            defineProperty(CryptoKey.prototype, name, {
                get: function () {
                    var m = material.get(this);
                    if (m === undefined) throw new NativeTypeError('Illegal invocation');
                    return m[name];
                },
                enumerable: true,
                configurable: true
            });
        });
        hidden(CryptoKey.prototype, Symbol.toStringTag, 'CryptoKey');
        function newKey(type, extractable, algorithm, usages, data, info) {
            constructing = true;
            var key;
            try {
                key = new CryptoKey();
            } finally {
                constructing = false;
            }
            // The operations read their own copies (alg, allowed) of what the key shows.
            var own = {};
            for (var k in algorithm) own[k] = algorithm[k];
            if (algorithm.hash) own.hash = { name: algorithm.hash.name };
            // Frozen as in Deno: a val cannot change what a key says it is.
            if (algorithm.hash) Object.freeze(algorithm.hash);
            Object.freeze(algorithm);
            Object.freeze(usages);
            material.set(key, {
                type: type, extractable: !!extractable, algorithm: algorithm, usages: usages, data: data, info: info,
                alg: own, allowed: usages.slice()
            });
            return key;
        }
        function internals(key) {
            var m = key !== null && typeof key === 'object' ? material.get(key) : undefined;
            if (m === undefined) throw new NativeTypeError('Key must be a CryptoKey');
            return m;
        }
        function checkUsages(name, type, usages, allowEmpty) {
            var list = [];
            if (usages === undefined || usages === null || typeof usages.length !== 'number') {
                throw new NativeTypeError('Key usages must be a sequence');
            }
            var allowed = (USAGES[name] || {})[type] || [];
            for (var i = 0; i < usages.length; i++) {
                var usage = String(usages[i]);
                if (allowed.indexOf(usage) === -1) throw domError('SyntaxError', 'Invalid key usage');
                if (list.indexOf(usage) === -1) list.push(usage);
            }
            if (!list.length && !allowEmpty && type !== 'public') throw domError('SyntaxError', 'Usages cannot be empty');
            return list;
        }
        function keyFor(key, name, usage) {
            var m = internals(key);
            if (m.alg.name !== name) throw domError('InvalidAccessError', 'Algorithm \'' + name + '\' does not match key algorithm');
            if (m.allowed.indexOf(usage) === -1) throw domError('InvalidAccessError', 'Key does not support the \'' + usage + '\' operation');
            return m;
        }

        // ---- importKey
        function importSecret(alg, keyData, extractable, usages) {
            var bits = keyData.length * 8, algorithm;
            if (alg.name === 'HMAC') {
                if (!alg.hash) throw new NativeTypeError('HMAC needs a hash');
                if (bits === 0) throw domError('DataError', 'Key length is zero');
                if (alg.length !== undefined && (alg.length > bits || alg.length <= bits - 8)) {
                    throw domError('DataError', 'Key length does not match');
                }
                algorithm = { name: 'HMAC', length: alg.length === undefined ? bits : Number(alg.length), hash: alg.hash };
            } else if (AES_JWK[alg.name]) {
                if (bits !== 128 && bits !== 192 && bits !== 256) throw domError('DataError', 'Invalid key length');
                algorithm = { name: alg.name, length: bits };
            } else if (alg.name === 'PBKDF2' || alg.name === 'HKDF') {
                if (extractable) throw domError('SyntaxError', 'Key cannot be extractable');
                algorithm = { name: alg.name };
            } else {
                throw domError('NotSupportedError', 'Unsupported key format for ' + alg.name);
            }
            return newKey('secret', extractable, algorithm, checkUsages(alg.name, 'secret', usages), keyData);
        }
        function asymmetricAlgorithm(alg, info) {
            if (alg.name === 'ECDSA') {
                if (info.kty !== 'EC') throw domError('DataError', 'The key is not an EC key');
                if (alg.namedCurve !== info.crv) throw domError('DataError', 'The key\'s curve does not match namedCurve');
                return { name: 'ECDSA', namedCurve: info.crv };
            }
            if (alg.name === 'Ed25519') {
                if (info.crv !== 'Ed25519') throw domError('DataError', 'The key is not an Ed25519 key');
                return { name: 'Ed25519' };
            }
            if (info.kty !== 'RSA') throw domError('DataError', 'The key is not an RSA key');
            if (!alg.hash) throw new NativeTypeError(alg.name + ' needs a hash');
            return {
                name: alg.name, modulusLength: Number(info.modulusLength), hash: alg.hash,
                publicExponent: toBytes(b64uToBinary(info.e))
            };
        }
        function importAsymmetric(alg, type, info, extractable, usages) {
            var algorithm = asymmetricAlgorithm(alg, info);
            var data = h.base64Decode(type === 'public' ? info.spki : info.pkcs8);
            return newKey(type, extractable, algorithm,
                checkUsages(alg.name, type, usages), data, info);
        }
        function importJwk(alg, jwk, extractable, usages) {
            if (jwk === null || typeof jwk !== 'object') throw new NativeTypeError('keyData must be a JsonWebKey');
            if (jwk.ext === false && extractable) throw domError('DataError', 'The JWK is not extractable');
            if (jwk.kty === 'oct') {
                if (typeof jwk.k !== 'string') throw domError('DataError', 'The JWK has no k');
                var key = importSecret(alg, b64uToBinary(jwk.k), extractable, usages);
                var expected = jwkAlg(internals(key).algorithm);
                if (jwk.alg !== undefined && expected !== undefined && jwk.alg !== expected) {
                    throw domError('DataError', 'The JWK alg does not match the algorithm');
                }
                return key;
            }
            if (jwk.kty !== 'EC' && jwk.kty !== 'RSA' && jwk.kty !== 'OKP') throw domError('DataError', 'Unsupported JWK kty');
            var info;
            if (jwk.kty === 'OKP') {
                throw domError('NotSupportedError', 'Ed25519 JWK import is not supported; use raw, spki or pkcs8');
            }
            var m = function (name) { return typeof jwk[name] === 'string' ? jwk[name] : ''; };
            info = parse(ok(h.fromJwk(jwk.kty, m('crv'), m('x'), m('y'), m('d'), m('n'), m('e'), m('p'), m('q'), m('dp'), m('dq')), 'DataError'));
            return importAsymmetric(alg, jwk.d !== undefined ? 'private' : 'public', info, extractable, usages);
        }
        function jwkAlg(algorithm) {
            if (algorithm.name === 'HMAC') return JWK_ALG.HMAC[algorithm.hash.name];
            if (AES_JWK[algorithm.name]) return 'A' + algorithm.length + AES_JWK[algorithm.name];
            if (JWK_ALG[algorithm.name]) return JWK_ALG[algorithm.name][algorithm.hash.name];
            if (algorithm.name === 'ECDSA') return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[algorithm.namedCurve];
            return undefined;
        }
        function importKey(format, keyData, algorithm, extractable, usages) {
            var alg = normalize(algorithm, SUPPORTED.key);
            switch (format) {
                case 'raw':
                    if (alg.name === 'ECDSA') {
                        var point = toBinary(keyData, 'keyData');
                        var size = (point.length - 1) / 2;
                        if (point.charCodeAt(0) !== 4 || size !== Math.floor(size)) {
                            throw domError('DataError', 'Only uncompressed EC points can be imported');
                        }
                        return importJwk(alg, {
                            kty: 'EC', crv: alg.namedCurve,
                            x: binaryToB64u(point.substr(1, size)), y: binaryToB64u(point.substr(1 + size))
                        }, extractable, usages);
                    }
                    if (alg.name === 'Ed25519') throw domError('NotSupportedError', 'Ed25519 raw import is not supported; use spki');
                    return importSecret(alg, toBinary(keyData, 'keyData'), extractable, usages);
                case 'jwk':
                    return importJwk(alg, keyData, extractable, usages);
                case 'spki':
                case 'pkcs8':
                    if (!USAGES[alg.name]['public']) throw domError('NotSupportedError', 'Unsupported key format for ' + alg.name);
                    var info = parse(ok(h.keyInfo(format, toBinary(keyData, 'keyData')), 'DataError'));
                    return importAsymmetric(alg, format === 'spki' ? 'public' : 'private', info, extractable, usages);
                default:
                    throw domError('NotSupportedError', 'Unsupported key format ' + format);
            }
        }

        // ---- exportKey
        function exportKey(format, key) {
            var m = internals(key);
            if (!m.extractable) throw domError('InvalidAccessError', 'Key is not extractable');
            switch (format) {
                case 'raw':
                    if (m.type === 'secret') return toBuffer(m.data);
                    if (m.type === 'public' && m.alg.name === 'ECDSA') {
                        return toBuffer('\u0004' + b64uToBinary(m.info.x) + b64uToBinary(m.info.y));
                    }
                    break;
                case 'spki':
                    if (m.type === 'public') return toBuffer(m.data);
                    break;
                case 'pkcs8':
                    if (m.type === 'private') return toBuffer(m.data);
                    break;
                case 'jwk':
                    return exportJwk(m);
                default:
                    throw domError('NotSupportedError', 'Unsupported key format ' + format);
            }
            throw domError('InvalidAccessError', 'Key cannot be exported as ' + format);
        }
        function exportJwk(m) {
            // Members in Deno's order: kty, alg, then the key's own.
            var jwk = { kty: undefined, alg: jwkAlg(m.alg) };
            if (jwk.alg === undefined) delete jwk.alg;
            if (m.type === 'secret') {
                if (m.alg.name === 'PBKDF2' || m.alg.name === 'HKDF') throw domError('NotSupportedError', 'Unsupported key format jwk');
                jwk.kty = 'oct';
                jwk.k = binaryToB64u(m.data);
            } else {
                var info = m.info;
                if (info.kty === 'EC') {
                    if (info.x === undefined) throw domError('OperationError', 'The private key has no public key to export');
                    jwk.kty = 'EC'; jwk.crv = info.crv;
                    if (m.type === 'private') jwk.d = info.d;
                    jwk.x = info.x; jwk.y = info.y;
                } else if (info.kty === 'OKP') {
                    jwk.kty = 'OKP'; jwk.crv = 'Ed25519';
                    if (info.x !== undefined) jwk.x = info.x;
                    if (m.type === 'private') jwk.d = info.d;
                } else {
                    jwk.kty = 'RSA'; jwk.n = info.n; jwk.e = info.e;
                    if (m.type === 'private') {
                        jwk.d = info.d; jwk.p = info.p; jwk.q = info.q; jwk.dp = info.dp; jwk.dq = info.dq; jwk.qi = info.qi;
                    }
                }
            }
            jwk.key_ops = m.allowed.slice();
            jwk.ext = m.extractable;
            return jwk;
        }

        // ---- generateKey
        function generateKey(algorithm, extractable, usages) {
            var alg = normalize(algorithm, SUPPORTED.key);
            var bits;
            if (alg.name === 'HMAC') {
                if (!alg.hash) throw new NativeTypeError('HMAC needs a hash');
                bits = alg.length === undefined ? HASH_BITS[alg.hash.name] : Number(alg.length);
                if (!(bits > 0) || bits % 8) throw domError('OperationError', 'Unsupported HMAC key length');
                return importSecret({ name: 'HMAC', hash: alg.hash, length: bits }, h.randomBytes(bits / 8), extractable, usages);
            }
            if (AES_JWK[alg.name]) {
                bits = Number(alg.length);
                if (bits !== 128 && bits !== 192 && bits !== 256) throw domError('OperationError', 'AES key length must be 128, 192 or 256 bits');
                return importSecret(alg, h.randomBytes(bits / 8), extractable, usages);
            }
            if (!USAGES[alg.name] || !USAGES[alg.name]['public']) throw domError('NotSupportedError', 'Cannot generate a ' + alg.name + ' key');
            var pair;
            if (alg.name === 'ECDSA') pair = ok(h.generate('EC', String(alg.namedCurve), 0), 'NotSupportedError');
            else if (alg.name === 'Ed25519') pair = ok(h.generate('Ed25519', '', 0));
            else {
                var exponent = alg.publicExponent ? toBinary(alg.publicExponent, 'publicExponent') : '\u0001\u0000\u0001', e = 0;
                for (var i = 0; i < exponent.length; i++) e = e * 256 + exponent.charCodeAt(i);
                pair = ok(h.generate('RSA', String(e), Number(alg.modulusLength)));
            }
            pair = parse(pair);
            var list = Array.prototype.slice.call(usages);
            var own = USAGES[alg.name];
            list.forEach(function (u) {
                if (own['private'].indexOf(u) === -1 && own['public'].indexOf(u) === -1) throw domError('SyntaxError', 'Invalid key usage');
            });
            var privateUsages = list.filter(function (u) { return own['private'].indexOf(u) !== -1; });
            var publicUsages = list.filter(function (u) { return own['public'].indexOf(u) !== -1; });
            if (!privateUsages.length) throw domError('SyntaxError', 'Usages cannot be empty');
            var privateInfo = parse(ok(h.keyInfo('pkcs8', h.base64Decode(pair.pkcs8))));
            var publicInfo = parse(ok(h.keyInfo('spki', h.base64Decode(pair.spki))));
            var privateKey = importAsymmetric(alg, 'private', privateInfo, extractable, privateUsages);
            var publicKey = importAsymmetric(alg, 'public', publicInfo, true, publicUsages);
            return { publicKey: publicKey, privateKey: privateKey };
        }

        // ---- operations
        function hashOf(alg, m) {
            return (alg.hash || m.alg.hash || {}).name;
        }
        function sign(algorithm, key, data) {
            var alg = normalize(algorithm, SUPPORTED.key);
            var m = keyFor(key, alg.name, 'sign');
            var bytes = toBinary(data);
            if (alg.name === 'HMAC') return toBuffer(ok(h.hmac(m.alg.hash.name, m.data, bytes)));
            if (alg.name === 'ECDSA' && !alg.hash) throw new NativeTypeError('ECDSA needs a hash');
            return toBuffer(ok(h.sign(alg.name, hashOf(alg, m) || 'SHA-256', m.data, bytes, Number(alg.saltLength) || 0)));
        }
        function verify(algorithm, key, signature, data) {
            var alg = normalize(algorithm, SUPPORTED.key);
            var m = keyFor(key, alg.name, 'verify');
            var sig = toBinary(signature, 'signature'), bytes = toBinary(data);
            if (alg.name === 'HMAC') {
                var expected = ok(h.hmac(m.alg.hash.name, m.data, bytes));
                if (expected.length !== sig.length) return false;
                var diff = 0;
                for (var i = 0; i < sig.length; i++) diff |= expected.charCodeAt(i) ^ sig.charCodeAt(i);
                return diff === 0;
            }
            if (alg.name === 'ECDSA' && !alg.hash) throw new NativeTypeError('ECDSA needs a hash');
            return ok(h.verify(alg.name, hashOf(alg, m) || 'SHA-256', m.data, sig, bytes, Number(alg.saltLength) || 0)) === true;
        }
        function cipher(encrypt, algorithm, key, data) {
            var alg = normalize(algorithm, SUPPORTED.key);
            var m = keyFor(key, alg.name, encrypt ? 'encrypt' : 'decrypt');
            var bytes = toBinary(data);
            var failure = 'OperationError';
            if (alg.name === 'RSA-OAEP') {
                var label = alg.label === undefined ? '' : toBinary(alg.label, 'label');
                return toBuffer(ok(h.oaep(encrypt, m.alg.hash.name, m.data, label, bytes), failure));
            }
            if (!AES_JWK[alg.name]) throw domError('NotSupportedError', alg.name + ' cannot encrypt');
            if (alg.name === 'AES-GCM') {
                var iv = toBinary(alg.iv, 'iv');
                var tag = alg.tagLength === undefined ? 128 : Number(alg.tagLength);
                if ([32, 64, 96, 104, 112, 120, 128].indexOf(tag) === -1) throw domError('OperationError', 'Invalid tag length');
                var aad = alg.additionalData === undefined ? '' : toBinary(alg.additionalData, 'additionalData');
                if (!encrypt && bytes.length < tag / 8) throw domError('OperationError', 'Decryption failed');
                var out = h.aes(alg.name, encrypt, m.data, iv, aad, tag, bytes);
                if (out === null) throw domError('OperationError', encrypt ? h.lastError() : 'Decryption failed');
                return toBuffer(out);
            }
            if (alg.name === 'AES-CBC') {
                var cbcIv = toBinary(alg.iv, 'iv');
                if (cbcIv.length !== 16) throw domError('OperationError', 'Initialization vector length must be 16 bytes');
                return toBuffer(ok(h.aes(alg.name, encrypt, m.data, cbcIv, '', 0, bytes), failure));
            }
            var counter = toBinary(alg.counter, 'counter');
            if (counter.length !== 16) throw domError('OperationError', 'Counter vector must be 16 bytes');
            return toBuffer(ok(h.aes(alg.name, encrypt, m.data, counter, '', Number(alg.length), bytes), failure));
        }
        function deriveBits(algorithm, key, length) {
            var alg = normalize(algorithm, SUPPORTED.key);
            var m = keyFor(key, alg.name, 'deriveBits');
            return toBuffer(derive(alg, m, length));
        }
        function derive(alg, m, length) {
            if (length === null || length === undefined || !(Number(length) > 0) || Number(length) % 8) {
                throw domError('OperationError', 'Length must be a positive multiple of 8');
            }
            if (!alg.hash) throw new NativeTypeError(alg.name + ' needs a hash');
            var salt = toBinary(alg.salt, 'salt');
            if (alg.name === 'PBKDF2') {
                if (!(Number(alg.iterations) > 0)) throw domError('OperationError', 'iterations must not be zero');
                return ok(h.pbkdf2(alg.hash.name, m.data, salt, Number(alg.iterations), Number(length)));
            }
            if (alg.name === 'HKDF') return ok(h.hkdf(alg.hash.name, m.data, salt, toBinary(alg.info, 'info'), Number(length)));
            throw domError('NotSupportedError', alg.name + ' cannot derive bits');
        }
        function deriveKey(algorithm, baseKey, derivedKeyType, extractable, usages) {
            var alg = normalize(algorithm, SUPPORTED.key);
            var m = keyFor(baseKey, alg.name, 'deriveKey');
            var target = normalize(derivedKeyType, SUPPORTED.key);
            var length;
            if (target.name === 'HMAC') length = target.length === undefined ? HASH_BITS[target.hash && target.hash.name] : Number(target.length);
            else if (AES_JWK[target.name]) length = Number(target.length);
            else throw domError('NotSupportedError', 'Cannot derive a ' + target.name + ' key');
            return importKey('raw', toBuffer(derive(alg, m, length)), target, extractable, usages);
        }
        function digest(algorithm, data) {
            var alg = normalize(algorithm, SUPPORTED.digest);
            return toBuffer(ok(h.digest(alg.name, toBinary(data))));
        }

        // Every method answers a promise; a bad argument rejects it, as in Deno.
        function async(fn, length) {
            var method = function () {
                var args = arguments;
                if (args.length < length) {
                    return NativePromise.reject(new NativeTypeError(length + ' arguments required, but only ' + args.length + ' present'));
                }
                return new NativePromise(function (resolve) {
                    resolve(fn.apply(null, args));
                });
            };
            return method;
        }
        function SubtleCrypto() {
            throw new NativeTypeError('Illegal constructor');
        }
        var api = Object.create(SubtleCrypto.prototype);
        var methods = {
            digest: async(digest, 2),
            importKey: async(importKey, 5),
            exportKey: async(exportKey, 2),
            generateKey: async(generateKey, 3),
            sign: async(sign, 3),
            verify: async(verify, 4),
            encrypt: async(function (a, k, d) { return cipher(true, a, k, d); }, 3),
            decrypt: async(function (a, k, d) { return cipher(false, a, k, d); }, 3),
            deriveBits: async(deriveBits, 3),
            deriveKey: async(deriveKey, 5),
            wrapKey: async(function () { throw domError('NotSupportedError', 'crypto.subtle.wrapKey is not supported by Valbox'); }, 0),
            unwrapKey: async(function () { throw domError('NotSupportedError', 'crypto.subtle.unwrapKey is not supported by Valbox'); }, 0)
        };
        Object.keys(methods).forEach(function (name) {
            hidden(SubtleCrypto.prototype, name, methods[name]);
        });
        hidden(SubtleCrypto.prototype, Symbol.toStringTag, 'SubtleCrypto');
        return api;
    }
})(this);
