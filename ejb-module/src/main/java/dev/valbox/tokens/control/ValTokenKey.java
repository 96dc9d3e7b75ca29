package dev.valbox.tokens.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The key pair that signs val tokens and against which MicroProfile JWT verifies them. ES256 (P-256) when generated:
 * a token is signed for every run, and ECDSA signs many times faster than RSA. A configured RSA key (2048 bits or
 * more) signs RS256, the other algorithm MicroProfile JWT accepts.
 */
public record ValTokenKey(PrivateKey privateKey, PublicKey publicKey) {

    /** In the data directory: both keys as PEM, readable by the server's user only. */
    static final String FILE = "val-token-key.pem";

    private static final Logger LOG = Logger.getLogger(ValTokenKey.class.getName());
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    public ValTokenKey {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("the val token keys are of different kinds");
        }
        if (privateKey instanceof ECPrivateKey ec
                && ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("an EC val token key must be on curve P-256 (ES256)");
        }
        if (privateKey instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("an RSA val token key must have at least 2048 bits");
        }
        if (!(privateKey instanceof ECPrivateKey) && !(privateKey instanceof RSAPrivateKey)) {
            throw new IllegalArgumentException("a val token key is EC P-256 or RSA");
        }
    }

    public JWSAlgorithm algorithm() {
        return privateKey instanceof ECPrivateKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    public JWSSigner signer() {
        try {
            return privateKey instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(privateKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("the val token key cannot sign: " + e.getMessage(), e);
        }
    }

    public JWSVerifier verifier() {
        try {
            return publicKey instanceof ECPublicKey ec
                    ? new ECDSAVerifier(ec)
                    : new RSASSAVerifier((RSAPublicKey) publicKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("the val token key cannot verify: " + e.getMessage(), e);
        }
    }

    /** The form {@code mp.jwt.verify.publickey} takes: base64 X.509 SubjectPublicKeyInfo. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public static ValTokenKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return new ValTokenKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key pair", e);
        }
    }

    /**
     * From configuration: a base64 PKCS#8 private key and its base64 X.509 public key. A pair that does not belong
     * together is refused here rather than by every verification later.
     */
    public static ValTokenKey decode(String privateBase64, String publicBase64) {
        try {
            var privateBytes = Base64.getMimeDecoder().decode(privateBase64.strip());
            var publicBytes = Base64.getMimeDecoder().decode(publicBase64.strip());
            var algorithm = algorithmOf(privateBytes);
            var factory = KeyFactory.getInstance(algorithm);
            var key = new ValTokenKey(
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)),
                    factory.generatePublic(new X509EncodedKeySpec(publicBytes)));
            key.requireMatchingPair();
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the val token key pair is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * The key in {@code directory}, generated on first use. A new key is written to a private temporary file and
     * then linked into place, which fails if the file exists: servers starting together on one directory all end up
     * with the key that got there first, and nobody ever reads a half-written file.
     */
    public static ValTokenKey inDirectory(Path directory) {
        var file = directory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(directory);
            var key = generate();
            var temporary = ownerOnly(directory)
                    ? Files.createTempFile(
                            directory,
                            ".val-token-key",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(
                                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
                    : Files.createTempFile(directory, ".val-token-key", ".tmp");
            try {
                Files.writeString(temporary, key.pem(), StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, temporary);
                } catch (FileAlreadyExistsException e) {
                    return read(file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    // No hard links on this file system: a move that refuses to replace is the next best thing.
                    try {
                        Files.move(temporary, file);
                    } catch (FileAlreadyExistsException lost) {
                        return read(file);
                    }
                }
                LOG.info(() -> "Generated the val token signing key " + file);
                return key;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the val token key " + file, e);
        }
    }

    String pem() {
        return block("PRIVATE KEY", privateKey.getEncoded()) + block("PUBLIC KEY", publicKey.getEncoded());
    }

    private static ValTokenKey read(Path file) throws IOException {
        if (ownerOnly(file.getParent())) {
            var permissions = Files.getPosixFilePermissions(file);
            permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            if (!permissions.isEmpty()) {
                LOG.warning(() -> file + " can be read by other users than the server's; it signs val tokens");
            }
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** The key pair in PEM text, as {@link #pem()} writes it; {@code source} names where it came from in errors. */
    public static ValTokenKey parse(String pem, String source) {
        String privateKey = null;
        String publicKey = null;
        var blocks = PEM.matcher(pem);
        while (blocks.find()) {
            switch (blocks.group(1)) {
                case "PRIVATE KEY" -> privateKey = blocks.group(2);
                case "PUBLIC KEY" -> publicKey = blocks.group(2);
                default -> {}
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException(source + " must hold a PRIVATE KEY and a PUBLIC KEY block");
        }
        return decode(privateKey, publicKey);
    }

    private static boolean ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String algorithmOf(byte[] pkcs8) throws GeneralSecurityException {
        for (var algorithm : new String[] {"EC", "RSA"}) {
            try {
                KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return algorithm;
            } catch (GeneralSecurityException e) {
                // try the next kind
            }
        }
        throw new GeneralSecurityException("the private key is neither EC nor RSA PKCS#8");
    }

    private void requireMatchingPair() throws GeneralSecurityException {
        var algorithm = privateKey instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
        var probe = "valbox".getBytes(StandardCharsets.US_ASCII);
        var signing = Signature.getInstance(algorithm);
        signing.initSign(privateKey);
        signing.update(probe);
        var signature = signing.sign();
        var verifying = Signature.getInstance(algorithm);
        verifying.initVerify(publicKey);
        verifying.update(probe);
        if (!verifying.verify(signature)) {
            throw new GeneralSecurityException("the public key does not belong to the private key");
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
