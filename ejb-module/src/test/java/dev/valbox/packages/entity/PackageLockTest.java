package dev.valbox.packages.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageLockTest {

    @Test
    void aLockSurvivesItsJsonAndShowsNamesWithTheirVersions() {
        var lock = new PackageLock(
                Map.of("npm:preact@11", "npm:preact@11.2.0/dist/preact.mjs"),
                Map.of("preact@11.2.0", "sha512-a", "@scope/x@1.0.0", "sha512-b", "@scope/x@2.0.0", "sha512-c"),
                Map.of("npm:preact@11.2.0/dist/preact.mjs", Map.of("./util.js", "npm:preact@11.2.0/dist/util.js")));
        assertEquals(lock, PackageLock.fromJson(lock.toJson()));
        assertEquals(Map.of("preact", "11.2.0", "@scope/x", "1.0.0, 2.0.0"), lock.versions());
    }

    @Test
    void noLockIsAnEmptyOne() {
        assertTrue(PackageLock.fromJson(null).isEmpty());
        assertEquals(Map.of(), PackageLock.fromJson(null).versions());
    }
}
