package dev.valbox.hosting.boundary;

import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.site.control.Site;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Val Town's old Express URLs on the site, {@code /v1/express/{user}.{val}[/rest]}, answer 308 to the val's own
 * host on the run domain, where its pages cannot reach the site's cookies (the val.run lesson).
 */
@Path("express/{target}")
public class LegacyExpressResource {

    private static final Pattern TARGET = Pattern.compile("([a-z][a-z0-9_]{1,29})\\.([A-Za-z_][A-Za-z0-9_]{0,47})");

    @Inject
    Site site;

    @Context
    UriInfo uri;

    @GET
    public Response get(@PathParam("target") String target) {
        return redirect(target, "");
    }

    @POST
    public Response post(@PathParam("target") String target) {
        return redirect(target, "");
    }

    @GET
    @Path("{rest: .*}")
    public Response getRest(@PathParam("target") String target, @PathParam("rest") String rest) {
        return redirect(target, "/" + rest);
    }

    @POST
    @Path("{rest: .*}")
    public Response postRest(@PathParam("target") String target, @PathParam("rest") String rest) {
        return redirect(target, "/" + rest);
    }

    private Response redirect(String target, String rest) {
        var matcher = TARGET.matcher(target);
        if (!matcher.matches()) {
            throw new NotFoundException("no such val");
        }
        var request = uri.getRequestUri();
        var host = matcher.group(1) + "-" + matcher.group(2).toLowerCase() + ".express." + site.runDomain();
        var location = request.getScheme() + "://" + host + (request.getPort() > 0 ? ":" + request.getPort() : "")
                + rest + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
        return Response.status(308).location(URI.create(location)).build();
    }
}
