package dev.valbox.execution.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.execution.control.Runs;
import dev.valbox.problems.boundary.JsonFields;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
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

/** Val Town's Run API: {@code /v1/run/{username}.{valname}} calls a script or rpc val's exported function. */
@Path("run/{valname}")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    Runs runs;

    @Inject
    CurrentCaller caller;

    @GET
    public Response get(@PathParam("valname") String valname, @QueryParam("args") String args) {
        return run(valname, Args.fromQuery(args));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("valname") String valname, JsonObject body) {
        JsonFields.of(body, "args");
        return run(valname, Args.fromBody(body));
    }

    private Response run(String valname, JsonArray args) {
        var dot = valname.indexOf('.');
        if (dot < 1 || dot == valname.length() - 1 || valname.indexOf('.', dot + 1) >= 0) {
            throw new InvalidInputException("valname", "valname must be username.valname");
        }
        return RunResponses.of(runs.run(caller.get(), valname.substring(0, dot), valname.substring(dot + 1), args));
    }
}
