package dev.valbox.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.UnauthenticatedException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final User alice = new User("alice", "alice@example.com", "hash");

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        assertThrows(UnauthenticatedException.class, () -> Caller.ANONYMOUS.require(Scope.VAL_READ));
    }

    @Test
    void aMissingScopeIsForbiddenAndNamed() {
        var caller = new Caller(alice, EnumSet.of(Scope.VAL_WRITE), Caller.Via.API_TOKEN);
        var e = assertThrows(ForbiddenException.class, () -> caller.require(Scope.VAL_READ));
        assertTrue(e.getMessage().startsWith("Token does not have the required permissions."));
        assertTrue(e.getMessage().contains("val:read"));
    }

    @Test
    void writeDoesNotImplyRead() {
        for (var pair : new Scope[][] {
            {Scope.VAL_WRITE, Scope.VAL_READ},
            {Scope.USER_WRITE, Scope.USER_READ},
            {Scope.BLOB_WRITE, Scope.BLOB_READ},
            {Scope.SQLITE_WRITE, Scope.SQLITE_READ},
            {Scope.EMAIL_WRITE, Scope.EMAIL_READ}
        }) {
            var caller = new Caller(alice, EnumSet.of(pair[0]), Caller.Via.API_TOKEN);
            assertThrows(ForbiddenException.class, () -> caller.require(pair[1]));
            caller.require(pair[0]);
        }
    }

    @Test
    void scopesRoundTripThroughTheirStoredForm() {
        assertEquals(Scope.all(), Scope.split(Scope.join(Scope.all())));
        assertEquals(Set.of(), Scope.split(""));
        assertEquals("val:read blob:write", Scope.join(EnumSet.of(Scope.BLOB_WRITE, Scope.VAL_READ)));
        assertEquals(10, Scope.all().size());
    }

    @Test
    void unknownScopesAreRefusedNamingTheField() {
        var e = assertThrows(InvalidInputException.class, () -> Scope.fromWire("scopes", "val:admin"));
        assertEquals("scopes", e.field());
    }
}
