package dev.valbox.accounts.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The only form in which API tokens and session ids are stored: their SHA-256, in hex. Both are long random values,
 * so a plain hash is enough, and a database leak does not leak a live credential.
 */
public final class Sha256 {

    private Sha256() {}

    public static String hex(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
