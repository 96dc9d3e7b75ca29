package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A user by name instead of id; a val by name is {@code vals.boundary.ValAliasResource}'s. */
@Path("alias")
@Produces(MediaType.APPLICATION_JSON)
public class AliasResource {

    @Inject
    Accounts accounts;

    @GET
    @Path("{username}")
    public UserResponse user(@PathParam("username") String username) {
        return UserResponse.from(accounts.getByUsername(username));
    }
}
