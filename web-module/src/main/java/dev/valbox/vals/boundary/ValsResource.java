package dev.valbox.vals.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.database.control.Conflicts;
import dev.valbox.execution.boundary.EvaluationResponse;
import dev.valbox.execution.control.Evaluations;
import dev.valbox.problems.boundary.Params;
import dev.valbox.vals.control.Vals;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("vals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ValsResource {

    @Inject
    Vals vals;

    @Inject
    Evaluations evaluations;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    /** Val Town answers a creation with 200 and the val (not 201). */
    @POST
    public ValResponse create(JsonObject body) {
        return ValResponse.from(vals.create(caller.get(), ValRequest.newVal(body)), uri, caller.get());
    }

    @PUT
    public ValResponse createOrSave(JsonObject body) {
        var request = ValRequest.named(body);
        return ValResponse.from(vals.createOrSave(caller.get(), request.name(), request.code()), uri, caller.get());
    }

    @GET
    @Path("{val_id}")
    public ValResponse get(@PathParam("val_id") String id) {
        return ValResponse.from(vals.get(caller.get(), Params.uuid("val_id", id)), uri, caller.get());
    }

    @PUT
    @Path("{val_id}")
    public Response update(@PathParam("val_id") String id, JsonObject body) {
        vals.update(caller.get(), Params.uuid("val_id", id), ValRequest.changes(body));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{val_id}")
    public Response delete(@PathParam("val_id") String id) {
        var valId = Params.uuid("val_id", id);
        // A run of the val that finished a moment ago may be recorded while the val is deleted: delete again, with it.
        Conflicts.retryOnce(Conflicts::newReference, () -> {
            vals.delete(caller.get(), valId);
            return null;
        });
        return Response.noContent().build();
    }

    @GET
    @Path("{val_id}/versions")
    public PageResponse<ValVersionResponse> versions(
            @PathParam("val_id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        var page = vals.versions(
                caller.get(),
                Params.uuid("val_id", id),
                Params.integer("offset", offset, 0),
                Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, ValVersionResponse::from);
    }

    @POST
    @Path("{val_id}/versions")
    public Response saveVersion(@PathParam("val_id") String id, JsonObject body) {
        var version = vals.saveVersion(caller.get(), Params.uuid("val_id", id), ValRequest.newVal(body));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(version.version()))
                        .build())
                .entity(ValResponse.from(version, uri, caller.get()))
                .build();
    }

    @GET
    @Path("{val_id}/versions/{version}")
    public ValResponse getVersion(@PathParam("val_id") String id, @PathParam("version") String version) {
        return ValResponse.from(
                vals.getVersion(caller.get(), Params.uuid("val_id", id), Params.integer("version", version, -1)),
                uri,
                caller.get());
    }

    @DELETE
    @Path("{val_id}/versions/{version}")
    public Response deleteVersion(@PathParam("val_id") String id, @PathParam("version") String version) {
        vals.deleteVersion(caller.get(), Params.uuid("val_id", id), Params.integer("version", version, -1));
        return Response.noContent().build();
    }

    @GET
    @Path("{val_id}/evaluations")
    public PageResponse<EvaluationResponse> evaluations(
            @PathParam("val_id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        var page = evaluations.ofVal(
                caller.get(),
                Params.uuid("val_id", id),
                Params.integer("offset", offset, 0),
                Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, EvaluationResponse::from);
    }

    /** Val Town's answer: {@code {found}} is true when the evaluation was running and is now being stopped. */
    @POST
    @Path("{val_id}/evaluations/{evaluation_id}/cancel")
    public JsonObject cancel(@PathParam("val_id") String id, @PathParam("evaluation_id") String evaluationId) {
        var found =
                evaluations.cancel(caller.get(), Params.uuid("val_id", id), Params.uuid("evaluation_id", evaluationId));
        return JSON.createObjectBuilder().add("found", found).build();
    }
}
