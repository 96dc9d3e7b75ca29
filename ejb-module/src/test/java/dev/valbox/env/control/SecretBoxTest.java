package dev.valbox.env.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.env.control.SecretBox.SealBrokenException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(SecretBox.newKey());

    @Test
    void aSealedValueOpensWithTheSameKeyAndContext() {
        for (var plaintext : new String[] {"", "s3cret", "ünïcødé ✓ 🔑", "x".repeat(32 * 1024)}) {
            assertEquals(plaintext, box.open(box.seal(plaintext, "alice:KEY"), "alice:KEY"));
        }
    }

    @Test
    void theSealedFormIsTheIvThenCiphertextAndTagWithoutThePlaintext() {
        var plaintext = "a fairly long plaintext that would be easy to spot";
        var sealed = box.seal(plaintext, "ctx");
        assertEquals(SecretBox.IV_BYTES + plaintext.length() + 16, sealed.length);
        assertFalse(contains(sealed, plaintext.getBytes(StandardCharsets.UTF_8)));
        assertFalse(contains(sealed, "fairly".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySealUsesAFreshIv() {
        var ivs = new HashSet<String>();
        var ciphertexts = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var sealed = box.seal("same value", "same context");
            assertTrue(ivs.add(Arrays.toString(Arrays.copyOf(sealed, SecretBox.IV_BYTES))));
            assertTrue(ciphertexts.add(Arrays.toString(sealed)));
        }
    }

    @Test
    void anyChangedByteMakesOpeningFail() {
        var sealed = box.seal("s3cret", "ctx");
        for (int i = 0; i < sealed.length; i++) {
            var tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(SealBrokenException.class, () -> box.open(tampered, "ctx"), "byte " + i);
        }
        assertThrows(SealBrokenException.class, () -> box.open(Arrays.copyOf(sealed, sealed.length - 1), "ctx"));
        assertThrows(SealBrokenException.class, () -> box.open(new byte[SecretBox.IV_BYTES], "ctx"));
        assertThrows(SealBrokenException.class, () -> box.open(null, "ctx"));
    }

    @Test
    void aValueDoesNotOpenInAnotherContext() {
        var sealed = box.seal("s3cret", "valbox.env:alice:KEY");
        assertThrows(SealBrokenException.class, () -> box.open(sealed, "valbox.env:bob:KEY"));
        assertThrows(SealBrokenException.class, () -> box.open(sealed, "valbox.env:alice:OTHER"));
        assertThrows(SealBrokenException.class, () -> box.open(sealed, ""));
    }

    @Test
    void aValueDoesNotOpenWithAnotherKey() {
        var sealed = box.seal("s3cret", "ctx");
        var other = new SecretBox(SecretBox.newKey());
        assertThrows(SealBrokenException.class, () -> other.open(sealed, "ctx"));
    }

    @Test
    void aKnownKeyOpensWhatItSealedInAnotherInstance() {
        var key = new byte[SecretBox.KEY_BYTES];
        Arrays.fill(key, (byte) 7);
        var sealed = new SecretBox(key).seal("s3cret", "ctx");
        assertEquals("s3cret", new SecretBox(key.clone()).open(sealed, "ctx"));
    }

    @Test
    void keysMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(null));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
