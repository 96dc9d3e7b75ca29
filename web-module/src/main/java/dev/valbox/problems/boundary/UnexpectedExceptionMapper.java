package dev.valbox.problems.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Everything nobody planned for: logged with its stack under an incident id, answered with only that id. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        var incident = UUID.randomUUID();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Problem.response(
                500,
                "internal",
                "Internal Server Error",
                "Something went wrong on our side (incident " + incident + ").",
                null,
                uriInfo.getRequestUri().getPath());
    }
}
