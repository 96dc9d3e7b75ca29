package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Accounts;
import dev.valbox.problems.boundary.JsonFields;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("signup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignupResource {

    /** The new user and an API token with every scope. */
    public record SignupResponse(MeResponse user, String token) {}

    @Inject
    Accounts accounts;

    @Context
    UriInfo uri;

    @POST
    public Response signup(JsonObject body) {
        var fields = JsonFields.of(body, "username", "email", "password");
        var signedUp = accounts.signup(
                fields.requiredString("username"), fields.requiredString("email"), fields.requiredString("password"));
        return Response.created(uri.getBaseUriBuilder()
                        .path("users")
                        .path(signedUp.user().id().toString())
                        .build())
                .entity(new SignupResponse(MeResponse.from(signedUp.user()), signedUp.token()))
                .build();
    }
}
