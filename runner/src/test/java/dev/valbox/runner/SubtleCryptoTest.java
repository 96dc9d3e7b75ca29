package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * crypto.subtle as vals use it (webhook HMAC checks, JWTs, AES-GCM), with the answers Deno 2.9 gives. Keys and
 * signatures below were made by Deno; where output is deterministic it must match Deno's byte for byte.
 */
class SubtleCryptoTest {

    private static final String HELPERS =
            """
            const enc = new TextEncoder();
            const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b)).map(x => x.toString(16).padStart(2, "0")).join("");
            const b64 = (b: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(b)));
            const unb64 = (s: string) => Uint8Array.from(atob(s), c => c.charCodeAt(0));
            const failure = (p: Promise<unknown>) => p.then(() => "resolved", e => e.name + ": " + e.message);
            """;

    static final String EC_PKCS8 =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg9hQzWCTEzqVGHdRcZOqqEZZa0kZyde8gbaKKtgTPqwChRANCAAQQqY+oEYAjc6fNFoNf7hLyewloDfYJggw8sEEj1oMlKzJbuymTQmdRvzcSpan6T9vyVtegIPCNRNXOdgjIM5zS";
    static final String EC_SPKI =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEKmPqBGAI3OnzRaDX+4S8nsJaA32CYIMPLBBI9aDJSsyW7spk0JnUb83EqWp+k/b8lbXoCDwjUTVznYIyDOc0g==";
    static final String EC_SIG =
            "Z5G+aG9rH25rTtI0Y5odWZGhCmRe9ZbPkni5m50spzYEXj5d3CtLmpOipnGZtUk0N9QYIjjILmtXdQDWsm3ffg==";
    static final String RSA_PKCS8 =
            "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAOUlc30Rbo3Pp8nK9Bs+XimKTMcFFA7TZTSZspsUNF5j7QhBmLDikyfbzi5wjXJKtl9sdZvFtgbGGAThLiMcfr/Cn1NpLkOApgHs52+RQNqg5H+CSgEQq0J+gSjhuwTbjjDPsWFJrzfSbAkzaP2zI+OrlCaqU7/EWHWkRKjFQaDRAgMBAAECgYA8hf3RBO+saTKqK/75yylX032f+4lmuRM8J3RzXYzPeZk72weXgODZYEc/IN9bVryAy8bsk/YWJ/BkKY3kHDylra4sJxxXLGG/44on3S7OjJm1pD4tb/awBgsj0McgeU4/S5FjsjdDdXovvjTByndPWw3DgUK+bWF/MMmmtNzdIQJBAPYHzyrlLJshtFtpLlsAcp3mi1wyI1oTPbO+SSixDm5qEZ74UAfcD+kGLOYEz1tdPTs0R+2B46eT1oHfakE1Fr0CQQDubn504TTRr4rdcxU9IibUdigADuiYke0AEtsM99eZcE59HQ2JPf9ZU8y9AyoQxZaFPX3pqCElb4Q2wzE6Qe2lAkBPiZjE8k/oWw4WmztcOhnTyEt3Y9If9aZ17Gd0W0EiGvJVZUtiLxeJqvBq8FUk4VDBShaSxvIVI+suE08jg4k1AkEAyKOInHhKx0zuES3fqIMNo+oN/QaOqpzZkB9N39rLvd3o3pXNJzlZoGTJPCDmjBiJcnPtees2gVcXLjIRQdHq1QJAKoTxZqpHa/+xbGLbcWDA3I7fBYWyJqTP/pDU+PePXHivSOZZIamG/8gz3dS1f7jp6Li60fJmkiAxbqMGUd7M8Q==";
    static final String RSA_SPKI =
            "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDlJXN9EW6Nz6fJyvQbPl4pikzHBRQO02U0mbKbFDReY+0IQZiw4pMn284ucI1ySrZfbHWbxbYGxhgE4S4jHH6/wp9TaS5DgKYB7OdvkUDaoOR/gkoBEKtCfoEo4bsE244wz7FhSa830mwJM2j9syPjq5QmqlO/xFh1pESoxUGg0QIDAQAB";
    static final String RSA_SIG =
            "yRznO0WNam0ZzWPqEEsFVfCiMIgBLy5rhT+KeZfRSM5J7TGRtSvukcSeIyqsBICHPwbw4JP5tov99YaiT068qtuoKOvOsI2zWTbozEHPiMe4r5+bIzZuC2/AmK5nARpcRUU5emqlqPnpSzqek34ekpZqd13rEKZ5QHCkFchUngY=";

    private final Vals vals = new Vals();

    private Object value(String body) {
        Map<String, Object> result = vals.call(HELPERS + "export default async () => {\n" + body + "\n}");
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    @Test
    void digestsMatchDeno() {
        assertEquals(
                List.of(
                        "3a0856be7f664776e22ba67b3eaad199f088765e",
                        "a3f911e0b39cffdb4026a3541af2f1c2667c5fb750c087a9be7dc4d9cfa17c19",
                        "27c7832330f490423962a14a6eadcdf74dc0b70013f65996129d75c027d8bd1f66fa25d86d2538c0eafefa2cc6f2e39e",
                        "06d028e7f16ca8772ff5c0b2cc711483b87357a274b3589f1a9632b535a703a040405fc308e47452d046fb3ad6d6e5108bc49165f3f59aa036e5d43a797df2ff"),
                value("const out = [];\n"
                        + "for (const h of ['SHA-1', 'sha-256', { name: 'SHA-384' }, 'SHA-512'])"
                        + " out.push(hex(await crypto.subtle.digest(h, enc.encode('hello valbox'))));\n"
                        + "return out;"));
    }

    @Test
    void aStripeStyleWebhookSignatureChecksWithHmacSha256() {
        assertEquals(
                List.of("c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925", true, false),
                value("const key = await crypto.subtle.importKey('raw', enc.encode('whsec_test'),"
                        + " { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);\n"
                        + "const payload = enc.encode('1700000000.{\"id\":\"evt_1\"}');\n"
                        + "const sig = await crypto.subtle.sign('HMAC', key, payload);\n"
                        + "return [hex(sig), await crypto.subtle.verify('HMAC', key, sig, payload),"
                        + " await crypto.subtle.verify('HMAC', key, new Uint8Array(32), payload)];"));
    }

    @Test
    void aJwtHs256SignsLikeDenoAndItsKeyExportsAsDenoJwk() {
        assertEquals(
                List.of(
                        "{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"aw\",\"key_ops\":[\"sign\"],\"ext\":true}",
                        "{\"name\":\"HMAC\",\"length\":1024,\"hash\":{\"name\":\"SHA-512\"}}",
                        "secret"),
                value(
                        "const k = await crypto.subtle.importKey('raw', enc.encode('k'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);\n"
                                + "const g = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);\n"
                                + "return [JSON.stringify(await crypto.subtle.exportKey('jwk', k)), JSON.stringify(g.algorithm), g.type];"));
    }

    @Test
    void es256VerifiesDenosSignatureAndItsOwnInRawFormat() {
        assertEquals(
                List.of(true, 64, true, false, "{\"name\":\"ECDSA\",\"namedCurve\":\"P-256\"}"),
                value("const alg = { name: 'ECDSA', namedCurve: 'P-256' };\n"
                        + "const priv = await crypto.subtle.importKey('pkcs8', unb64('" + EC_PKCS8
                        + "'), alg, true, ['sign']);\n"
                        + "const pub = await crypto.subtle.importKey('spki', unb64('" + EC_SPKI
                        + "'), alg, true, ['verify']);\n"
                        + "const data = enc.encode('jwt.payload');\n"
                        + "const mine = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, priv, data);\n"
                        + "return [await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, unb64('" + EC_SIG
                        + "'), data),"
                        + " mine.byteLength, await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, mine, data),"
                        + " await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, mine, enc.encode('other')),"
                        + " JSON.stringify(pub.algorithm)];"));
    }

    @Test
    void ecKeysRoundTripThroughJwkAndRaw() {
        assertEquals(
                List.of(
                        "{\"kty\":\"EC\",\"alg\":\"ES256\",\"crv\":\"P-256\",\"d\":\"9hQzWCTEzqVGHdRcZOqqEZZa0kZyde8gbaKKtgTPqwA\","
                                + "\"x\":\"EKmPqBGAI3OnzRaDX-4S8nsJaA32CYIMPLBBI9aDJSs\",\"y\":\"Mlu7KZNCZ1G_NxKlqfpP2_JW16Ag8I1E1c52CMgznNI\","
                                + "\"key_ops\":[\"sign\"],\"ext\":true}",
                        65,
                        true),
                value(
                        "const alg = { name: 'ECDSA', namedCurve: 'P-256' };\n"
                                + "const priv = await crypto.subtle.importKey('pkcs8', unb64('" + EC_PKCS8
                                + "'), alg, true, ['sign']);\n"
                                + "const jwk = await crypto.subtle.exportKey('jwk', priv);\n"
                                + "const again = await crypto.subtle.importKey('jwk', jwk, alg, true, ['sign']);\n"
                                + "const pub = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, alg, true, ['verify']);\n"
                                + "const raw = await crypto.subtle.exportKey('raw', pub);\n"
                                + "const fromRaw = await crypto.subtle.importKey('raw', raw, alg, true, ['verify']);\n"
                                + "const data = enc.encode('x');\n"
                                + "const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, again, data);\n"
                                + "return [JSON.stringify(jwk), raw.byteLength, await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, fromRaw, sig, data)];"));
    }

    @Test
    void rs256SignaturesMatchDenoByteForByte() {
        assertEquals(
                List.of(RSA_SIG, true, "RSASSA-PKCS1-v1_5", 1024, "AQAB"),
                value("const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };\n"
                        + "const priv = await crypto.subtle.importKey('pkcs8', unb64('" + RSA_PKCS8
                        + "'), alg, false, ['sign']);\n"
                        + "const pub = await crypto.subtle.importKey('spki', unb64('" + RSA_SPKI
                        + "'), alg, true, ['verify']);\n"
                        + "const data = enc.encode('jwt.payload');\n"
                        + "const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', priv, data);\n"
                        + "const jwk = await crypto.subtle.exportKey('jwk', pub);\n"
                        + "return [b64(sig), await crypto.subtle.verify(alg, pub, sig, data), pub.algorithm.name,"
                        + " pub.algorithm.modulusLength, jwk.e];"));
    }

    @Test
    void rsaPssAndGeneratedKeyPairsSignAndVerify() {
        assertEquals(
                List.of(true, true, "public", "private", List.of("verify"), List.of("sign"), true, false),
                value("const pss = await crypto.subtle.importKey('pkcs8', unb64('" + RSA_PKCS8
                        + "'), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);\n"
                        + "const pssPub = await crypto.subtle.importKey('spki', unb64('" + RSA_SPKI
                        + "'), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);\n"
                        + "const data = enc.encode('d');\n"
                        + "const s1 = await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pss, data);\n"
                        + "const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);\n"
                        + "const s2 = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-384' }, pair.privateKey, data);\n"
                        + "return [await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pssPub, s1, data),"
                        + " await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, pair.publicKey, s2, data),"
                        + " pair.publicKey.type, pair.privateKey.type, pair.publicKey.usages, pair.privateKey.usages,"
                        + " pair.publicKey.extractable, pair.privateKey.extractable];"));
    }

    @Test
    void aesGcmEncryptsLikeDenoAndRoundTrips() {
        assertEquals(
                List.of(
                        "BYTqxfXLzGO0p69AF1LkWBMccrpDoqZF6qzgstOs",
                        "BYTqxfXLzGO0p69AF1LpapIugoQp+XftSvk=",
                        "secret message",
                        "OperationError: Decryption failed",
                        "{\"name\":\"AES-GCM\",\"length\":256}"),
                value(
                        "const key = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(7), 'AES-GCM', true, ['encrypt', 'decrypt']);\n"
                                + "const iv = new Uint8Array(12).fill(1);\n"
                                + "const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, key, enc.encode('secret message'));\n"
                                + "const ct96 = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, key, enc.encode('secret message'));\n"
                                + "const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, key, ct);\n"
                                + "return [b64(ct), b64(ct96), new TextDecoder().decode(pt),"
                                + " await failure(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct)), JSON.stringify(key.algorithm)];"));
    }

    @Test
    void pbkdf2AndHkdfDeriveDenosBitsAndKeys() {
        assertEquals(
                List.of(
                        "632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3",
                        "a55ecbb7581875a5a23aaee7f492ec48b4fccd92d1daa4cfd826c9a4e3c5101cc52f85ccde2f292086dc",
                        "632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3",
                        "SyntaxError: Key cannot be extractable"),
                value(
                        "const pb = await crypto.subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);\n"
                                + "const params = { name: 'PBKDF2', salt: enc.encode('salt'), iterations: 1000, hash: 'SHA-256' };\n"
                                + "const hk = await crypto.subtle.importKey('raw', enc.encode('input key'), 'HKDF', false, ['deriveBits']);\n"
                                + "const aes = await crypto.subtle.deriveKey(params, pb, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);\n"
                                + "return [hex(await crypto.subtle.deriveBits(params, pb, 256)),"
                                + " hex(await crypto.subtle.deriveBits({ name: 'HKDF', salt: enc.encode('salt'), info: enc.encode('info'), hash: 'SHA-256' }, hk, 336)),"
                                + " hex(await crypto.subtle.exportKey('raw', aes)),"
                                + " await failure(crypto.subtle.importKey('raw', enc.encode('p'), 'PBKDF2', true, ['deriveBits']))];"));
    }

    @Test
    void misuseRejectsWithTheDomExceptionNamesDenoUses() {
        assertEquals(
                List.of(
                        "NotSupportedError: Algorithm 'MD5' is not supported",
                        "InvalidAccessError",
                        "InvalidAccessError: Key is not extractable",
                        "DataError",
                        "SyntaxError: Invalid key usage",
                        true,
                        "TypeError: Illegal constructor"),
                value(
                        "const hk = await crypto.subtle.importKey('raw', enc.encode('k'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);\n"
                                + "const errorOf = (p: Promise<unknown>) => p.then(() => 'resolved', e => e.name);\n"
                                + "let illegal; try { new ((hk as any).constructor)(); } catch (e) { illegal = e.name + ': ' + e.message }\n"
                                + "return [await failure(crypto.subtle.digest('MD5', new Uint8Array(1))),"
                                + " await errorOf(crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, hk, new Uint8Array(1))),"
                                + " await failure(crypto.subtle.exportKey('raw', hk)),"
                                + " await errorOf(crypto.subtle.importKey('spki', new Uint8Array(10), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])),"
                                + " await failure(crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['sign'])),"
                                + " await crypto.subtle.digest('SHA-1', new Uint8Array(0)).catch(e => e) instanceof ArrayBuffer,"
                                + " illegal];"));
    }

    @Test
    void aKeysAlgorithmAndUsagesAreFrozenAsInDeno() {
        assertEquals(
                List.of(true, true, true, List.of("sign"), "HMAC", "InvalidAccessError"),
                value(
                        "const k = await crypto.subtle.importKey('raw', enc.encode('k'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);\n"
                                // Deno's push throws a TypeError here; Nashorn's leaves the frozen array as it was
                                // without one.
                                + "try { (k.usages as any).push('verify') } catch (e) { }\n"
                                + "const sig = await crypto.subtle.sign('HMAC', k, enc.encode('d'));\n"
                                + "const v = await crypto.subtle.verify('HMAC', k, sig, enc.encode('d')).then(() => 'ok', e => e.name);\n"
                                + "return [Object.isFrozen(k.usages), Object.isFrozen(k.algorithm), Object.isFrozen((k.algorithm as any).hash),"
                                + " k.usages, k.algorithm.name, v];"));
    }

    @Test
    void workAHostCallCannotCutShortIsCapped() {
        assertEquals(
                List.of(
                        "OperationError: PBKDF2 iterations must be from 1 to 2000000 in Valbox",
                        "OperationError: RSA modulus length must be from 512 to 4096 bits in Valbox"),
                value(
                        "const pb = await crypto.subtle.importKey('raw', enc.encode('p'), 'PBKDF2', false, ['deriveBits']);\n"
                                + "return [await failure(crypto.subtle.deriveBits({ name: 'PBKDF2', salt: enc.encode('s'), iterations: 3000000, hash: 'SHA-256' }, pb, 256)),"
                                + " await failure(crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 8192,"
                                + " publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']))];"));
    }
}
