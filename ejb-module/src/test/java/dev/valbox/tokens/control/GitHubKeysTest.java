package dev.valbox.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GitHubKeysTest {

    /** GitHub's published example (github/docs, the secret scanning partner program page): key, body, signature. */
    private static final String SAMPLE_PEM =
            """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9MJJHnMfn2+H4xL4YaPDA4RpJqUq
            kCmRCBnYERxZanmcpzQSXs1X/AljlKkbJ8qpVIW4clayyef9gWhFbNHWAA==
            -----END PUBLIC KEY-----
            """;

    private static final String SAMPLE_ID = "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a";
    private static final String SAMPLE_BODY =
            "[{\"token\":\"some_token\",\"type\":\"some_type\",\"url\":\"some_url\"}]";
    private static final String SAMPLE_SIGNATURE =
            "MEUCIQDKZokqnCjrRtw0tni+2Ltvl/uiMJ1EGumEsp1BsNr32AIgQY1YXD2nlj+XNfGK4rBfkMJ1JDOQcYXxa2sY8FNkrKc=";

    private static GitHubKeys sampleKeys() {
        return GitHubKeys.parse("{\"public_keys\":[{\"key_identifier\":\"" + SAMPLE_ID + "\",\"key\":\""
                + SAMPLE_PEM.replace("\n", "\\n") + "\",\"is_current\":true}]}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theIdentifierIsTheSha256OfThePemText() {
        assertEquals(SAMPLE_ID, GitHubKeys.identifier(SAMPLE_PEM));
    }

    @Test
    void githubsPublishedSampleSignatureVerifiesOverTheRawBody() {
        assertTrue(sampleKeys().verifies(bytes(SAMPLE_BODY), SAMPLE_ID, SAMPLE_SIGNATURE));
    }

    @Test
    void anyChangeToTheBodyOrSignatureOrKeyFails() {
        var keys = sampleKeys();
        // The same JSON, re-serialised with a space: the signature is over bytes, not over the JSON's meaning.
        assertFalse(keys.verifies(bytes(SAMPLE_BODY.replace(",\"type\"", ", \"type\"")), SAMPLE_ID, SAMPLE_SIGNATURE));
        assertFalse(keys.verifies(bytes(SAMPLE_BODY.replace("some_token", "some_tokem")), SAMPLE_ID, SAMPLE_SIGNATURE));
        var tampered = Base64.getDecoder().decode(SAMPLE_SIGNATURE);
        tampered[tampered.length - 1] ^= 1;
        assertFalse(
                keys.verifies(bytes(SAMPLE_BODY), SAMPLE_ID, Base64.getEncoder().encodeToString(tampered)));
        assertFalse(keys.verifies(bytes(SAMPLE_BODY), SAMPLE_ID, "not base64!"));
        assertFalse(keys.verifies(bytes(SAMPLE_BODY), SAMPLE_ID, ""));
        assertFalse(keys.verifies(bytes(SAMPLE_BODY), SAMPLE_ID, null));
        assertFalse(keys.verifies(bytes(SAMPLE_BODY), "0" + SAMPLE_ID.substring(1), SAMPLE_SIGNATURE));
        assertFalse(keys.verifies(bytes(SAMPLE_BODY), null, SAMPLE_SIGNATURE));
    }

    @Test
    void aKeyFileWithSeveralKeysVerifiesWithTheOneNamed() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        var keys = GitHubKeys.parse("{\"public_keys\":[{\"key_identifier\":\"" + SAMPLE_ID + "\",\"key\":\""
                + SAMPLE_PEM.replace("\n", "\\n") + "\",\"is_current\":false},{\"key_identifier\":\"new\",\"key\":\""
                + pem.replace("\n", "\\n") + "\",\"is_current\":true}]}");
        assertEquals(2, keys.size());
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(bytes("[]"));
        var signature = Base64.getEncoder().encodeToString(signer.sign());
        assertTrue(keys.verifies(bytes("[]"), "new", signature));
        assertFalse(keys.verifies(bytes("[]"), SAMPLE_ID, signature));
        assertTrue(keys.verifies(bytes(SAMPLE_BODY), SAMPLE_ID, SAMPLE_SIGNATURE));
    }

    @Test
    void aKeyFileNotInGithubsShapeIsRefusedWithTheReason() {
        var notJson = assertThrows(IllegalArgumentException.class, () -> GitHubKeys.parse("public_keys"));
        assertTrue(notJson.getMessage().startsWith("not a JSON object"), notJson.getMessage());
        var noArray = assertThrows(IllegalArgumentException.class, () -> GitHubKeys.parse("{\"keys\":[]}"));
        assertEquals("no \"public_keys\" array", noArray.getMessage());
        var noKey = assertThrows(
                IllegalArgumentException.class,
                () -> GitHubKeys.parse("{\"public_keys\":[{\"key_identifier\":\"a\"}]}"));
        assertTrue(noKey.getMessage().contains("\"key\""), noKey.getMessage());
        var badPem = assertThrows(
                IllegalArgumentException.class,
                () -> GitHubKeys.parse("{\"public_keys\":[{\"key_identifier\":\"a\",\"key\":\"-----BEGIN PUBLIC"
                        + " KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\\n\"}]}"));
        assertEquals("key a is not a PEM EC public key", badPem.getMessage());
    }

    @Test
    void aReportIsAnArrayOfMatchesEachWithAToken() {
        var matches = SecretScanning.matches(
                bytes("[{\"token\":\"vbx_x\",\"type\":\"valbox_api_token\",\"url\":\"https://github.com/o/r\","
                        + "\"source\":\"content\",\"extra\":1},{\"token\":\"t2\"}]"));
        assertEquals(
                new SecretScanning.Match("vbx_x", "valbox_api_token", "https://github.com/o/r", "content"),
                matches.get(0));
        assertEquals(new SecretScanning.Match("t2", "", "", ""), matches.get(1));
        assertEquals(0, SecretScanning.matches(bytes("[]")).size());
        for (var bad : new String[] {
            "",
            "{}",
            "[1]",
            "[{\"type\":\"x\"}]",
            "[{\"token\":1}]",
            "[{\"token\":\"a\"," + "\"url\":2}]",
            "[{\"token\":\"a\"}",
            "\u00ff"
        }) {
            assertThrows(InvalidInputException.class, () -> SecretScanning.matches(bytes(bad)), bad);
        }
    }
}
