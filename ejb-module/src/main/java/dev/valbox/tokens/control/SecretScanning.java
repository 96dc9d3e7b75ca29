package dev.valbox.tokens.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.problems.entity.ValboxException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GitHub's secret scanning partner protocol: a signed report of values found in public lists each match; every
 * match that is one of this server's tokens (an API token or a val token) is revoked at once, each in a transaction
 * of its own, and its owner told by email; the answer labels each match {@code true_positive} or
 * {@code false_positive}. Nothing of the body is believed, or even parsed, before its signature verifies against the
 * keys of {@code valbox.secret-scanning.keys-file}, which is re-read when it changes (GitHub rotates its keys).
 */
@ApplicationScoped
public class SecretScanning {

    private static final Logger LOG = Logger.getLogger(SecretScanning.class.getName());

    /** One match of a report: the value found, GitHub's name for its type, where it was found and in what. */
    public record Match(String token, String type, String url, String source) {}

    /** The label for one match, as GitHub's token feedback has it. */
    public record Feedback(String token, String type, boolean truePositive) {}

    @Inject
    @ConfigProperty(name = "valbox.secret-scanning.keys-file")
    Optional<String> keysFile;

    @Inject
    Tokens tokens;

    @Inject
    ValTokens valTokens;

    @Inject
    Event<LeakedTokenRevoked> leaks;

    private volatile Loaded loaded;

    private record Loaded(FileTime modified, long size, GitHubKeys keys) {}

    /** Checks the report's signature, then revokes what it found; answers one label per match, in order. */
    public List<Feedback> report(byte[] body, String keyIdentifier, String signature) {
        var keys = keys();
        if (!keys.verifies(body, keyIdentifier, signature)) {
            throw new UnauthenticatedException(
                    "The report's signature does not verify: it must be GitHub's ECDSA signature of the raw body"
                            + " (Github-Public-Key-Signature) with a key of the configured key file"
                            + " (Github-Public-Key-Identifier).");
        }
        var feedback = new ArrayList<Feedback>();
        for (var match : matches(body)) {
            feedback.add(new Feedback(match.token(), match.type(), revoke(match)));
        }
        return feedback;
    }

    private boolean revoke(Match match) {
        var where = match.url().isEmpty()
                ? "reported by GitHub secret scanning (" + match.source() + ")"
                : "found by GitHub secret scanning at " + match.url();
        var revocation = TokenFormat.wellFormed(match.token())
                ? tokens.revokeLeaked(match.token(), where)
                : valTokens.revokeLeaked(match.token(), where);
        revocation
                .owner()
                .ifPresent(owner ->
                        leaks.fire(new LeakedTokenRevoked(owner, revocation.what(), match.url(), Instant.now())));
        return revocation.real();
    }

    /** GitHub's body: an array of {@code {token, type, url, source}}; only {@code token} is required. */
    static List<Match> matches(byte[] body) {
        JsonArray array;
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            var value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new InvalidInputException("body", "the report must be a JSON array of matches");
            }
            array = value.asJsonArray();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "the report is not valid JSON");
        }
        var matches = new ArrayList<Match>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body[" + i + "]", "each match must be an object {token, type, url}");
            }
            var match = array.getJsonObject(i);
            if (!(match.get("token") instanceof JsonString token)) {
                throw new InvalidInputException("body[" + i + "].token", "each match needs a \"token\" string");
            }
            matches.add(new Match(
                    token.getString(), text(match, "type", i), text(match, "url", i), text(match, "source", i)));
        }
        return matches;
    }

    private static String text(JsonObject match, String field, int index) {
        var value = match.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidInputException("body[" + index + "]." + field, field + " must be a string");
        }
        return string.getString();
    }

    /**
     * The keys of the configured file, read again whenever the file changes. With no file configured the protocol's
     * endpoints do not exist; a file that cannot be read or parsed fails the report (and says why in the log), so
     * that no report is ever checked against keys the operator did not mean.
     */
    GitHubKeys keys() {
        var file = keysFile.filter(name -> !name.isBlank())
                .map(Path::of)
                .orElseThrow(() -> new NotFoundException("Secret scanning is not configured on this server."));
        try {
            var modified = Files.getLastModifiedTime(file);
            var size = Files.size(file);
            var current = loaded;
            if (current != null && current.modified().equals(modified) && current.size() == size) {
                return current.keys();
            }
            var keys = GitHubKeys.parse(Files.readString(file));
            loaded = new Loaded(modified, size, keys);
            LOG.info("secret scanning: read " + keys.size() + " GitHub keys from " + file);
            return keys;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "secret scanning: cannot use the key file " + file + ": " + e.getMessage());
            throw new ValboxException(
                    ValboxException.Kind.UNAVAILABLE,
                    "Secret scanning cannot check signatures right now; nothing was revoked.");
        }
    }
}
