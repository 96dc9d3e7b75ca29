package dev.valbox.tokens.control;

import dev.valbox.accounts.entity.User;
import java.util.Optional;

/**
 * What a value reported as leaked turned out to be: not one of this server's tokens, one revoked before, or one
 * revoked just now, whose owner is to be told ({@code what} names the token in that notice).
 */
public record Revocation(boolean real, User revokedNowFrom, String what) {

    static final Revocation NOT_OURS = new Revocation(false, null, null);
    static final Revocation BEFORE = new Revocation(true, null, null);

    static Revocation now(User owner, String what) {
        return new Revocation(true, owner, what);
    }

    /** The owner to notify: present only when this report revoked the token. */
    public Optional<User> owner() {
        return Optional.ofNullable(revokedNowFrom);
    }
}
