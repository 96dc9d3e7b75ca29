package dev.valbox.problems.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.TooLargeException;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body of the API: capped in size, parsed strictly, and required to be an object. Its
 * errors say what is wrong and where, so no parser or Java detail reaches the client.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER - 100)
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

    /** Room for the largest val (256,000 characters) even when every character is escaped. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final long DRAIN_BYTES = 8L * 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(
            Class<JsonObject> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        var bytes = entity.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            // Read on a little, so an ordinary client that sends its whole body before reading gets the 413
            // instead of a reset connection; past that the connection is closed on it.
            drain(entity);
            throw new TooLargeException("body", "the request body must be at most " + MAX_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("body", "the request body must be a JSON object");
        }
        try (var reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "the request body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            var where = e.getLocation();
            throw new InvalidInputException(
                    "body", "malformed JSON at line " + where.getLineNumber() + ", column " + where.getColumnNumber());
        } catch (JsonException e) {
            throw new InvalidInputException("body", "malformed JSON");
        }
    }

    private static void drain(InputStream entity) throws IOException {
        var sink = new byte[8192];
        long left = DRAIN_BYTES;
        int read;
        while (left > 0 && (read = entity.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= read;
        }
    }
}
