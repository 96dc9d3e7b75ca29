package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.problems.entity.ValboxException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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

    /** The service a worker calls for the run's val token, the first time the val reads it. */
    static final String VAL_TOKEN_SERVICE = "valtown.token";

    /** The {@code reply} frame for one {@code call} frame made by a run acting as {@code identity}. */
    public JsonObject answer(RunIdentity identity, JsonObject call) {
        var callId = call.getJsonNumber("callId").longValue();
        var service = call.getString("service", "");
        if (service.equals(VAL_TOKEN_SERVICE)) {
            return identity.hasValToken()
                    ? value(callId, JSON.createValue(identity.valToken().get()))
                    : failure(callId, "PermissionError", "this run has no val token");
        }
        var caller = identity.caller();
        var dot = service.indexOf('.');
        var name = dot < 0 ? service : service.substring(0, dot);
        var operation = dot < 0 ? "" : service.substring(dot + 1);
        try {
            var target = services.stream().filter(s -> s.name().equals(name)).findFirst();
            if (target.isEmpty()) {
                return failure(callId, "TypeError", "there is no service '" + service + "'");
            }
            return value(callId, target.get().call(caller, operation, call.getOrDefault("args", JsonValue.NULL)));
        } catch (ValboxException e) {
            return failure(callId, e.kind().scriptError(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "host call " + service + " failed", e);
            return failure(callId, "Error", "the " + name + " service failed; try again");
        }
    }

    private static JsonObject value(long callId, JsonValue value) {
        return JSON.createObjectBuilder()
                .add("op", "reply")
                .add("callId", callId)
                .add("ok", true)
                .add("value", value == null ? JsonValue.NULL : value)
                .build();
    }

    static JsonObject failure(long callId, String name, String message) {
        return JSON.createObjectBuilder()
                .add("op", "reply")
                .add("callId", callId)
                .add("ok", false)
                .add("error", JSON.createObjectBuilder().add("name", name).add("message", message))
                .build();
    }
}
