package dev.valbox.vals.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.accounts.control.Accounts;
import dev.valbox.problems.boundary.Params;
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

/**
 * The current user's likes, comments and references. They do not exist in Valbox yet, so their pages are empty; the
 * user itself is {@code accounts.boundary.MeResource}'s.
 */
@Path("me/{list: likes|comments|references}")
@Produces(MediaType.APPLICATION_JSON)
public class MyListsResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    public PageResponse<JsonObject> emptyList(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        accounts.me(caller.get());
        Page<JsonObject> page = Page.empty(Params.integer("offset", offset, 0), Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, item -> item);
    }
}
