package dev.valbox.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Keeps the JAX-RS runtime's own answers (404 unknown path, 405, 406, 415) but as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        var status = e.getResponse().getStatusInfo();
        var detail =
                switch (status.getStatusCode()) {
                    case 404 -> "No such endpoint.";
                    case 405 -> "This endpoint does not support this method.";
                    case 406 -> "This endpoint answers application/json.";
                    case 415 -> "Send the body as application/json.";
                    default -> status.getReasonPhrase();
                };
        var response = Problem.response(
                status.getStatusCode(),
                status.getReasonPhrase().toLowerCase().replace(' ', '-'),
                status.getReasonPhrase(),
                detail,
                null,
                uriInfo.getRequestUri().getPath());
        var allow = e.getResponse().getHeaderString("Allow");
        return allow == null
                ? response
                : Response.fromResponse(response).header("Allow", allow).build();
    }
}
