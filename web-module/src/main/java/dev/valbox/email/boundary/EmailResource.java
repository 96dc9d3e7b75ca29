package dev.valbox.email.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.email.control.Emails;
import dev.valbox.email.control.OutgoingEmail;
import dev.valbox.problems.boundary.Params;
import dev.valbox.vals.boundary.PageResponse;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Val Town's email API: {@code POST} sends (answering {@code {message}} with 200, as Val Town does), and Valbox's
 * {@code GET} lists what the caller sent or keeps in the outbox.
 */
@Path("email")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

    @Inject
    Emails emails;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject send(JsonObject body) {
        var sent = emails.send(caller.get(), OutgoingEmail.from(body));
        return JSON.createObjectBuilder()
                .add("message", sent.status().message())
                .build();
    }

    @GET
    public PageResponse<EmailResponse> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        var page = emails.list(caller.get(), Params.integer("offset", offset, 0), Params.integer("limit", limit, 20));
        return PageResponse.of(page, uri, EmailResponse::from);
    }
}
