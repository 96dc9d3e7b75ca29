package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Sessions;
import dev.valbox.problems.boundary.JsonFields;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * Browser login. The session cookie is host-only (no Domain attribute, so it never reaches the run domain or any
 * other subdomain), HttpOnly, SameSite=Lax, and Secure over https.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** The cookie holding the session; {@code tokens.boundary.Authentication} reads it on every API request. */
    public static final String SESSION_COOKIE = "valbox_session";

    /** The CSRF token must be sent back in {@code X-CSRF-Token} on every state-changing request. */
    public record LoginResponse(MeResponse user, String csrfToken) {}

    @Inject
    Sessions sessions;

    @Context
    UriInfo uri;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(JsonObject body) {
        var fields = JsonFields.of(body, "username", "password");
        var login = sessions.login(fields.requiredString("username"), fields.requiredString("password"));
        var maxAge = Duration.between(Instant.now(), login.expiresAt()).toSeconds();
        return Response.ok(new LoginResponse(MeResponse.from(login.user()), login.csrfToken()))
                .cookie(cookie(login.cookieValue(), (int) maxAge))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(SESSION_COOKIE) String session) {
        if (session != null && !session.isEmpty()) {
            sessions.logout(session);
        }
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(SESSION_COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
