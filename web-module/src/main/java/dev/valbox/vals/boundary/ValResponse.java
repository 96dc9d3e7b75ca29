package dev.valbox.vals.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.packages.entity.PackageLock;
import dev.valbox.vals.control.Visibility;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Schedule;
import dev.valbox.vals.entity.ValVersion;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Val Town's ExtendedVal (and, with the counts ignored, BasicVal): one version of a val. */
@JsonbNillable
@JsonbPropertyOrder({
    "id",
    "name",
    "version",
    "code",
    "isPublic", // Yasson orders by the Java property name; the JSON name is "public"
    "privacy",
    "type",
    "url",
    "author",
    "createdAt",
    "readme",
    "likeCount",
    "referenceCount",
    "compileErrors",
    "scopes",
    "schedule",
    "lastRunAt",
    "nextRunAt",
    "packages"
})
public record ValResponse(
        UUID id,
        String name,
        int version,
        String code,
        @JsonbProperty("public") boolean isPublic,
        String privacy,
        String type,
        String url,
        Author author,
        Instant createdAt,
        String readme,
        int likeCount,
        int referenceCount,
        JsonValue compileErrors,
        @JsonbNillable(false) List<String> scopes,
        String schedule,
        Instant lastRunAt,
        Instant nextRunAt,
        @JsonbNillable(false) Map<String, String> packages) {

    public record Author(UUID id, String username) {}

    public static ValResponse from(ValVersion version, UriInfo uri) {
        return from(version, uri, Caller.ANONYMOUS);
    }

    /**
     * As seen by {@code caller}. Valbox's extension {@code scopes}, those of the token the val's runs get, is there for
     * its author only and left out for everyone else. Its extensions {@code schedule}, {@code lastRunAt} and
     * {@code nextRunAt} are null for a val without a schedule; {@code nextRunAt} is null unless it is an interval val.
     * Its extension {@code packages} names the npm packages this version's imports resolved to when it was saved, and
     * their exact versions ({@code {"zod": "3.23.8"}}); empty when it imports none.
     */
    public static ValResponse from(ValVersion version, UriInfo uri, Caller caller) {
        var val = version.val();
        var author = val.author();
        var schedule = val.schedule();
        return new ValResponse(
                val.id(),
                val.name(),
                version.version(),
                version.code(),
                val.privacy() == Privacy.PUBLIC,
                val.privacy().wire(),
                val.type().wire(),
                uri.getBaseUri()
                        .resolve("../v/" + author.username() + "/" + val.name())
                        .toString(),
                new Author(author.id(), author.username()),
                version.createdAt(),
                val.readme(),
                0,
                0,
                compileErrors(version),
                Visibility.tokenScopesFor(val, caller)
                        .map(scopes -> List.copyOf(Scope.wires(scopes)))
                        .orElse(null),
                schedule.map(Schedule::text).orElse(null),
                schedule.map(Schedule::lastRunAt).orElse(null),
                schedule.map(Schedule::nextRunAt).orElse(null),
                PackageLock.fromJson(version.packages()).versions());
    }

    /**
     * Valbox's extension: the syntax errors of this version's code ({message, line, column}), null when it compiled.
     * The version is saved either way.
     */
    private static JsonValue compileErrors(ValVersion version) {
        if (version.compileErrors() == null) {
            return JsonValue.NULL;
        }
        try (var reader = JSON.createReader(new StringReader(version.compileErrors()))) {
            return reader.readValue();
        }
    }
}
