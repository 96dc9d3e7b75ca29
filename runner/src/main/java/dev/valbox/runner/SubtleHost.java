package dev.valbox.runner;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JCA side of {@code crypto.subtle} (js/crypto-subtle.js). Stateless: keys stay in JS as encoded bytes (raw
 * for secret keys, PKCS#8 for private and SPKI for public keys), are handed in with every operation, and bytes
 * cross as byte strings, so no Java key or array ever reaches val code. Structured answers are JSON text. A
 * failure answers null through {@link HostFunction}; the JS side turns it into the DOMException WebCrypto names.
 */
final class SubtleHost {

    /** WebCrypto curve names and the JCA names of their parameters. */
    private static final Map<String, String> CURVES =
            Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    static final int MAX_PBKDF2_ITERATIONS = 2_000_000;

    /** Derived lengths are capped so that a length cannot allocate past the run's memory limit in one host call. */
    private static final int MAX_DERIVED_BITS = 1 << 19;

    private SubtleHost() {}

    private static void checkLength(int bits) {
        if (bits <= 0 || bits % 8 != 0 || bits > MAX_DERIVED_BITS) {
            throw new IllegalArgumentException(
                    "The length must be a positive multiple of 8, at most " + MAX_DERIVED_BITS + " bits");
        }
    }

    static Map<String, HostFunction> functions() {
        Map<String, HostFunction> f = new LinkedHashMap<>();
        f.put(
                "subtleDigest",
                HostFunction.of(
                        a -> bin(MessageDigest.getInstance(jcaHash(s(a, 0))).digest(bytes(a, 1)))));
        f.put("subtleHmac", HostFunction.of(a -> bin(hmac(s(a, 0), bytes(a, 1), bytes(a, 2)))));
        f.put("subtleSign", HostFunction.of(a -> bin(sign(s(a, 0), s(a, 1), bytes(a, 2), bytes(a, 3), (int) n(a, 4)))));
        f.put(
                "subtleVerify",
                HostFunction.of(a -> verify(s(a, 0), s(a, 1), bytes(a, 2), bytes(a, 3), bytes(a, 4), (int) n(a, 5))));
        f.put(
                "subtleAes",
                HostFunction.of(a -> bin(
                        aes(s(a, 0), flag(a, 1), bytes(a, 2), bytes(a, 3), bytes(a, 4), (int) n(a, 5), bytes(a, 6)))));
        f.put(
                "subtleRsaOaep",
                HostFunction.of(a -> bin(rsaOaep(flag(a, 0), s(a, 1), bytes(a, 2), bytes(a, 3), bytes(a, 4)))));
        f.put(
                "subtlePbkdf2",
                HostFunction.of(a -> bin(pbkdf2(s(a, 0), bytes(a, 1), bytes(a, 2), (int) n(a, 3), (int) n(a, 4)))));
        f.put(
                "subtleHkdf",
                HostFunction.of(a -> bin(hkdf(s(a, 0), bytes(a, 1), bytes(a, 2), bytes(a, 3), (int) n(a, 4)))));
        f.put("subtleGenerate", HostFunction.of(a -> generate(s(a, 0), s(a, 1), (int) n(a, 2))));
        f.put("subtleKeyInfo", HostFunction.of(a -> keyInfo(s(a, 0), bytes(a, 1))));
        f.put(
                "subtleFromJwk",
                HostFunction.of(a -> fromJwk(
                        s(a, 0), s(a, 1), s(a, 2), s(a, 3), s(a, 4), s(a, 5), s(a, 6), s(a, 7), s(a, 8), s(a, 9),
                        s(a, 10))));
        return f;
    }

    // ---- operations

    static byte[] hmac(String hash, byte[] key, byte[] data) throws Exception {
        String name = "Hmac" + jcaHash(hash).replace("-", "");
        Mac mac = Mac.getInstance(name);
        // An empty HMAC key is legal in WebCrypto but refused by SecretKeySpec; HMAC pads it to one zero block anyway.
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name));
        return mac.doFinal(data);
    }

    private static Signature signature(String algorithm, String hash, int saltLength) throws Exception {
        String plain = jcaHash(hash).replace("-", "");
        switch (algorithm) {
            case "ECDSA":
                // WebCrypto signatures are r||s (IEEE P1363), not DER.
                return Signature.getInstance(plain + "withECDSAinP1363Format");
            case "RSASSA-PKCS1-v1_5":
                return Signature.getInstance(plain + "withRSA");
            case "RSA-PSS":
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec(
                        jcaHash(hash), "MGF1", new MGF1ParameterSpec(jcaHash(hash)), saltLength, 1));
                return pss;
            case "Ed25519":
                return Signature.getInstance("Ed25519");
            default:
                throw new IllegalArgumentException("Unsupported signature algorithm " + algorithm);
        }
    }

    static byte[] sign(String algorithm, String hash, byte[] pkcs8, byte[] data, int saltLength) throws Exception {
        Signature signer = signature(algorithm, hash, saltLength);
        signer.initSign(privateKey(kty(algorithm), pkcs8));
        signer.update(data);
        return signer.sign();
    }

    static boolean verify(String algorithm, String hash, byte[] spki, byte[] sig, byte[] data, int saltLength)
            throws Exception {
        Signature verifier = signature(algorithm, hash, saltLength);
        verifier.initVerify(publicKey(kty(algorithm), spki));
        verifier.update(data);
        try {
            return verifier.verify(sig);
        } catch (java.security.SignatureException malformed) {
            // A signature of the wrong length or shape does not verify; WebCrypto answers false, not an error.
            return false;
        }
    }

    /** AES-GCM, AES-CBC or AES-CTR; tagOrCounterBits is the GCM tag length or the CTR counter length. */
    static byte[] aes(
            String mode, boolean encrypt, byte[] key, byte[] iv, byte[] aad, int tagOrCounterBits, byte[] data)
            throws Exception {
        int op = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        Cipher cipher;
        switch (mode) {
            case "AES-GCM":
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(op, spec, new GCMParameterSpec(tagOrCounterBits, iv));
                if (aad.length > 0) {
                    cipher.updateAAD(aad);
                }
                break;
            case "AES-CBC":
                cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(op, spec, new IvParameterSpec(iv));
                break;
            case "AES-CTR":
                if (tagOrCounterBits != 128 && tagOrCounterBits != 64) {
                    throw new IllegalArgumentException("Only AES-CTR counter lengths of 64 and 128 bits are supported");
                }
                cipher = Cipher.getInstance("AES/CTR/NoPadding");
                cipher.init(op, spec, new IvParameterSpec(iv));
                break;
            default:
                throw new IllegalArgumentException("Unsupported cipher " + mode);
        }
        return cipher.doFinal(data);
    }

    static byte[] rsaOaep(boolean encrypt, String hash, byte[] der, byte[] label, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        OAEPParameterSpec spec = new OAEPParameterSpec(
                jcaHash(hash), "MGF1", new MGF1ParameterSpec(jcaHash(hash)), new PSource.PSpecified(label));
        if (encrypt) {
            cipher.init(Cipher.ENCRYPT_MODE, publicKey("RSA", der), spec);
        } else {
            cipher.init(Cipher.DECRYPT_MODE, privateKey("RSA", der), spec);
        }
        return cipher.doFinal(data);
    }

    /**
     * PBKDF2 over the password's bytes. Written out instead of SecretKeyFactory because the JCA takes the password
     * as chars and would re-encode arbitrary bytes.
     */
    static byte[] pbkdf2(String hash, byte[] password, byte[] salt, int iterations, int bits) throws Exception {
        // A host call cannot be cut short by the run's deadline, so the work one call may do is capped.
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException(
                    "PBKDF2 iterations must be from 1 to " + MAX_PBKDF2_ITERATIONS + " in Valbox");
        }
        checkLength(bits);
        String name = "Hmac" + jcaHash(hash).replace("-", "");
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, name));
        int length = bits / 8, hLen = mac.getMacLength();
        byte[] out = new byte[length];
        for (int block = 1, offset = 0; offset < length; block++, offset += hLen) {
            mac.update(salt);
            byte[] u = mac.doFinal(ByteBuffer.allocate(4).putInt(block).array());
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, offset, Math.min(hLen, length - offset));
        }
        return out;
    }

    /** HKDF (RFC 5869): extract with the salt, then expand with the info. */
    static byte[] hkdf(String hash, byte[] ikm, byte[] salt, byte[] info, int bits) throws Exception {
        String name = "Hmac" + jcaHash(hash).replace("-", "");
        int hLen = Mac.getInstance(name).getMacLength();
        checkLength(bits);
        if (bits / 8 > 255 * hLen) {
            throw new IllegalArgumentException("HKDF cannot derive more than 255 hash lengths");
        }
        byte[] prk = hmac(hash, salt.length == 0 ? new byte[hLen] : salt, ikm);
        byte[] out = new byte[bits / 8];
        byte[] t = new byte[0];
        for (int i = 1, offset = 0; offset < out.length; i++, offset += hLen) {
            byte[] input = new byte[t.length + info.length + 1];
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[input.length - 1] = (byte) i;
            t = hmac(hash, prk, input);
            System.arraycopy(t, 0, out, offset, Math.min(hLen, out.length - offset));
        }
        return out;
    }

    /** A new key pair as JSON: base64 PKCS#8 and SPKI. kind is EC (param a curve), RSA (modulus bits) or Ed25519. */
    static String generate(String kind, String param, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kty(kind));
        if ("EC".equals(kty(kind))) {
            generator.initialize(new ECGenParameterSpec(curve(param)));
        } else if ("RSA".equals(kind)) {
            // Generating a larger key takes seconds, beyond the reach of the run's deadline.
            if (size < 512 || size > 4096) {
                throw new IllegalArgumentException("RSA modulus length must be from 512 to 4096 bits in Valbox");
            }
            generator.initialize(new RSAKeyGenParameterSpec(size, new BigInteger(param)));
        }
        KeyPair pair = generator.generateKeyPair();
        return "{\"pkcs8\":\"" + b64(pair.getPrivate().getEncoded()) + "\",\"spki\":\""
                + b64(pair.getPublic().getEncoded()) + "\"}";
    }

    /**
     * What an SPKI or PKCS#8 key is, as JSON: kty, crv or modulus length and exponent, and the JWK members (base64url)
     * exportKey('jwk') needs; for a private key also the SPKI of its public key when it can be derived.
     */
    static String keyInfo(String format, byte[] der) throws Exception {
        Map<String, String> info = new LinkedHashMap<>();
        Exception last = null;
        for (String kty : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                if ("spki".equals(format)) {
                    describePublic(publicKey(kty, der), info);
                } else {
                    describePrivate(privateKey(kty, der), der, info);
                }
                return json(info);
            } catch (java.security.spec.InvalidKeySpecException | IllegalArgumentException wrongKind) {
                last = wrongKind;
            }
        }
        throw new IllegalArgumentException("The key data is not a valid " + format + " key", last);
    }

    private static void describePublic(PublicKey key, Map<String, String> info) {
        if (key instanceof ECPublicKey ec) {
            info.put("kty", "EC");
            info.put("crv", curveName(ec.getParams()));
            int size = fieldBytes(ec.getParams());
            info.put("x", b64u(unsigned(ec.getW().getAffineX(), size)));
            info.put("y", b64u(unsigned(ec.getW().getAffineY(), size)));
        } else if (key instanceof RSAPublicKey rsa) {
            info.put("kty", "RSA");
            info.put("modulusLength", Integer.toString(rsa.getModulus().bitLength()));
            info.put("n", b64u(unsigned(rsa.getModulus(), 0)));
            info.put("e", b64u(unsigned(rsa.getPublicExponent(), 0)));
        } else if ("EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm())) {
            info.put("kty", "OKP");
            info.put("crv", "Ed25519");
            byte[] encoded = key.getEncoded();
            info.put("x", b64u(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
        } else {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
        }
        info.put("spki", b64(key.getEncoded()));
    }

    private static void describePrivate(PrivateKey key, byte[] der, Map<String, String> info) throws Exception {
        if (key instanceof ECPrivateKey ec) {
            info.put("kty", "EC");
            info.put("crv", curveName(ec.getParams()));
            int size = fieldBytes(ec.getParams());
            info.put("d", b64u(unsigned(ec.getS(), size)));
            byte[] point = Der.ecPublicPoint(der);
            if (point != null && point.length == 1 + 2 * size && point[0] == 4) {
                BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
                BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
                PublicKey pub = KeyFactory.getInstance("EC")
                        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), ec.getParams()));
                describePublic(pub, info);
            }
            info.put("kty", "EC");
        } else if (key instanceof RSAPrivateCrtKey rsa) {
            PublicKey pub = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            describePublic(pub, info);
            info.put("d", b64u(unsigned(rsa.getPrivateExponent(), 0)));
            info.put("p", b64u(unsigned(rsa.getPrimeP(), 0)));
            info.put("q", b64u(unsigned(rsa.getPrimeQ(), 0)));
            info.put("dp", b64u(unsigned(rsa.getPrimeExponentP(), 0)));
            info.put("dq", b64u(unsigned(rsa.getPrimeExponentQ(), 0)));
            info.put("qi", b64u(unsigned(rsa.getCrtCoefficient(), 0)));
        } else if ("EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm())) {
            info.put("kty", "OKP");
            info.put("crv", "Ed25519");
            info.put("d", b64u(Arrays.copyOfRange(der, der.length - 32, der.length)));
        } else {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
        }
        info.put("pkcs8", b64(key.getEncoded()));
    }

    /** A JWK's members (base64url, empty when absent) as SPKI or PKCS#8, described as {@link #keyInfo} does. */
    static String fromJwk(
            String kty,
            String crv,
            String x,
            String y,
            String d,
            String n,
            String e,
            String p,
            String q,
            String dp,
            String dq)
            throws Exception {
        Map<String, String> info = new LinkedHashMap<>();
        switch (kty) {
            case "EC" -> {
                ECParameterSpec params = params(curve(crv));
                KeyFactory factory = KeyFactory.getInstance("EC");
                PublicKey pub = factory.generatePublic(new ECPublicKeySpec(new ECPoint(big(x), big(y)), params));
                describePublic(pub, info);
                if (!d.isEmpty()) {
                    PrivateKey priv = factory.generatePrivate(new ECPrivateKeySpec(big(d), params));
                    info.put("d", b64u(unsigned(big(d), fieldBytes(params))));
                    info.put("pkcs8", b64(priv.getEncoded()));
                }
            }
            case "RSA" -> {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                describePublic(factory.generatePublic(new RSAPublicKeySpec(big(n), big(e))), info);
                if (!d.isEmpty()) {
                    if (p.isEmpty()) {
                        throw new IllegalArgumentException("RSA private JWKs without prime factors are not supported");
                    }
                    BigInteger qi = big(q).modInverse(big(p));
                    PrivateKey priv = factory.generatePrivate(
                            new RSAPrivateCrtKeySpec(big(n), big(e), big(d), big(p), big(q), big(dp), big(dq), qi));
                    describePrivate(priv, priv.getEncoded(), info);
                }
            }
            default -> throw new IllegalArgumentException("Unsupported JWK key type " + kty);
        }
        return json(info);
    }

    // ---- names and encodings

    static String jcaHash(String hash) {
        return switch (hash) {
            case "SHA-1", "SHA-256", "SHA-384", "SHA-512" -> hash;
            default -> throw new IllegalArgumentException("Unsupported hash " + hash);
        };
    }

    private static String kty(String algorithm) {
        return switch (algorithm) {
            case "ECDSA", "ECDH", "EC" -> "EC";
            case "Ed25519" -> "Ed25519";
            default -> "RSA";
        };
    }

    private static String curve(String name) {
        String jca = CURVES.get(name);
        if (jca == null) {
            throw new IllegalArgumentException("Unsupported named curve " + name);
        }
        return jca;
    }

    private static ECParameterSpec params(String jcaCurve) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(jcaCurve));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static String curveName(ECParameterSpec spec) {
        int bits = spec.getCurve().getField().getFieldSize();
        return switch (bits) {
            case 256 -> "P-256";
            case 384 -> "P-384";
            case 521 -> "P-521";
            default -> throw new IllegalArgumentException("unsupported curve of " + bits + " bits");
        };
    }

    private static int fieldBytes(ECParameterSpec spec) {
        return (spec.getCurve().getField().getFieldSize() + 7) / 8;
    }

    private static PrivateKey privateKey(String kty, byte[] pkcs8) throws Exception {
        return KeyFactory.getInstance(kty).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static PublicKey publicKey(String kty, byte[] spki) throws Exception {
        return KeyFactory.getInstance(kty).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** Big-endian magnitude, left-padded to size bytes (size 0: minimal length). */
    private static byte[] unsigned(BigInteger value, int size) {
        byte[] raw = value.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int length = raw.length - start;
        byte[] out = new byte[Math.max(size, length)];
        System.arraycopy(raw, start, out, out.length - length, length);
        return out;
    }

    private static BigInteger big(String base64url) {
        if (base64url.isEmpty()) {
            throw new IllegalArgumentException("a JWK member is missing");
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static String json(Map<String, String> members) {
        StringBuilder out = new StringBuilder("{");
        members.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v)
                .append('"'));
        return out.append('}').toString();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String b64u(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s(Object[] args, int i) {
        return HostFunction.string(args, i);
    }

    private static double n(Object[] args, int i) {
        return HostFunction.number(args, i);
    }

    private static boolean flag(Object[] args, int i) {
        return i < args.length && Boolean.TRUE.equals(args[i]);
    }

    private static byte[] bytes(Object[] args, int i) {
        return ValHost.binaryToBytes(HostFunction.string(args, i));
    }

    private static String bin(byte[] bytes) {
        return ValHost.bytesToBinary(ByteBuffer.wrap(bytes));
    }
}
