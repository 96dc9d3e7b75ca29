package dev.valbox.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Val Town API v1 OpenAPI document that Valbox's API matches (SPEC §3), with a JSON Schema validator for the bodies
 * of its operations.
 *
 * <p>The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12 (with OpenAPI's own annotations). Each schema
 * is loaded by JSON pointer into the whole document, so its {@code $ref}s to {@code #/components/schemas/...} resolve.
 * {@code format} is asserted, not just annotated: a {@code uuid} that is no UUID, or a {@code date-time} or {@code uri}
 * that is not one, is a violation.
 *
 * <p>The document lives in the repository at {@value #IN_REPO}; tests find it from the module's base directory, or at
 * the path in the system property {@value #LOCATION_PROPERTY}.
 */
public final class OpenApiContract {

    public static final String LOCATION_PROPERTY = "valbox.openapi";
    public static final String IN_REPO = "docs/reference/valtown-api-v1.openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_MEDIA_TYPE = "application/json";

    private final URI location;
    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;

    private OpenApiContract(URI location, JsonNode document) {
        this.location = location;
        this.document = document;
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
        this.config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    /** The document in this repository (or at {@value #LOCATION_PROPERTY}). */
    public static OpenApiContract load() {
        var configured = System.getProperty(LOCATION_PROPERTY);
        // Surefire and Failsafe set basedir to the module directory; the document is in the repository's docs/.
        var file = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("basedir", "."), "..", IN_REPO);
        return load(file);
    }

    public static OpenApiContract load(Path file) {
        var absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("the OpenAPI document is missing: " + absolute);
        }
        try {
            var document = JSON.readTree(Files.readString(absolute, StandardCharsets.UTF_8));
            if (!document.path("openapi").asText().startsWith("3.1")) {
                throw new IllegalStateException(absolute + " is not an OpenAPI 3.1 document");
            }
            return new OpenApiContract(absolute.toUri(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + absolute, e);
        }
    }

    /** The operation at this path template ({@code /v1/vals/{val_id}}), as the document spells it. */
    public Operation operation(String method, String path) {
        var verb = method.toLowerCase(Locale.ROOT);
        var node = document.path("paths").path(path).path(verb);
        if (!node.isObject()) {
            throw new IllegalArgumentException("the OpenAPI document has no operation " + method + " " + path);
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, "/paths/" + escape(path) + "/" + verb, node);
    }

    /** The schema at a JSON pointer into the document (e.g. {@code /components/schemas/ExtendedVal}). */
    public JsonSchema schema(String pointer) {
        if (document.at(pointer).isMissingNode()) {
            throw new IllegalArgumentException("the OpenAPI document has nothing at " + pointer);
        }
        return factory.getSchema(SchemaLocation.of(location + "#" + fragment(pointer)), config);
    }

    /** Every way {@code json} breaks {@code schema}, one line each; empty when it conforms. */
    public static List<String> violations(JsonSchema schema, String json) {
        JsonNode instance;
        try {
            instance = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (instance == null) {
            return List.of("no body");
        }
        var lines = new ArrayList<String>();
        for (ValidationMessage message : schema.validate(instance)) {
            // The message starts with the instance location ("/links/prev: ..."), empty for the root.
            var text = message.getMessage();
            lines.add("[" + message.getType() + "] " + (text.startsWith(":") ? "$" + text : text));
        }
        return List.copyOf(lines);
    }

    /** One operation of the document: its documented statuses and body schemas. */
    public final class Operation {

        private final String method;
        private final String path;
        private final String pointer;
        private final JsonNode node;

        private Operation(String method, String path, String pointer, JsonNode node) {
            this.method = method;
            this.path = path;
            this.pointer = pointer;
            this.node = node;
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        /** The statuses the document lists for this operation. */
        public Set<Integer> statuses() {
            var statuses = new TreeSet<Integer>();
            node.path("responses").fieldNames().forEachRemaining(name -> statuses.add(Integer.valueOf(name)));
            return statuses;
        }

        /** The one 2xx status the document lists for this operation. */
        public int successStatus() {
            var success = statuses().stream().filter(s -> s >= 200 && s < 300).toList();
            if (success.size() != 1) {
                throw new IllegalStateException(this + " lists " + success.size() + " success statuses: " + success);
            }
            return success.get(0);
        }

        /** The schema of the {@code application/json} body answered with this status, if the document gives one. */
        public Optional<JsonSchema> responseSchema(int status) {
            var response = node.path("responses").path(String.valueOf(status));
            if (!response.isObject()) {
                throw new IllegalArgumentException(this + " does not list status " + status);
            }
            if (!response.path("content").path(JSON_MEDIA_TYPE).has("schema")) {
                return Optional.empty();
            }
            return Optional.of(
                    schema(pointer + "/responses/" + status + "/content/" + escape(JSON_MEDIA_TYPE) + "/schema"));
        }

        /** The schema of the {@code application/json} request body, if the operation takes one. */
        public Optional<JsonSchema> requestSchema() {
            if (!node.path("requestBody").path("content").path(JSON_MEDIA_TYPE).has("schema")) {
                return Optional.empty();
            }
            return Optional.of(schema(pointer + "/requestBody/content/" + escape(JSON_MEDIA_TYPE) + "/schema"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A JSON pointer reference token (RFC 6901): {@code ~} and {@code /} escaped. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment (RFC 6901 §6): characters a fragment may not hold, such as braces, encoded. */
    static String fragment(String pointer) {
        var out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
            if (allowed) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
