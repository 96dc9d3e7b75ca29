package dev.valbox.tokens.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.problems.boundary.JsonFields;
import dev.valbox.problems.boundary.Params;
import dev.valbox.tokens.control.Tokens;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

@Path("me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    Tokens tokens;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    public List<TokenResponse> list() {
        return tokens.list(caller.get()).stream().map(TokenResponse::from).toList();
    }

    @POST
    public Response create(JsonObject body) {
        var fields = JsonFields.of(body, "name", "scopes", "expiresAt");
        var scopes = fields.requiredStrings("scopes").stream()
                .map(wire -> Scope.fromWire("scopes", wire))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        var issued = tokens.create(caller.get(), fields.requiredString("name"), scopes, fields.instant("expiresAt"));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(issued.apiToken().id().toString())
                        .build())
                .entity(CreatedTokenResponse.from(issued))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(caller.get(), Params.uuid("id", id));
        return Response.noContent().build();
    }
}
