package dev.valbox.execution.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.control.Runs;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How Eval and Run answer, as in Val Town: the return value as JSON, or {@code 400 {type: "error", error}}. The
 * evaluation id travels in a header so the caller can read the run's logs.
 */
public final class RunResponses {

    static final String EVALUATION_HEADER = "X-Valbox-Evaluation";

    private RunResponses() {}

    public static Response of(Runs.Outcome outcome) {
        var result = outcome.result();
        var builder = result.ok()
                ? Response.ok(result.value().toString(), MediaType.APPLICATION_JSON)
                : Response.status(400)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(JSON.createObjectBuilder()
                                .add("type", "error")
                                .add("error", result.errorLine())
                                .build()
                                .toString());
        return builder.header(EVALUATION_HEADER, outcome.evaluationId().toString())
                .build();
    }
}
