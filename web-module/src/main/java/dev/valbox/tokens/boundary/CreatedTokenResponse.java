package dev.valbox.tokens.boundary;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.tokens.control.Tokens;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A token just created, the one time its raw value is shown. */
@JsonbNillable
@JsonbPropertyOrder({"id", "name", "scopes", "expiresAt", "createdAt", "token"})
public record CreatedTokenResponse(
        UUID id, String name, Set<String> scopes, Instant expiresAt, Instant createdAt, String token) {

    public static CreatedTokenResponse from(Tokens.Issued issued) {
        var token = issued.apiToken();
        return new CreatedTokenResponse(
                token.id(),
                token.name(),
                Scope.wires(token.scopes()),
                token.expiresAt(),
                token.createdAt(),
                issued.token());
    }
}
