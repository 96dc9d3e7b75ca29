package dev.valbox.execution.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.execution.control.Evaluations;
import dev.valbox.problems.boundary.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationsResource {

    @Inject
    Evaluations evaluations;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("{evaluation_id}")
    public EvaluationResponse get(@PathParam("evaluation_id") String id) {
        return EvaluationResponse.from(evaluations.get(caller.get(), Params.uuid("evaluation_id", id)));
    }
}
