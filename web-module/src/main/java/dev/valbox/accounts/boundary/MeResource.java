package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import dev.valbox.problems.boundary.Params;
import dev.valbox.tokens.boundary.CurrentCaller;
import dev.valbox.vals.boundary.PageResponse;
import dev.valbox.vals.control.Page;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The current user. Likes, comments and references do not exist in Valbox yet, so their pages are empty. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    public MeResponse me() {
        return MeResponse.from(accounts.me(caller.get()));
    }

    @GET
    @Path("{list: likes|comments|references}")
    public PageResponse<JsonObject> emptyList(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        accounts.me(caller.get());
        Page<JsonObject> page = Page.empty(Params.integer("offset", offset, 0), Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, item -> item);
    }
}
