package dev.valbox.execution.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.entity.Evaluation;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** One run of a val: what ran, why, how it ended, its logs, error (JS stack only) and return value. */
@JsonbNillable
@JsonbPropertyOrder({
    "id",
    "valId",
    "version",
    "trigger",
    "status",
    "startedAt",
    "durationMs",
    "logs",
    "error",
    "returnValue"
})
public record EvaluationResponse(
        UUID id,
        UUID valId,
        Integer version,
        String trigger,
        String status,
        Instant startedAt,
        Long durationMs,
        JsonValue logs,
        JsonValue error,
        JsonValue returnValue) {

    public static EvaluationResponse from(Evaluation e) {
        return new EvaluationResponse(
                e.id(),
                e.val() == null ? null : e.val().id(),
                e.valVersion(),
                e.trigger().wire(),
                e.status().wire(),
                e.startedAt(),
                e.durationMs(),
                json(e.logs(), JsonValue.EMPTY_JSON_ARRAY),
                json(e.error(), JsonValue.NULL),
                json(e.returnValue(), JsonValue.NULL));
    }

    private static JsonValue json(String text, JsonValue fallback) {
        if (text == null) {
            return fallback;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
