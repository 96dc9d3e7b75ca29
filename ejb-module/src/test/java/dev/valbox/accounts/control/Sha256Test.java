package dev.valbox.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void sha256IsHexAndDiffersPerToken() {
        var a = Sha256.hex("vbx_a");
        assertTrue(a.matches("[0-9a-f]{64}"));
        assertNotEquals(a, Sha256.hex("vbx_b"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    }
}
