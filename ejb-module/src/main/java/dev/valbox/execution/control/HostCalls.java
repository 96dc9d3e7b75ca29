package dev.valbox.execution.control;

import dev.valbox.problems.entity.ValboxException;
import dev.valbox.tokens.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers a worker's {@code call} frames by handing them to the {@link HostService} they name. */
@ApplicationScoped
public class HostCalls {

    private static final Logger LOG = Logger.getLogger(HostCalls.class.getName());

    @Inject
    @Any
    Instance<HostService> services;

    /** The {@code reply} frame for one {@code call} frame made by a run acting as {@code caller}. */
    public JsonObject answer(Caller caller, JsonObject call) {
        var callId = call.getJsonNumber("callId").longValue();
        var service = call.getString("service", "");
        var dot = service.indexOf('.');
        var name = dot < 0 ? service : service.substring(0, dot);
        var operation = dot < 0 ? "" : service.substring(dot + 1);
        try {
            var target = services.stream().filter(s -> s.name().equals(name)).findFirst();
            if (target.isEmpty()) {
                return failure(callId, "TypeError", "there is no service '" + service + "'");
            }
            var value = target.get().call(caller, operation, call.getOrDefault("args", JsonValue.NULL));
            return Json.createObjectBuilder()
                    .add("op", "reply")
                    .add("callId", callId)
                    .add("ok", true)
                    .add("value", value == null ? JsonValue.NULL : value)
                    .build();
        } catch (ValboxException e) {
            return failure(callId, errorName(e), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "host call " + service + " failed", e);
            return failure(callId, "Error", "the " + name + " service failed; try again");
        }
    }

    private static String errorName(ValboxException e) {
        return switch (e.kind()) {
            case INVALID -> "TypeError";
            case NOT_FOUND -> "NotFoundError";
            case UNAUTHENTICATED, FORBIDDEN -> "PermissionError";
            default -> "Error";
        };
    }

    static JsonObject failure(long callId, String name, String message) {
        return Json.createObjectBuilder()
                .add("op", "reply")
                .add("callId", callId)
                .add("ok", false)
                .add("error", Json.createObjectBuilder().add("name", name).add("message", message))
                .build();
    }
}
