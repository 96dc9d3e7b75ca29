package dev.valbox.tokens.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.control.Sha256;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The public keys GitHub signs secret scanning reports with, in the shape GitHub publishes them:
 * {@code {"public_keys": [{"key_identifier", "key" (PEM), "is_current"}]}}. A report names its key in
 * {@code Github-Public-Key-Identifier} (GitHub's identifier is the hex SHA-256 of the PEM text) and carries an ECDSA
 * P-256 / SHA-256 signature, base64 DER, over the raw request body. Every listed key verifies, current or not, so a
 * report signed during GitHub's key rotation is not refused; which keys are listed is the operator's choice.
 */
public final class GitHubKeys {

    private final Map<String, PublicKey> keys;

    private GitHubKeys(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** The key file's content; a file that is not in GitHub's shape is refused with a message for the operator. */
    public static GitHubKeys parse(String json) {
        JsonObject file;
        try (var reader = JSON.createReader(new StringReader(json))) {
            file = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
        var listed = file.get("public_keys");
        if (listed == null || listed.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("no \"public_keys\" array");
        }
        var keys = new HashMap<String, PublicKey>();
        for (var entry : listed.asJsonArray()) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT
                    || !(entry.asJsonObject().get("key_identifier") instanceof JsonString id)
                    || !(entry.asJsonObject().get("key") instanceof JsonString pem)) {
                throw new IllegalArgumentException(
                        "each of \"public_keys\" needs \"key_identifier\" and \"key\" strings");
            }
            keys.put(id.getString(), publicKey(id.getString(), pem.getString()));
        }
        return new GitHubKeys(keys);
    }

    /** GitHub's key identifier: the hex SHA-256 of the PEM text, as published (with its final newline). */
    public static String identifier(String pem) {
        return Sha256.hex(pem);
    }

    public int size() {
        return keys.size();
    }

    /** True only when the key is listed and the signature is its signature over exactly these bytes. */
    public boolean verifies(byte[] body, String keyIdentifier, String signatureBase64) {
        var key = keyIdentifier == null ? null : keys.get(keyIdentifier.strip());
        if (key == null || signatureBase64 == null) {
            return false;
        }
        try {
            var signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key);
            signature.update(body);
            return signature.verify(Base64.getDecoder().decode(signatureBase64.strip()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64, or not a DER ECDSA signature: it does not verify.
            return false;
        }
    }

    private static PublicKey publicKey(String id, String pem) {
        var base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("key " + id + " is not a PEM EC public key");
        }
    }
}
