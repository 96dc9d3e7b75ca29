package dev.valbox.vals.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.accounts.control.Accounts;
import dev.valbox.vals.control.Vals;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** A val by its author's username and its own name; the user alone is {@code accounts.boundary.AliasResource}'s. */
@Path("alias/{username}/{val_name}")
@Produces(MediaType.APPLICATION_JSON)
public class ValAliasResource {

    @Inject
    Accounts accounts;

    @Inject
    Vals vals;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    public ValResponse val(@PathParam("username") String username, @PathParam("val_name") String name) {
        return ValResponse.from(vals.byAlias(caller.get(), accounts.getByUsername(username), name), uri);
    }
}
