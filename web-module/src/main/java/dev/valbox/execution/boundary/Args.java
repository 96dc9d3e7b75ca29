package dev.valbox.execution.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.problems.entity.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** The arguments of Eval and Run: a JSON array, in a body field or in the {@code args} query parameter. */
final class Args {

    private Args() {}

    static JsonArray fromBody(JsonObject body) {
        var args = body.get("args");
        if (args == null || args.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (args.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("args", "args must be an array");
        }
        return args.asJsonArray();
    }

    /** {@code ?args=[1,"a"]}; a single JSON value is one argument, as Val Town's run endpoint took it. */
    static JsonArray fromQuery(String args) {
        if (args == null || args.isEmpty()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (var reader = JSON.createReader(new StringReader(args))) {
            var value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.ARRAY
                    ? value.asJsonArray()
                    : JSON.createArrayBuilder().add(value).build();
        } catch (JsonException e) {
            throw new InvalidInputException("args", "args must be JSON, such as [1, \"two\"]");
        }
    }
}
