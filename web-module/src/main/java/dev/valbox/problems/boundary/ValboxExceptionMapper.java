package dev.valbox.problems.boundary;

import dev.valbox.problems.entity.ValboxException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Renders domain errors as problem+json. The kind decides the status, type and title ({@link ValboxException.Kind});
 * the detail is written for the person reading it.
 */
@Provider
public class ValboxExceptionMapper implements ExceptionMapper<ValboxException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ValboxException e) {
        var kind = e.kind();
        var response = Response.fromResponse(Problem.response(
                kind.status(),
                kind.slug(),
                kind.title(),
                e.getMessage(),
                e.field(),
                e.code(),
                uriInfo.getRequestUri().getPath()));
        PlainText.headers(e).forEach(response::header);
        return response.build();
    }
}
