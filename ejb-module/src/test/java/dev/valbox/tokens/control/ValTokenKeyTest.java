package dev.valbox.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValTokenKeyTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartGeneratesAKeyOnlyTheServersUserCanRead() throws Exception {
        var key = ValTokenKey.inDirectory(data);
        var file = data.resolve(ValTokenKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(JWSAlgorithm.ES256, key.algorithm());
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void laterStartsReadTheSameKey() {
        var first = ValTokenKey.inDirectory(data);
        var again = ValTokenKey.inDirectory(data);
        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
        assertEquals(first.publicKeyBase64(), again.publicKeyBase64());
    }

    @Test
    void serversStartingTogetherAllGetTheKeyThatWasWrittenFirst() throws Exception {
        int starters = 8;
        var ready = new CountDownLatch(starters);
        var pool = Executors.newFixedThreadPool(starters);
        try {
            var results = new ArrayList<Future<String>>();
            for (int i = 0; i < starters; i++) {
                Callable<String> start = () -> {
                    ready.countDown();
                    ready.await();
                    return ValTokenKey.inDirectory(data).publicKeyBase64();
                };
                results.add(pool.submit(start));
            }
            var keys = new HashSet<String>();
            for (var result : results) {
                keys.add(result.get());
            }
            assertEquals(1, keys.size());
            assertEquals(
                    ValTokenKey.inDirectory(data).publicKeyBase64(),
                    keys.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConfiguredKeyPairIsDecodedAndAnRsaKeySignsRs256() throws Exception {
        var generated = ValTokenKey.generate();
        var decoded = ValTokenKey.decode(
                Base64.getEncoder().encodeToString(generated.privateKey().getEncoded()), generated.publicKeyBase64());
        assertEquals(generated.publicKeyBase64(), decoded.publicKeyBase64());

        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var rsa = generator.generateKeyPair();
        var rsaKey = ValTokenKey.decode(
                Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded()));
        assertEquals(JWSAlgorithm.RS256, rsaKey.algorithm());
    }

    @Test
    void aConfiguredPairThatDoesNotBelongTogetherIsRefused() {
        var one = ValTokenKey.generate();
        var other = ValTokenKey.generate();
        var e = assertThrows(
                IllegalStateException.class,
                () -> ValTokenKey.decode(
                        Base64.getEncoder().encodeToString(one.privateKey().getEncoded()), other.publicKeyBase64()));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ValTokenKey.decode("not base64!", other.publicKeyBase64()));
    }

    @Test
    void aDamagedKeyFileStopsTheServerInsteadOfBeingReplaced() throws Exception {
        Files.writeString(
                data.resolve(ValTokenKey.FILE), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThrows(IllegalStateException.class, () -> ValTokenKey.inDirectory(data));
        assertTrue(Files.readString(data.resolve(ValTokenKey.FILE)).contains("AAAA"));
    }

    @Test
    void theDirectoryIsCreatedWhenMissing() {
        var nested = data.resolve("fresh/data");
        ValTokenKey.inDirectory(nested);
        assertTrue(Files.isRegularFile(nested.resolve(ValTokenKey.FILE)));
    }
}
