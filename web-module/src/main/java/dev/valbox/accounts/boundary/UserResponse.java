package dev.valbox.accounts.boundary;

import dev.valbox.accounts.entity.User;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.UUID;

/** Val Town's User: what anyone may know about a user. */
@JsonbNillable
@JsonbPropertyOrder({"id", "username", "bio", "profileImageUrl"})
public record UserResponse(UUID id, String username, String bio, String profileImageUrl) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id(), user.username(), user.bio(), null);
    }
}
