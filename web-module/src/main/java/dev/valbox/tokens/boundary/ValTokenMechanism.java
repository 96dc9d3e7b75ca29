package dev.valbox.tokens.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

/**
 * Lets MicroProfile JWT verify val tokens and nothing else. Payara's MP-JWT mechanism validates the bearer value of
 * every request, protected or not, and itself answers 401 (an HTML error page) when the value is not a valid JWT: an
 * API token ({@code vbx_...}), on the API or on the run domain, would never reach the application. This alternative
 * takes its place in the container, passes it only bearer values shaped like a JWT, and turns its refusal into "no
 * caller", so that {@link Authentication} answers a bad token with the API's own 401 problem.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ValTokenMechanism implements HttpAuthenticationMechanism {

    /** A compact JWS: three base64url parts. Anything else never wakes the JWT machinery (nor its logging). */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism microProfileJwt;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        var authorization = request.getHeader("Authorization");
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || !COMPACT_JWS.matcher(authorization.substring(7)).matches()) {
            return context.doNothing();
        }
        return microProfileJwt().validateRequest(request, response, new HttpMessageContextWrapper(context) {
            @Override
            public AuthenticationStatus responseUnauthorized() {
                return doNothing();
            }
        });
    }

    /** The mechanism {@code @LoginConfig(authMethod = "MP-JWT")} installed: the one bean of the type that is not this. */
    private HttpAuthenticationMechanism microProfileJwt() {
        var mechanism = microProfileJwt;
        if (mechanism == null) {
            var bean = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(candidate -> !candidate.getBeanClass().equals(ValTokenMechanism.class))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("MicroProfile JWT's mechanism is missing: the application needs"
                                    + " @LoginConfig(authMethod = \"MP-JWT\")"));
            mechanism = (HttpAuthenticationMechanism)
                    beans.getReference(bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
            microProfileJwt = mechanism;
        }
        return mechanism;
    }
}
