package dev.valbox.blobs.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.control.Caller;
import dev.valbox.blobs.entity.Blob;
import dev.valbox.blobs.entity.BlobChunk;
import dev.valbox.execution.control.HostService;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * std/blob's host calls ({@code blob.get}, {@code blob.set}, ...): the same {@link Blobs} use cases as the REST API,
 * as the val's author with the val token's scopes. Bytes cross the worker protocol as base64 text.
 */
@ApplicationScoped
public class BlobService implements HostService {

    @Inject
    Blobs blobs;

    @Override
    public String name() {
        return "blob";
    }

    @Override
    public JsonValue call(Caller caller, String operation, JsonValue args) {
        if (args.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("args", "blob." + operation + " takes an object");
        }
        var fields = args.asJsonObject();
        return switch (operation) {
            case "get" -> get(caller, string(fields, "key"));
            case "set" -> {
                var body = string(fields, "body");
                blobs.store(caller, string(fields, "key"), decoding(body), decodedLength(body));
                yield JsonValue.NULL;
            }
            case "list" -> {
                var list = JSON.createArrayBuilder();
                blobs.list(caller, optionalString(fields, "prefix")).forEach(blob -> list.add(listed(blob)));
                yield list.build();
            }
            case "delete" -> {
                blobs.delete(caller, string(fields, "key"));
                yield JsonValue.NULL;
            }
            case "copy" -> listed(blobs.copy(caller, string(fields, "from"), string(fields, "to")));
            case "move" -> listed(blobs.move(caller, string(fields, "from"), string(fields, "to")));
            default -> throw new InvalidInputException("service", "there is no blob." + operation);
        };
    }

    /** The blob as {@code {key, size, lastModified, body}}, the body in base64 built one chunk at a time. */
    private JsonObject get(Caller caller, String key) {
        var content = blobs.read(caller, key);
        var blob = content.blob();
        var base64 = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, (blob.size() + 2) / 3 * 4));
        var encoder = Base64.getEncoder();
        try (var bytes = content.bytes()) {
            // Every chunk but the last is a multiple of 3 bytes long, so the pieces' encodings join up.
            byte[] piece;
            while ((piece = bytes.readNBytes(BlobChunk.SIZE)).length > 0) {
                base64.append(encoder.encodeToString(piece));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JSON.createObjectBuilder(listed(blob))
                .add("body", base64.toString())
                .build();
    }

    private static JsonObject listed(Blob blob) {
        return JSON.createObjectBuilder()
                .add("key", blob.key())
                .add("size", blob.size())
                .add("lastModified", blob.lastModified().toString())
                .build();
    }

    private static String string(JsonObject fields, String name) {
        var value = optionalString(fields, name);
        if (value == null) {
            throw new InvalidInputException(name, name + " must be a string");
        }
        return value;
    }

    private static String optionalString(JsonObject fields, String name) {
        var value = fields.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException(name, name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static InputStream decoding(String base64) {
        return Base64.getDecoder().wrap(new AsciiStream(base64));
    }

    private static long decodedLength(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4 * 3L - padding;
    }

    /** The characters of base64 text as bytes, without copying the text. */
    private static final class AsciiStream extends InputStream {

        private final String text;
        private int position;

        AsciiStream(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            return position < text.length() ? ascii(text.charAt(position++)) : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= text.length()) {
                return -1;
            }
            int count = Math.min(length, text.length() - position);
            for (int i = 0; i < count; i++) {
                target[offset + i] = (byte) ascii(text.charAt(position + i));
            }
            position += count;
            return count;
        }

        /** Anything beyond ASCII becomes a byte the decoder refuses, rather than a valid digit by truncation. */
        private static int ascii(char c) {
            return c < 0x80 ? c : '*';
        }
    }
}
