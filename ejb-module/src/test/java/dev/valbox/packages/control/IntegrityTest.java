package dev.valbox.packages.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    private static final byte[] TARBALL = "the bytes of a tarball".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSha512ThatNpmPublishesMustMatch() throws Exception {
        var integrity = Integrity.sha512(TARBALL);
        assertTrue(Integrity.matches(TARBALL, integrity, null));
        var tampered = TARBALL.clone();
        tampered[0] ^= 1;
        assertFalse(Integrity.matches(tampered, integrity, null));
        // The strongest hash present decides: a matching SHA-1 next to a wrong SHA-512 does not rescue the tarball.
        assertFalse(Integrity.matches(tampered, integrity + " sha1-" + b64("SHA-1", tampered), null));
        assertTrue(Integrity.matches(TARBALL, "sha1-" + b64("SHA-1", TARBALL) + " " + integrity, null));
        assertFalse(Integrity.matches(TARBALL, "sha512-not~base64", null));
    }

    @Test
    void packagesOlderThanIntegrityAreCheckedByTheirShasumAndOneWithNeitherIsRefused() throws Exception {
        var shasum = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(TARBALL));
        assertTrue(Integrity.matches(TARBALL, null, shasum));
        assertFalse(Integrity.matches("other".getBytes(), null, shasum));
        assertFalse(Integrity.matches(TARBALL, null, null));
        assertFalse(Integrity.matches(TARBALL, "", "not-a-hash"));
    }

    private static String b64(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(
                        java.security.MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
