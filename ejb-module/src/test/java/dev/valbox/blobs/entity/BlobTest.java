package dev.valbox.blobs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobTest {

    private final User alice = new User("alice", "alice@example.com", "hash");

    @ParameterizedTest
    @ValueSource(strings = {"k", "a/b", "a//b", "../x", ".", " ", "100% sure?#", "über ✓", "😀", "\\", "\t\n"})
    void anyNonEmptyTextIsAKey(String key) {
        assertEquals(key, Blob.requireKey("key", key));
    }

    @Test
    void keysAreCountedInCharactersNotUtf16Units() {
        assertEquals(512, Blob.requireKey("key", "x".repeat(512)).length());
        assertEquals(1024, Blob.requireKey("key", "😀".repeat(512)).length());
        var tooLong = assertThrows(InvalidInputException.class, () -> Blob.requireKey("key", "😀".repeat(513)));
        assertEquals("key", tooLong.field());
        assertThrows(InvalidInputException.class, () -> Blob.requireKey("key", "x".repeat(513)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\u0000b", "\ud83d", "x\ude00", "\ude00\ud83d"})
    void emptyKeysNulAndUnpairedSurrogatesAreRefused(String key) {
        var refused = assertThrows(InvalidInputException.class, () -> Blob.requireKey("from", key));
        assertEquals("from", refused.field());
    }

    @Test
    void replacingPointsAtNewContentAndAnswersTheOld() {
        var first = UUID.randomUUID();
        var blob = new Blob(alice, "k", first, 3);
        var modified = blob.lastModified();
        var second = UUID.randomUUID();
        assertEquals(first, blob.replace(second, 7));
        assertEquals(second, blob.content());
        assertEquals(7, blob.size());
        assertFalse(blob.lastModified().isBefore(modified));
    }

    @Test
    void renamingChecksTheNewKey() {
        var blob = new Blob(alice, "old", UUID.randomUUID(), 1);
        blob.rename("new/key");
        assertEquals("new/key", blob.key());
        assertNotEquals(null, blob.id());
        assertEquals(
                "to",
                assertThrows(InvalidInputException.class, () -> blob.rename("")).field());
    }
}
