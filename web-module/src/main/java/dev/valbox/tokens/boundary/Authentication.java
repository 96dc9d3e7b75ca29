package dev.valbox.tokens.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.accounts.boundary.SessionsResource;
import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.control.Sessions;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.tokens.control.Bearer;
import dev.valbox.tokens.control.TokenFormat;
import dev.valbox.tokens.control.Tokens;
import dev.valbox.tokens.control.ValTokens;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides who a request acts for. A bearer token must be valid or the request is refused (401): {@code vbx_...} is an
 * API token, anything else a val token. Without one, the session cookie is used, but a state-changing request counts
 * as the session's only when it carries the session's CSRF token, so a forged cross-site request acts anonymously.
 * Anything else is anonymous; each use case then asks for the scope it needs.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Tokens tokens;

    @Inject
    ValTokens valTokens;

    @Inject
    Sessions sessions;

    @Inject
    CurrentCaller current;

    @Inject
    JsonWebToken jwt;

    @Override
    public void filter(ContainerRequestContext request) {
        var authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            var bearer = Bearer.token(authorization)
                    .orElseThrow(() -> new UnauthenticatedException("Use 'Authorization: Bearer <API token>'."));
            current.set(bearer.startsWith(TokenFormat.PREFIX) ? tokens.authenticate(bearer) : valToken(bearer));
            return;
        }
        var cookie = request.getCookies().get(SessionsResource.SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return;
        }
        sessions.find(cookie.getValue())
                .filter(session -> SAFE_METHODS.contains(request.getMethod())
                        || sameSecret(session.csrfToken(), request.getHeaderString(CSRF_HEADER)))
                .ifPresent(session -> current.set(session.caller()));
    }

    /**
     * MicroProfile JWT has already verified a JWT-shaped bearer value (signature against the val token key, {@code typ},
     * issuer, expiry) before the request got here, through {@link ValTokenMechanism}; when it succeeded, the injected
     * {@link JsonWebToken} is that token.
     */
    private Caller valToken(String bearer) {
        if (bearer.equals(jwt.getRawToken())) {
            return valTokens.authenticate(jwt);
        }
        throw new UnauthenticatedException("The token is neither a valid API token nor a valid, unexpired val token.");
    }

    private static boolean sameSecret(String expected, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
