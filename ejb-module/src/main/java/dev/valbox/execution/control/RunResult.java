package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.entity.EvaluationStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** How a run ended, as the worker (or the pool, when it had to kill the worker) reported it. */
public record RunResult(EvaluationStatus status, JsonValue value, JsonObject error, JsonArray logs, long wallMs) {

    static RunResult from(JsonObject answer) {
        var status = EvaluationStatus.fromWire(answer.getString("status", "error"));
        return new RunResult(
                status,
                status == EvaluationStatus.OK ? answer.getOrDefault("value", JsonValue.NULL) : JsonValue.NULL,
                answer.containsKey("error") ? answer.getJsonObject("error") : null,
                answer.containsKey("logs") ? answer.getJsonArray("logs") : JsonValue.EMPTY_JSON_ARRAY,
                answer.getJsonNumber("wallMs") == null
                        ? 0
                        : answer.getJsonNumber("wallMs").longValue());
    }

    /** A run that ended without a worker's answer: the server stopped it, or it never reached a worker. */
    public static RunResult failed(EvaluationStatus status, String name, String message, long wallMs) {
        var error = JSON.createObjectBuilder()
                .add("name", name)
                .add("message", message)
                .add("stack", "")
                .build();
        return new RunResult(status, JsonValue.NULL, error, JsonValue.EMPTY_JSON_ARRAY, wallMs);
    }

    public boolean ok() {
        return status == EvaluationStatus.OK;
    }

    /** "Name: message", as a short line for clients. */
    public String errorLine() {
        if (error == null) {
            return status.wire();
        }
        var name = error.getString("name", "Error");
        var message = error.getString("message", "");
        return message.isEmpty() ? name : name + ": " + message;
    }
}
