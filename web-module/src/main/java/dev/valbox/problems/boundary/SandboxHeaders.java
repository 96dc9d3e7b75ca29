package dev.valbox.problems.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything the API returns can hold user-controlled text (code, names, logs). A browser that is tricked into
 * rendering it gets a sandboxed, unsniffed document that can run nothing and reach nothing of the site.
 */
@Provider
public class SandboxHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders()
                .putSingle("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
