package dev.valbox.sqlite.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.sqlite.entity.BatchMode;
import dev.valbox.sqlite.entity.SqliteResult;
import dev.valbox.sqlite.entity.SqliteStatement;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The JSON of the SQLite API, shared by the REST resource and the vals' host service so that both read and answer
 * exactly the same bodies: {@code {statement}} and {@code {statements, mode}} in, libSQL {@code ResultSet}s out. A
 * statement is an SQL string or {@code {sql, args}}; values are strings, numbers (integral ones are SQLite integers),
 * booleans (1 and 0), null, and, beyond the OpenAPI document, blobs as {@code {"base64": "..."}}, which is also how
 * blobs come back.
 */
public final class SqliteJson {

    /** A batch request: its statements and its transaction mode. */
    public record Batch(List<SqliteStatement> statements, BatchMode mode) {}

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private SqliteJson() {}

    /** The body of {@code execute}: {@code {"statement": ...}}. */
    public static SqliteStatement execute(JsonObject body) {
        allowOnly(body, "statement");
        return statement("statement", required(body, "statement"));
    }

    /** The body of {@code batch}: {@code {"statements": [...], "mode": "write" | "read" | "deferred"}}. */
    public static Batch batch(JsonObject body) {
        allowOnly(body, "statements", "mode");
        var list = required(body, "statements");
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("statements", "statements must be an array of statements");
        }
        var statements = new ArrayList<SqliteStatement>();
        for (var item : list.asJsonArray()) {
            statements.add(statement("statements[" + statements.size() + "]", item));
        }
        var mode = body.get("mode");
        if (mode != null
                && mode.getValueType() != JsonValue.ValueType.NULL
                && mode.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException("mode", "mode must be a string");
        }
        return new Batch(statements, BatchMode.fromWire("mode", mode instanceof JsonString s ? s.getString() : null));
    }

    static SqliteStatement statement(String field, JsonValue json) {
        if (json instanceof JsonString sql) {
            return new SqliteStatement(sql.getString(), List.of(), null);
        }
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(field, field + " must be an SQL string or an object {sql, args}");
        }
        var object = json.asJsonObject();
        allowOnlyIn(field, object, "sql", "args");
        if (!(object.get("sql") instanceof JsonString sql)) {
            throw new InvalidInputException(field + ".sql", field + ".sql must be a string");
        }
        var args = object.getOrDefault("args", JsonValue.NULL);
        return switch (args.getValueType()) {
            case NULL -> new SqliteStatement(sql.getString(), List.of(), null);
            case ARRAY -> {
                var values = new ArrayList<>();
                for (var arg : args.asJsonArray()) {
                    values.add(value(field + ".args[" + values.size() + "]", arg));
                }
                yield new SqliteStatement(sql.getString(), values, null);
            }
            case OBJECT -> {
                var values = new LinkedHashMap<String, Object>();
                args.asJsonObject().forEach((name, arg) -> values.put(name, value(field + ".args." + name, arg)));
                yield new SqliteStatement(sql.getString(), null, values);
            }
            default -> throw new InvalidInputException(
                    field + ".args", field + ".args must be an array (for ?) or an object (for :name)");
        };
    }

    private static Object value(String field, JsonValue json) {
        return switch (json.getValueType()) {
            case NULL -> null;
            case TRUE -> 1L;
            case FALSE -> 0L;
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> {
                // Written without a fraction (7, 1e2): an integer, as SQLite reads such a literal. 7.0 is a real.
                var number = ((JsonNumber) json).bigDecimalValue();
                if (number.scale() <= 0) {
                    try {
                        yield number.longValueExact();
                    } catch (ArithmeticException tooBig) {
                        // falls through to a real, as SQLite does with an integer literal out of range
                    }
                }
                yield number.doubleValue();
            }
            case OBJECT -> {
                var object = json.asJsonObject();
                if (object.size() == 1 && object.get("base64") instanceof JsonString base64) {
                    try {
                        yield Base64.getDecoder().decode(base64.getString());
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(field, field + ".base64 is not valid base64");
                    }
                }
                throw new InvalidInputException(
                        field, field + " must be a string, number, boolean, null or a blob {\"base64\": \"...\"}");
            }
            default -> throw new InvalidInputException(
                    field, field + " must be a string, number, boolean, null or a blob {\"base64\": \"...\"}");
        };
    }

    public static JsonArray results(List<SqliteResult> results) {
        var array = JSON.createArrayBuilder();
        results.forEach(r -> array.add(result(r)));
        return array.build();
    }

    public static JsonObject result(SqliteResult result) {
        var rows = JSON.createArrayBuilder();
        for (var row : result.rows()) {
            var values = JSON.createArrayBuilder();
            row.forEach(v -> values.add(json(v)));
            rows.add(values);
        }
        var id = result.lastInsertRowid();
        return JSON.createObjectBuilder()
                .add("columns", JSON.createArrayBuilder(result.columns()))
                .add("columnTypes", JSON.createArrayBuilder(result.columnTypes()))
                .add("rows", rows)
                .add("rowsAffected", result.rowsAffected())
                .add(
                        "lastInsertRowid",
                        id == null
                                ? JsonValue.NULL
                                : Math.abs(id) <= MAX_SAFE_INTEGER
                                        ? JSON.createValue(id)
                                        : JSON.createValue(id.toString()))
                .build();
    }

    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof Double d) {
            // JSON has no infinities (SQLite's 1e999): they come back as null.
            return Double.isFinite(d) ? JSON.createValue(d) : JsonValue.NULL;
        }
        if (value instanceof byte[] bytes) {
            return JSON.createObjectBuilder()
                    .add("base64", Base64.getEncoder().encodeToString(bytes))
                    .build();
        }
        return JSON.createValue(value.toString());
    }

    private static JsonValue required(JsonObject body, String name) {
        var value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidInputException(name, name + " is required");
        }
        return value;
    }

    private static void allowOnly(JsonObject object, String... allowed) {
        allowOnlyIn(null, object, allowed);
    }

    private static void allowOnlyIn(String prefix, JsonObject object, String... allowed) {
        var known = Set.of(allowed);
        for (var name : object.keySet()) {
            if (!known.contains(name)) {
                var field = prefix == null ? name : prefix + "." + name;
                throw new InvalidInputException(
                        field, "unknown field '" + field + "'; allowed: " + String.join(", ", allowed));
            }
        }
    }
}
