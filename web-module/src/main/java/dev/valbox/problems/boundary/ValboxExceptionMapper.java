package dev.valbox.problems.boundary;

import dev.valbox.problems.entity.BusyException;
import dev.valbox.problems.entity.ValboxException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders domain errors. The kind decides the status; the detail is written for the person reading it. */
@Provider
public class ValboxExceptionMapper implements ExceptionMapper<ValboxException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ValboxException e) {
        var response =
                switch (e.kind()) {
                    case INVALID -> problem(400, "invalid", "Invalid request", e);
                    case UNAUTHENTICATED -> problem(401, "unauthenticated", "Unauthorized", e);
                    case FORBIDDEN -> problem(403, "forbidden", "Forbidden", e);
                    case NOT_FOUND -> problem(404, "not-found", "Not Found", e);
                    case CONFLICT -> problem(409, "conflict", "Conflict", e);
                    case LIMIT -> problem(409, "limit", "Limit reached", e);
                    case TOO_LARGE -> problem(413, "too-large", "Content Too Large", e);
                    case UNAVAILABLE -> problem(503, "unavailable", "Service Unavailable", e);
                };
        if (e instanceof BusyException busy) {
            return Response.fromResponse(response)
                    .header("Retry-After", busy.retryAfterSeconds())
                    .build();
        }
        if (e.kind() == ValboxException.Kind.UNAUTHENTICATED) {
            return Response.fromResponse(response)
                    .header("WWW-Authenticate", "Bearer realm=\"valbox\"")
                    .build();
        }
        return response;
    }

    private Response problem(int status, String slug, String title, ValboxException e) {
        return Problem.response(
                status,
                slug,
                title,
                e.getMessage(),
                e.field(),
                e.code(),
                uriInfo.getRequestUri().getPath());
    }
}
