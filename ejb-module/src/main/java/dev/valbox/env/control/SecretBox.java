package dev.valbox.env.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit IV for every value sealed. The context is authenticated but not stored: it
 * binds a sealed value to where it belongs (for an env var, its user and key), so a ciphertext copied to another row
 * does not open. A sealed value is the IV followed by the ciphertext and its 128-bit tag.
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secrets key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static byte[] newKey() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public byte[] seal(String plaintext, String context) {
        var iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            var ciphertext =
                    cipher(Cipher.ENCRYPT_MODE, iv, context).doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length)
                    .put(iv)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; {@link SealBrokenException} if the value was altered, moved, or sealed under another key. */
    public String open(byte[] sealed, String context) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new SealBrokenException();
        }
        try {
            var plaintext = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), context)
                    .doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealBrokenException();
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        var cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed value that does not open. Never a client's fault: the data or the key changed under the server. */
    public static class SealBrokenException extends RuntimeException {

        SealBrokenException() {
            super(
                    "the sealed value does not open: it was altered, moved, or sealed under another key",
                    null,
                    false,
                    false);
        }
    }
}
