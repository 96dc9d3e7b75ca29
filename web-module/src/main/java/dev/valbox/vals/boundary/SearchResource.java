package dev.valbox.vals.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.problems.boundary.Params;
import dev.valbox.vals.control.Listings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    Listings listings;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("vals")
    public PageResponse<ValResponse> vals(
            @QueryParam("query") String query, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        var page = listings.search(
                caller.get(), query, Params.integer("offset", offset, 0), Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, version -> ValResponse.from(version, uri));
    }
}
