package dev.valbox.env.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.database.control.Conflicts;
import dev.valbox.env.control.EnvVars;
import dev.valbox.problems.boundary.JsonFields;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The current user's env vars. Values go in and never come back out. */
@Path("me/env")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnvVarsResource {

    @Inject
    EnvVars envVars;

    @Inject
    CurrentCaller caller;

    @GET
    public List<EnvVarResponse> list() {
        return envVars.list(caller.get()).stream().map(EnvVarResponse::from).toList();
    }

    @PUT
    @Path("{key}")
    public Response put(@PathParam("key") String key, JsonObject body) {
        var value = JsonFields.of(body, "value").requiredString("value");
        // Two first writes of one key at once: the second finds the row the first created and replaces its value.
        Conflicts.retryOnce(Conflicts::duplicateKey, () -> {
            envVars.put(caller.get(), key, value);
            return null;
        });
        return Response.noContent().build();
    }

    @DELETE
    @Path("{key}")
    public Response delete(@PathParam("key") String key) {
        envVars.delete(caller.get(), key);
        return Response.noContent().build();
    }
}
