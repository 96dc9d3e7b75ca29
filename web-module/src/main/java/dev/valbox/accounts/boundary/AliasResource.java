package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import dev.valbox.tokens.boundary.CurrentCaller;
import dev.valbox.vals.boundary.ValResponse;
import dev.valbox.vals.control.Vals;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Users and vals by name instead of id. */
@Path("alias")
@Produces(MediaType.APPLICATION_JSON)
public class AliasResource {

    @Inject
    Accounts accounts;

    @Inject
    Vals vals;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("{username}")
    public UserResponse user(@PathParam("username") String username) {
        return UserResponse.from(accounts.getByUsername(username));
    }

    @GET
    @Path("{username}/{val_name}")
    public ValResponse val(@PathParam("username") String username, @PathParam("val_name") String name) {
        return ValResponse.from(vals.byAlias(caller.get(), accounts.getByUsername(username), name), uri);
    }
}
