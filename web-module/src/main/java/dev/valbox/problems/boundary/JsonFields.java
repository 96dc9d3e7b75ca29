package dev.valbox.problems.boundary;

import dev.valbox.problems.entity.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed, strict access to a request object: unknown fields and wrong types are refused with the field's name. A
 * field that is absent or JSON null reads as null.
 */
public final class JsonFields {

    private final JsonObject json;

    private JsonFields(JsonObject json) {
        this.json = json;
    }

    public static JsonFields of(JsonObject json, String... allowed) {
        var known = Set.of(allowed);
        json.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw new InvalidInputException(
                    name, "unknown field '" + name + "'; allowed: " + String.join(", ", allowed));
        });
        return new JsonFields(json);
    }

    public String string(String name) {
        var value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException(name, name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    public String requiredString(String name) {
        var value = string(name);
        if (value == null) {
            throw new InvalidInputException(name, name + " is required");
        }
        return value;
    }

    public List<String> requiredStrings(String name) {
        var strings = strings(name);
        if (strings == null) {
            throw new InvalidInputException(name, name + " is required");
        }
        return strings;
    }

    public List<String> strings(String name) {
        var value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException(name, name + " must be an array of strings");
        }
        var strings = new ArrayList<String>();
        for (var item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidInputException(name, name + " must be an array of strings");
            }
            strings.add(((JsonString) item).getString());
        }
        return strings;
    }

    public Instant instant(String name) {
        var text = string(name);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        }
    }
}
