package dev.valbox.tokens.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The API token format: {@code vbx_} + 24 random base62 characters + 6 base62 characters of CRC32 over those 24.
 * The checksum lets a secret scanner recognise a token offline and lets the server refuse a mangled one without a
 * database lookup.
 */
public final class TokenFormat {

    public static final String PREFIX = "vbx_";
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int RANDOM_LENGTH = 24;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {}

    public static String generate() {
        var body = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return PREFIX + body + checksum(body.toString());
    }

    /** True when the value has the token's shape and its checksum matches. */
    public static boolean wellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(token.charAt(i)) < 0) {
                return false;
            }
        }
        var body = token.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        return checksum(body).equals(token.substring(PREFIX.length() + RANDOM_LENGTH));
    }

    static String checksum(String body) {
        var crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        var digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
