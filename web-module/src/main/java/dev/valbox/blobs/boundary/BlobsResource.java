package dev.valbox.blobs.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.blobs.control.Blobs;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Date;
import java.util.List;

/**
 * Val Town's blob API. Keys are opaque and may hold {@code /}: clients send them URL-encoded ({@code %2F}), and the
 * path template takes the rest of the path either way. Bodies are raw bytes of any content type, streamed both ways.
 */
@Path("blob")
public class BlobsResource {

    /** The key is everything after {@code /v1/blob/}, slashes included. */
    private static final String KEY = "{key: .+}";

    @Inject
    Blobs blobs;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<BlobResponse> list(@QueryParam("prefix") String prefix) {
        return blobs.list(caller.get(), prefix).stream().map(BlobResponse::from).toList();
    }

    /** Any Accept header gets the bytes: a blob has no other representation. */
    @GET
    @Path(KEY)
    public Response get(@PathParam("key") String key) {
        var content = blobs.read(caller.get(), key);
        return Response.ok(content.bytes(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, content.blob().size())
                .lastModified(Date.from(content.blob().lastModified()))
                .build();
    }

    @POST
    @Path(KEY)
    @Consumes(MediaType.WILDCARD)
    public Response store(@PathParam("key") String key, @Context HttpHeaders headers, InputStream body) {
        // getLength() is -1 when the client sent no (valid) Content-Length; the count while storing is what is
        // enforced.
        blobs.store(caller.get(), key, body, headers.getLength());
        return Response.created(uri.getRequestUri()).build();
    }

    @DELETE
    @Path(KEY)
    public Response delete(@PathParam("key") String key) {
        blobs.delete(caller.get(), key);
        return Response.noContent().build();
    }
}
