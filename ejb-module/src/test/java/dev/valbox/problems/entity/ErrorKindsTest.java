package dev.valbox.problems.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.ValboxException.Kind;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one table every entrance answers errors from (SPEC §6: statuses; Val Town's std library: error names). */
class ErrorKindsTest {

    @Test
    void everyKindHasItsStatus() {
        var statuses = Arrays.stream(Kind.values()).collect(Collectors.toMap(k -> k, Kind::status));
        assertEquals(
                Map.of(
                        Kind.INVALID, 400,
                        Kind.UNAUTHENTICATED, 401,
                        Kind.FORBIDDEN, 403,
                        Kind.NOT_FOUND, 404,
                        Kind.CONFLICT, 409,
                        Kind.LIMIT, 409,
                        Kind.TOO_LARGE, 413,
                        Kind.UNAVAILABLE, 503),
                statuses);
    }

    @Test
    void slugsNameOneKindEachAndTitlesAreSet() {
        assertEquals(
                Kind.values().length,
                Arrays.stream(Kind.values()).map(Kind::slug).distinct().count());
        for (var kind : Kind.values()) {
            assertTrue(kind.slug().matches("[a-z]+(-[a-z]+)*"), kind::name);
            assertTrue(!kind.title().isBlank(), kind::name);
        }
    }

    @Test
    void aValSeesTheErrorNamesValTownsLibraryThrows() {
        assertEquals("TypeError", Kind.INVALID.scriptError());
        assertEquals("PermissionError", Kind.UNAUTHENTICATED.scriptError());
        assertEquals("PermissionError", Kind.FORBIDDEN.scriptError());
        assertEquals("NotFoundError", Kind.NOT_FOUND.scriptError());
        for (var kind : new Kind[] {Kind.CONFLICT, Kind.LIMIT, Kind.TOO_LARGE, Kind.UNAVAILABLE}) {
            assertEquals("Error", kind.scriptError(), kind::name);
        }
    }
}
