package dev.valbox.accounts.control;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.UnauthenticatedException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a request acts for and what it may do. Anonymous callers have no user and no scopes; a session has every scope
 * (the browser is the user); a token has exactly the scopes it was granted.
 */
public record Caller(User user, Set<Scope> scopes, Via via) {

    public enum Via {
        ANONYMOUS,
        SESSION,
        API_TOKEN,
        VAL_TOKEN
    }

    public static final String MISSING_SCOPE = "Token does not have the required permissions.";

    public static final Caller ANONYMOUS = new Caller(null, EnumSet.noneOf(Scope.class), Via.ANONYMOUS);

    public Caller {
        scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
    }

    public boolean anonymous() {
        return user == null;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public Optional<UUID> userId() {
        return Optional.ofNullable(user).map(User::id);
    }

    public boolean is(User other) {
        return user != null && other != null && user.id().equals(other.id());
    }

    /** Answers 401 to an anonymous caller and 403, naming the scope, to one that lacks it. */
    public void require(Scope scope) {
        if (anonymous()) {
            throw new UnauthenticatedException(
                    "This request needs an API token ('Authorization: Bearer vbx_...') with the '" + scope.wire()
                            + "' scope.");
        }
        if (!has(scope)) {
            throw new ForbiddenException(MISSING_SCOPE + " This request needs the '" + scope.wire() + "' scope.");
        }
    }
}
