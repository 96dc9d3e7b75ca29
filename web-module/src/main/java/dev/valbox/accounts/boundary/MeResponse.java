package dev.valbox.accounts.boundary;

import dev.valbox.accounts.entity.User;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.UUID;

/** Val Town's profile of the current user, with email. There are no paid tiers on a self-hosted server. */
@JsonbNillable
@JsonbPropertyOrder({"id", "username", "email", "bio", "profileImageUrl", "tier"})
public record MeResponse(UUID id, String username, String email, String bio, String profileImageUrl, String tier) {

    public static MeResponse from(User user) {
        return new MeResponse(user.id(), user.username(), user.email(), user.bio(), null, null);
    }
}
