package dev.valbox.execution.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.execution.control.Runs;
import dev.valbox.problems.boundary.JsonFields;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Runs code without saving it. Anonymous callers get no env; a token needs val:write and runs as its user. */
@Path("eval")
@Produces(MediaType.APPLICATION_JSON)
public class EvalResource {

    @Inject
    Runs runs;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("{code}")
    public Response get(@PathParam("code") String code, @QueryParam("args") String args) {
        return RunResponses.of(runs.eval(caller.get(), code, Args.fromQuery(args)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(JsonObject body) {
        var fields = JsonFields.of(body, "code", "args");
        return RunResponses.of(runs.eval(caller.get(), fields.requiredString("code"), Args.fromBody(body)));
    }
}
