package dev.valbox.execution.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** The compiler's answer for one source: the code workers run, its imports, and any syntax errors. */
public record Compilation(boolean ok, String code, List<String> imports, JsonArray diagnostics) {

    static Compilation from(JsonObject answer) {
        return new Compilation(
                answer.getBoolean("ok", false),
                answer.getString("code", ""),
                answer.getJsonArray("imports") == null
                        ? List.of()
                        : answer.getJsonArray("imports").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList(),
                answer.getJsonArray("diagnostics") == null
                        ? JsonValue.EMPTY_JSON_ARRAY
                        : answer.getJsonArray("diagnostics"));
    }
}
