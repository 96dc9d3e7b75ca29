package dev.valbox.vals.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.LimitException;
import dev.valbox.problems.entity.TooLargeException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValTest {

    private final User alice = new User("alice", "alice@example.com", "hash");

    @Test
    void everySaveCreatesTheNextVersionStartingAtZero() {
        var val = new Val(alice, "hello", ValType.SCRIPT, Privacy.PUBLIC, null);
        assertEquals(0, val.saveCode("1").version());
        assertEquals(1, val.saveCode("2").version());
        assertEquals(1, val.version());
    }

    @Test
    void versionNumbersAreNotReusedAfterADelete() {
        var val = new Val(alice, "hello", ValType.SCRIPT, Privacy.PUBLIC, null);
        val.saveCode("1");
        val.saveCode("2");
        val.versionDeleted(0);
        assertEquals(0, val.version());
        assertEquals(2, val.saveCode("3").version());
    }

    @Test
    void aValHasAtMost14400Versions() {
        var val = new Val(alice, "hello", ValType.SCRIPT, Privacy.PUBLIC, null);
        for (int i = 0; i < Val.MAX_VERSIONS; i++) {
            val.saveCode("x");
        }
        assertThrows(LimitException.class, () -> val.saveCode("one too many"));
        assertEquals(Val.MAX_VERSIONS - 1, val.version());
    }

    @Test
    void codeIsNonEmptyAndAtMost256000Characters() {
        var val = new Val(alice, "hello", ValType.SCRIPT, Privacy.PUBLIC, null);
        assertEquals(
                "code",
                assertThrows(InvalidInputException.class, () -> val.saveCode(""))
                        .field());
        val.saveCode("x".repeat(Val.MAX_CODE));
        var e = assertThrows(TooLargeException.class, () -> val.saveCode("x".repeat(Val.MAX_CODE + 1)));
        assertEquals("code", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_", "Hello_World2", "x23456789012345678901234567890123456789012345678"})
    void validNames(String name) {
        assertEquals(name, new Val(alice, name, ValType.SCRIPT, Privacy.PUBLIC, null).name());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "1abc", "has-dash", "has space", "é", "x234567890123456789012345678901234567890123456789"})
    void invalidNames(String name) {
        var e = assertThrows(
                InvalidInputException.class, () -> new Val(alice, name, ValType.SCRIPT, Privacy.PUBLIC, null));
        assertEquals("name", e.field());
    }

    @Test
    void tokenScopesDefaultToAllButValWriteAndUserWriteUntilTheAuthorChooses() {
        var val = new Val(alice, "hello", ValType.SCRIPT, Privacy.PUBLIC, null);
        assertEquals(EnumSet.complementOf(EnumSet.of(Scope.VAL_WRITE, Scope.USER_WRITE)), val.tokenScopes());
        val.changeTokenScopes(EnumSet.of(Scope.VAL_WRITE, Scope.VAL_READ));
        assertEquals(EnumSet.of(Scope.VAL_READ, Scope.VAL_WRITE), val.tokenScopes());
        val.changeTokenScopes(Set.of());
        assertEquals(Set.of(), val.tokenScopes(), "no scopes is a choice, not the defaults");
    }
}
