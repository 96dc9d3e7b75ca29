package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The current user. Its (empty) lists of likes, comments and references are {@code vals.boundary.MyListsResource}'s. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @GET
    public MeResponse me() {
        return MeResponse.from(accounts.me(caller.get()));
    }
}
