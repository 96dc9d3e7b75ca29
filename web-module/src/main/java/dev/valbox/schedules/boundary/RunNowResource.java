package dev.valbox.schedules.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.execution.boundary.RunResponses;
import dev.valbox.problems.boundary.Params;
import dev.valbox.schedules.control.Scheduler;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Valbox's "Run now" for an interval val: its author runs it at once as a run of its schedule (trigger {@code
 * interval}, with {@code {lastRunAt}}). Answers as the Run API does.
 */
@Path("vals/{val_id}/run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunNowResource {

    @Inject
    Scheduler scheduler;

    @Inject
    CurrentCaller caller;

    @POST
    public Response runNow(@PathParam("val_id") String id) {
        return RunResponses.of(scheduler.runNow(caller.get(), Params.uuid("val_id", id)));
    }
}
