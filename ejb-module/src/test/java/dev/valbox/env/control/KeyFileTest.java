package dev.valbox.env.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyWithA32ByteBase64Key() throws Exception {
        var file = dir.resolve("data/nested/secrets.key");
        var key = KeyFile.readOrCreate(file);
        assertEquals(SecretBox.KEY_BYTES, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        var text = Files.readString(file).strip();
        assertEquals(44, text.length(), text);
        assertArrayEquals(key, Base64.getDecoder().decode(text));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "the temporary file is gone");
        }
    }

    @Test
    void theKeyIsReadBackOnLaterStartsAndNeverReplaced() throws Exception {
        var file = dir.resolve("secrets.key");
        var first = KeyFile.readOrCreate(file);
        var modified = Files.getLastModifiedTime(file);
        assertArrayEquals(first, KeyFile.readOrCreate(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
    }

    @Test
    void aKeyFileWrittenByAnOperatorIsUsed() throws Exception {
        var key = SecretBox.newKey();
        var file = dir.resolve("secrets.key");
        Files.writeString(file, "  " + Base64.getEncoder().encodeToString(key) + "\n");
        assertArrayEquals(key, KeyFile.readOrCreate(file));
    }

    @Test
    void startsRacingOnAFreshDataDirAllGetTheSameKey() throws Exception {
        var file = dir.resolve("secrets.key");
        var threads = 8;
        var ready = new CountDownLatch(threads);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<byte[]>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit((Callable<byte[]>) () -> {
                    ready.countDown();
                    ready.await();
                    return KeyFile.readOrCreate(file);
                }));
            }
            var first = futures.get(0).get();
            for (var future : futures) {
                assertArrayEquals(first, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(Base64.getDecoder().decode(Files.readString(file).strip()), KeyFile.readOrCreate(file));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary files are left behind");
        }
    }

    @Test
    void aBrokenKeyFileStopsTheStartWithoutEchoingIt() throws Exception {
        var file = dir.resolve("secrets.key");
        Files.writeString(file, "c2hvcnQ=");
        var e = assertThrows(IllegalStateException.class, () -> KeyFile.readOrCreate(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("c2hvcnQ="), e.getMessage());
    }

    @Test
    void aConfiguredKeyMustBe32BytesOfBase64() {
        var key = SecretBox.newKey();
        assertArrayEquals(key, KeyFile.decode(Base64.getEncoder().encodeToString(key), "valbox.secrets.key"));
        for (var bad : new String[] {"not base64!", Base64.getEncoder().encodeToString(new byte[16]), ""}) {
            var e = assertThrows(IllegalStateException.class, () -> KeyFile.decode(bad, "valbox.secrets.key"));
            assertTrue(e.getMessage().startsWith("valbox.secrets.key must be 32"), e.getMessage());
        }
    }
}
