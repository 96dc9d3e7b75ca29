package dev.valbox.vals.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The privacy matrix of SPEC §3, for viewing and listing. */
class VisibilityTest {

    private final User alice = new User("alice", "alice@example.com", "hash");
    private final User bob = new User("bob", "bob@example.com", "hash");
    private final Caller aliceFull = new Caller(alice, Scope.all(), Caller.Via.API_TOKEN);
    private final Caller aliceNoRead = new Caller(alice, EnumSet.of(Scope.VAL_WRITE), Caller.Via.API_TOKEN);
    private final Caller bobFull = new Caller(bob, Scope.all(), Caller.Via.API_TOKEN);

    private Val val(Privacy privacy) {
        return new Val(alice, "thing", ValType.SCRIPT, privacy, null);
    }

    @ParameterizedTest
    @EnumSource(Privacy.class)
    void theAuthorWithValReadSeesEveryPrivacy(Privacy privacy) {
        assertDoesNotThrow(() -> Visibility.requireViewable(val(privacy), aliceFull));
        assertTrue(Visibility.viewable(val(privacy), aliceFull));
    }

    @ParameterizedTest
    @EnumSource(
            value = Privacy.class,
            names = {"PUBLIC", "UNLISTED"})
    void publicAndUnlistedAreViewableByAnyone(Privacy privacy) {
        assertDoesNotThrow(() -> Visibility.requireViewable(val(privacy), bobFull));
        assertDoesNotThrow(() -> Visibility.requireViewable(val(privacy), Caller.ANONYMOUS));
    }

    @ParameterizedTest
    @EnumSource(
            value = Privacy.class,
            names = {"PRIVATE", "LEGACY_PRIVATE"})
    void privateValsAreNotFoundForEveryoneElse(Privacy privacy) {
        assertThrows(NotFoundException.class, () -> Visibility.requireViewable(val(privacy), bobFull));
        assertThrows(NotFoundException.class, () -> Visibility.requireViewable(val(privacy), Caller.ANONYMOUS));
        assertFalse(Visibility.viewable(val(privacy), bobFull));
    }

    @Test
    void theAuthorsTokenWithoutValReadIsToldWhichScopeIsMissing() {
        assertThrows(ForbiddenException.class, () -> Visibility.requireViewable(val(Privacy.PRIVATE), aliceNoRead));
    }

    @Test
    void onlyPublicValsAreListedToOthers() {
        assertEquals(EnumSet.of(Privacy.PUBLIC), Visibility.listedFor(bobFull, alice));
        assertEquals(EnumSet.of(Privacy.PUBLIC), Visibility.listedFor(Caller.ANONYMOUS, alice));
        assertEquals(EnumSet.of(Privacy.PUBLIC), Visibility.listedFor(aliceNoRead, alice));
        assertEquals(EnumSet.allOf(Privacy.class), Visibility.listedFor(aliceFull, alice));
    }

    @Test
    void changingAValNeedsValWriteAndAuthorship() {
        assertDoesNotThrow(() -> Visibility.requireAuthor(val(Privacy.PRIVATE), aliceFull));
        assertThrows(
                UnauthenticatedException.class, () -> Visibility.requireAuthor(val(Privacy.PUBLIC), Caller.ANONYMOUS));
        assertThrows(ForbiddenException.class, () -> Visibility.requireAuthor(val(Privacy.PUBLIC), bobFull));
        assertThrows(NotFoundException.class, () -> Visibility.requireAuthor(val(Privacy.PRIVATE), bobFull));
        var aliceReadOnly = new Caller(alice, EnumSet.of(Scope.VAL_READ), Caller.Via.API_TOKEN);
        assertThrows(ForbiddenException.class, () -> Visibility.requireAuthor(val(Privacy.PRIVATE), aliceReadOnly));
    }
}
