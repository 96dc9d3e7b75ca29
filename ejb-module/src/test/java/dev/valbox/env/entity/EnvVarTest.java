package dev.valbox.env.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.TooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvVarTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "_", "api_KEY_2", "OPENAI_API_KEY", "valTown", "VALTOWN"})
    void keysLikeDenosAreAccepted(String key) {
        assertEquals(key, EnvVar.requireKey(key));
    }

    @Test
    void keysMayBe64CharactersLong() {
        var longest = "K".repeat(64);
        assertEquals(longest, EnvVar.requireKey(longest));
        assertEquals(
                "key",
                assertThrows(InvalidInputException.class, () -> EnvVar.requireKey(longest + "K"))
                        .field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1KEY", "MY-KEY", "MY KEY", "kéy", "a.b", "a:b"})
    void otherKeysAreRefusedNamingTheKey(String key) {
        assertEquals(
                "key",
                assertThrows(InvalidInputException.class, () -> EnvVar.requireKey(key))
                        .field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"valtown", "VALTOWN_API_URL", "VALBOX_API_URL"})
    void theServersOwnNamesAreReserved(String key) {
        assertEquals(
                "key",
                assertThrows(InvalidInputException.class, () -> EnvVar.requireKey(key))
                        .field());
    }

    @Test
    void valuesAreLimitedTo32KilobytesOfUtf8() {
        var max = "x".repeat(EnvVar.MAX_VALUE_BYTES);
        assertEquals(max, EnvVar.requireValue(max));
        assertEquals("", EnvVar.requireValue(""));
        assertEquals(
                "value",
                assertThrows(TooLargeException.class, () -> EnvVar.requireValue(max + "x"))
                        .field());
        var multiByte = "é".repeat(EnvVar.MAX_VALUE_BYTES / 2 + 1);
        assertEquals(
                "value",
                assertThrows(TooLargeException.class, () -> EnvVar.requireValue(multiByte))
                        .field());
        assertEquals(
                "value",
                assertThrows(InvalidInputException.class, () -> EnvVar.requireValue(null))
                        .field());
    }
}
