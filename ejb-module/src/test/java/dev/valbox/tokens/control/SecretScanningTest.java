package dev.valbox.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.problems.entity.ValboxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScanningTest {

    @TempDir
    Path dir;

    private static String keyFile(String... ids) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = new StringBuilder("{\"public_keys\":[");
        for (int i = 0; i < ids.length; i++) {
            var der = generator.generateKeyPair().getPublic().getEncoded();
            keys.append(i == 0 ? "" : ",")
                    .append("{\"key_identifier\":\"")
                    .append(ids[i])
                    .append("\",\"key\":\"-----BEGIN PUBLIC KEY-----\\n")
                    .append(Base64.getEncoder().encodeToString(der))
                    .append("\\n-----END PUBLIC KEY-----\\n\",\"is_current\":true}");
        }
        return keys.append("]}").toString();
    }

    private static SecretScanning scanning(Optional<String> file) {
        var scanning = new SecretScanning();
        scanning.keysFile = file;
        return scanning;
    }

    @Test
    void withoutAKeyFileTheProtocolDoesNotExist() {
        assertThrows(NotFoundException.class, () -> scanning(Optional.empty()).keys());
        assertThrows(NotFoundException.class, () -> scanning(Optional.of(" ")).keys());
        assertThrows(NotFoundException.class, () -> scanning(Optional.empty()).report(new byte[0], "a", "b"));
    }

    @Test
    void aMissingOrBrokenKeyFileFailsEveryReportAsUnavailable() throws Exception {
        var file = dir.resolve("keys.json");
        var scanning = scanning(Optional.of(file.toString()));
        var missing = assertThrows(ValboxException.class, scanning::keys);
        assertEquals(ValboxException.Kind.UNAVAILABLE, missing.kind());
        Files.writeString(file, "{\"public_keys\": \"no\"}");
        assertEquals(
                ValboxException.Kind.UNAVAILABLE,
                assertThrows(ValboxException.class, scanning::keys).kind());
    }

    @Test
    void theKeyFileIsReadAgainWhenItChanges() throws Exception {
        var file = dir.resolve("keys.json");
        Files.writeString(file, keyFile("one"));
        var scanning = scanning(Optional.of(file.toString()));
        var first = scanning.keys();
        assertEquals(1, first.size());
        assertSame(first, scanning.keys(), "an unchanged file is not read again");
        Files.writeString(file, keyFile("one", "two"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(2, scanning.keys().size());
    }

    @Test
    void aReportThatDoesNotVerifyIsUnauthenticatedBeforeItsBodyIsRead() throws Exception {
        var file = dir.resolve("keys.json");
        Files.writeString(file, keyFile("one"));
        var scanning = scanning(Optional.of(file.toString()));
        // Not even JSON: the body is never parsed, because the signature is checked first.
        var body = "not json".getBytes(StandardCharsets.UTF_8);
        assertThrows(UnauthenticatedException.class, () -> scanning.report(body, "one", "MEUCIQ=="));
        assertThrows(UnauthenticatedException.class, () -> scanning.report(body, null, null));
    }
}
