package dev.valbox.hosting.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.execution.control.RunCache;
import dev.valbox.execution.control.Runs;
import dev.valbox.execution.entity.Trigger;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.tokens.control.Tokens;
import dev.valbox.vals.control.Vals;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import dev.valbox.vals.entity.ValVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * HTTP and Express vals on the run domain. Every privacy but legacy-private is open to anyone with the URL (SPEC
 * §3); a legacy-private endpoint needs its author's API token with {@code val:read}. Like {@link Runs}, a CDI bean
 * and not an EJB: it is on the path of every request to a val, holds no transaction (what it calls opens its own)
 * and the EJB container's interception cost more CPU per request than the rest of the server's work.
 */
@ApplicationScoped
public class Endpoints {

    @Inject
    Vals vals;

    @Inject
    RunCache cache;

    @Inject
    Runs runs;

    @Inject
    Tokens tokens;

    @Inject
    ExpressAdapter express;

    /**
     * Runs the val a run-domain host names with this request ({@code {method, url, headers, body}} as the worker
     * protocol's http call has it). {@code bearer} is the request's bearer token, if any.
     */
    public Runs.Outcome serve(Hosts.Endpoint endpoint, JsonObject request, String bearer) {
        var type = endpoint.express() ? ValType.EXPRESS : ValType.HTTP;
        var version = cache.<Optional<ValVersion>>get(
                        "endpoint:" + endpoint.username() + "/" + Val.key(endpoint.valName()),
                        () -> vals.current(endpoint.username(), endpoint.valName()))
                .filter(v -> v.val().type() == type)
                .orElseThrow(() -> new NotFoundException("no such val"));
        var val = version.val();
        if (val.privacy() == Privacy.LEGACY_PRIVATE) {
            var caller = bearer == null ? Caller.ANONYMOUS : tokens.authenticate(bearer);
            if (!caller.is(val.author()) || !caller.has(Scope.VAL_READ)) {
                throw new UnauthenticatedException("This val needs its author's API token with val:read.");
            }
            // The token opened the endpoint; the val's code, and whatever it imports, never sees it.
            request = withoutAuthorization(request);
        }
        var call = JSON.createObjectBuilder()
                .add("kind", "http")
                .add("request", request)
                .build();
        return runs.serve(
                val,
                version.version(),
                () -> endpoint.express()
                        ? cache.get("express:" + version.id(), () -> express.wrap(runs.graph(version.id())))
                        : runs.graph(version.id()),
                call,
                endpoint.express() ? Trigger.EXPRESS : Trigger.HTTP);
    }

    private static JsonObject withoutAuthorization(JsonObject request) {
        var headers = JSON.createArrayBuilder();
        request.getJsonArray("headers").getValuesAs(JsonArray.class).stream()
                .filter(header -> !header.getString(0).equalsIgnoreCase("authorization"))
                .forEach(headers::add);
        return JSON.createObjectBuilder(request).add("headers", headers).build();
    }
}
