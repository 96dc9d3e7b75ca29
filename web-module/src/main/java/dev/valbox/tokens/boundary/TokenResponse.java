package dev.valbox.tokens.boundary;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.tokens.entity.ApiToken;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token as listed: never its value. */
@JsonbNillable
@JsonbPropertyOrder({"id", "name", "scopes", "createdAt", "expiresAt", "lastUsedAt"})
public record TokenResponse(
        UUID id, String name, Set<String> scopes, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

    public static TokenResponse from(ApiToken token) {
        return new TokenResponse(
                token.id(),
                token.name(),
                Scope.wires(token.scopes()),
                token.createdAt(),
                token.expiresAt(),
                token.lastUsedAt());
    }
}
