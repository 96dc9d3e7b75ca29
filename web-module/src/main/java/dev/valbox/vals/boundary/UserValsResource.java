package dev.valbox.vals.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.accounts.control.Accounts;
import dev.valbox.problems.boundary.Params;
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

/** A user's vals, as far as the caller may see them; the user itself is {@code accounts.boundary.UsersResource}'s. */
@Path("users/{user_id}/vals")
@Produces(MediaType.APPLICATION_JSON)
public class UserValsResource {

    @Inject
    Accounts accounts;

    @Inject
    Listings listings;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
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
