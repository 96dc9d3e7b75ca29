package dev.valbox.tokens.boundary;

import dev.valbox.tokens.control.Bearer;
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
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
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
    private static final String AUTHORIZATION = "Authorization";

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism microProfileJwt;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        var token = Bearer.token(request.getHeader(AUTHORIZATION))
                .filter(t -> COMPACT_JWS.matcher(t).matches());
        if (token.isEmpty()) {
            return context.doNothing();
        }
        var canonical = canonicalScheme(request, token.get());
        return microProfileJwt().validateRequest(canonical, response, new HttpMessageContextWrapper(context) {
            @Override
            public AuthenticationStatus responseUnauthorized() {
                return doNothing();
            }
        });
    }

    /**
     * The request as Payara's JWT reader expects it: that reader only knows the scheme spelled {@code Bearer}, while
     * RFC 9110 makes it case-insensitive ({@code bearer ...} is as valid, and {@link Bearer} reads both).
     */
    private static HttpServletRequest canonicalScheme(HttpServletRequest request, String token) {
        var canonical = "Bearer " + token;
        if (canonical.equals(request.getHeader(AUTHORIZATION))) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? canonical : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(canonical))
                        : super.getHeaders(name);
            }
        };
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
