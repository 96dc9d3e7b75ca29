package dev.valbox.problems.boundary;

import dev.valbox.database.control.Conflicts;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything nobody planned for: logged with its stack under an incident id, answered with only that id. One failure
 * is foreseeable though not planned for in each use case: a concurrent request created the same unique row first,
 * which is a 409 the client can retry.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        if (Conflicts.duplicateKey(e)) {
            return Problem.response(
                    409,
                    "conflict",
                    "Conflict",
                    "Another request created the same thing at the same moment. Try again.",
                    null,
                    uriInfo.getRequestUri().getPath());
        }
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
