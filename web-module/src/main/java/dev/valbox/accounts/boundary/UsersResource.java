package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import dev.valbox.problems.boundary.Params;
import dev.valbox.tokens.boundary.CurrentCaller;
import dev.valbox.vals.boundary.PageResponse;
import dev.valbox.vals.boundary.ValResponse;
import dev.valbox.vals.control.Listings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    Listings listings;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("{user_id}")
    public UserResponse get(@PathParam("user_id") String id) {
        return UserResponse.from(accounts.getByIdOrUsername(id));
    }

    @GET
    @Path("{user_id}/vals")
    public PageResponse<ValResponse> vals(
            @PathParam("user_id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        var page = listings.byAuthor(
                caller.get(),
                accounts.getByIdOrUsername(id),
                Params.integer("offset", offset, 0),
                Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, version -> ValResponse.from(version, uri));
    }
}
