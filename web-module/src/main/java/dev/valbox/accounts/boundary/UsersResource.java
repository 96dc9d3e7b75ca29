package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @GET
    @Path("{user_id}")
    public UserResponse get(@PathParam("user_id") String id) {
        return UserResponse.from(accounts.getByIdOrUsername(id));
    }
}
