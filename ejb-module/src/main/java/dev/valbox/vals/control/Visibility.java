package dev.valbox.vals.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC §3: public and unlisted vals are visible to anyone with the id or link; private and legacy-private vals only
 * to their author, and only with {@code val:read}. Listings (profiles, search) show other people only public vals.
 */
public final class Visibility {

    private Visibility() {}

    public static NotFoundException notFound() {
        return new NotFoundException("Val not found");
    }

    public static void requireViewable(Val val, Caller caller) {
        if (val.privacy().viewableByAnyone()) {
            return;
        }
        if (caller.is(val.author())) {
            caller.require(Scope.VAL_READ);
            return;
        }
        throw notFound();
    }

    public static boolean viewable(Val val, Caller caller) {
        return val.privacy().viewableByAnyone() || (caller.is(val.author()) && caller.has(Scope.VAL_READ));
    }

    /** Changing a val takes {@code val:write} and being its author. */
    public static void requireAuthor(Val val, Caller caller) {
        caller.require(Scope.VAL_WRITE);
        if (caller.is(val.author())) {
            return;
        }
        if (val.privacy().viewableByAnyone()) {
            throw new ForbiddenException("Only the author of a val can change it.");
        }
        throw notFound();
    }

    /** The scopes of a val's token are its author's business only, whatever the val's privacy. */
    public static Optional<Set<Scope>> tokenScopesFor(Val val, Caller caller) {
        return caller.is(val.author()) ? Optional.of(val.tokenScopes()) : Optional.empty();
    }

    /** The privacy values of {@code author}'s vals that {@code caller} sees listed. */
    public static Set<Privacy> listedFor(Caller caller, User author) {
        if (caller.is(author) && caller.has(Scope.VAL_READ)) {
            return EnumSet.allOf(Privacy.class);
        }
        return EnumSet.of(Privacy.PUBLIC);
    }
}
