package dev.valbox.problems.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body. {@code message} repeats {@code detail} because Val Town clients read it; {@code field}
 * names the request field at fault when there is one; {@code code} is there for clients that expect one, such as
 * libSQL's {@code SQLITE_CONSTRAINT} (with {@code message}, the error body a libSQL client reads).
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "message", "field", "code"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String message,
        String field,
        String code) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(
            int status, String slug, String title, String detail, String field, String instance) {
        return response(status, slug, title, detail, field, null, instance);
    }

    public static Response response(
            int status, String slug, String title, String detail, String field, String code, String instance) {
        var problem = new Problem("urn:valbox:problem:" + slug, title, status, detail, instance, detail, field, code);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
