package dev.valbox.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void generatedTokensHaveThePrefixThirtyBase62CharactersAndAValidChecksum() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var token = TokenFormat.generate();
            assertTrue(token.matches("vbx_[0-9A-Za-z]{30}"), token);
            assertTrue(TokenFormat.wellFormed(token), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void theChecksumIsBase62Crc32OfTheFirst24Characters() {
        // Vectors computed independently with Python's zlib.crc32, rendered in base62 (0-9A-Za-z), left-padded to 6.
        assertEquals("18ZykQ", TokenFormat.checksum("AAAAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals("0RFTvn", TokenFormat.checksum("000000000000000000000000"));
        assertTrue(TokenFormat.wellFormed("vbx_AAAAAAAAAAAAAAAAAAAAAAAA18ZykQ"));
    }

    @Test
    void anyChangedCharacterBreaksTheChecksum() {
        var token = TokenFormat.generate();
        for (int i = TokenFormat.PREFIX.length(); i < token.length(); i++) {
            var c = token.charAt(i);
            var mangled = token.substring(0, i) + (c == 'a' ? 'b' : 'a') + token.substring(i + 1);
            assertFalse(TokenFormat.wellFormed(mangled), mangled);
        }
    }

    @Test
    void wrongShapesAreRejected() {
        var token = TokenFormat.generate();
        assertFalse(TokenFormat.wellFormed(null));
        assertFalse(TokenFormat.wellFormed(""));
        assertFalse(TokenFormat.wellFormed("vbx_"));
        assertFalse(TokenFormat.wellFormed(token + "a"));
        assertFalse(TokenFormat.wellFormed("vbz_" + token.substring(4)));
        assertFalse(TokenFormat.wellFormed(token.substring(0, 10) + "-" + token.substring(11)));
    }
}
