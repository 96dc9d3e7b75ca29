package dev.valbox.packages.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a downloaded tarball against what the registry published for it, before a single byte is unpacked: the
 * Subresource Integrity string {@code dist.integrity} ({@code sha512-<base64>}, possibly several hashes separated
 * by spaces, of which the strongest present must match), or, for packages published before npm had integrity, the
 * SHA-1 {@code dist.shasum}. A package with neither is refused: nothing would tell a tampered tarball apart.
 */
public final class Integrity {

    private Integrity() {}

    /** Whether the bytes are what {@code integrity} (else {@code shasum}) describes. */
    public static boolean matches(byte[] bytes, String integrity, String shasum) {
        if (integrity != null && !integrity.isBlank()) {
            for (var algorithm : new String[] {"sha512", "sha384", "sha256"}) {
                boolean present = false;
                for (var token : integrity.trim().split("\\s+")) {
                    if (token.startsWith(algorithm + "-")) {
                        present = true;
                        var expected = token.substring(algorithm.length() + 1).split("\\?", 2)[0];
                        if (MessageDigest.isEqual(digest("SHA-" + algorithm.substring(3), bytes), decode(expected))) {
                            return true;
                        }
                    }
                }
                if (present) {
                    return false;
                }
            }
        }
        if (shasum != null && shasum.matches("[0-9a-fA-F]{40}")) {
            return MessageDigest.isEqual(digest("SHA-1", bytes), HexFormat.of().parseHex(shasum.toLowerCase()));
        }
        return false;
    }

    /** The SRI string npm would publish for these bytes. */
    public static String sha512(byte[] bytes) {
        return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", bytes));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
