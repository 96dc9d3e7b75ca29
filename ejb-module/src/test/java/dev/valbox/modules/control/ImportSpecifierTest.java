package dev.valbox.modules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportSpecifierTest {

    private static final String SITE = "https://valbox.example.com";

    @Test
    void valUrlsOnEsmTownAndOnTheSiteNameAUserAValAndMaybeAVersion() {
        assertEquals(
                Optional.of(new ImportSpecifier("alice", "lib", null)),
                ImportSpecifier.parse("https://esm.town/v/alice/lib", SITE));
        assertEquals(
                Optional.of(new ImportSpecifier("alice", "Lib_2", 7)),
                ImportSpecifier.parse("https://valbox.example.com/v/alice/Lib_2?v=7", SITE));
        assertEquals(
                Optional.of(new ImportSpecifier("alice", "lib", 0)),
                ImportSpecifier.parse("https://valbox.example.com/v/alice/lib?v=0", SITE + "/"));
    }

    @Test
    void everySpellingValTownAcceptsNamesTheSameVal() {
        var latest = Optional.of(new ImportSpecifier("alice", "lib", null));
        var third = Optional.of(new ImportSpecifier("alice", "lib", 3));
        for (var specifier : new String[] {
            "https://esm.town/v/alice/lib/main.ts",
            "https://esm.town/v/alice/lib/main.tsx",
            "https://esm.town/v/alice/lib/mod.ts",
            "https://esm.town/v/alice/lib/index.js",
            "https://valbox.example.com/v/alice/lib/main.ts"
        }) {
            assertEquals(latest, ImportSpecifier.parse(specifier, SITE), specifier);
        }
        for (var specifier : new String[] {
            "https://esm.town/v/alice/lib?v=3",
            "https://esm.town/v/alice/lib/main.ts?v=3",
            "https://esm.town/v/alice/lib@3/main.ts",
            "https://esm.town/v/alice/lib@3-main/main.tsx",
            "https://esm.town/v/alice/lib@3"
        }) {
            assertEquals(third, ImportSpecifier.parse(specifier, SITE), specifier);
        }
    }

    @Test
    void modulePathsAsThisSiteServesThem() {
        assertEquals(
                Optional.of(new ImportSpecifier("alice", "lib", 2)),
                ImportSpecifier.ofPath("/v/alice/lib/main.ts?v=2"));
        assertEquals(Optional.of(new ImportSpecifier("alice", "lib", null)), ImportSpecifier.ofPath("/v/alice/lib"));
        assertEquals(Optional.empty(), ImportSpecifier.ofPath("/v/alice/lib/other.ts"));
    }

    @Test
    void onThisSiteStdIsAUserLikeAnyOther() {
        assertEquals(
                Optional.of(new ImportSpecifier("std", "blob", null)),
                ImportSpecifier.parse("https://valbox.example.com/v/std/blob", SITE));
    }

    @Test
    void anythingElseIsNotAValImport() {
        for (var specifier : new String[] {
            "npm:lodash",
            "jsr:@std/path",
            "https://deno.land/x/oak/mod.ts",
            "https://esm.town/v/alice/lib/extra",
            "https://esm.town/v/alice/lib?v=x",
            "https://esm.town/v/Alice/lib",
            "https://evil.example/v/alice/lib",
            "https://valbox.example.com.evil/v/alice/lib",
            "https://esm.town/v/std/blob",
            "https://esm.town/v/std/blob/main.ts",
            "https://esm.town/v/alice/lib/other.ts",
            "https://esm.town/v/alice/lib/main.ts/x",
            "https://esm.town/v/alice/lib@3-feature/main.ts",
            "https://esm.town/v/alice/lib@3/main.ts?v=4",
            "https://esm.town/v/alice/lib.tsx",
            "https://esm.town/v/alice/lib?v=3&x=1"
        }) {
            assertEquals(Optional.empty(), ImportSpecifier.parse(specifier, SITE), specifier);
        }
    }

    @Test
    void theStandardLibraryMapsToTheWorkersOwnModules() {
        assertEquals(Optional.of("std:blob"), ImportSpecifier.standardLibrary("https://esm.town/v/std/blob"));
        assertEquals(Optional.of("std:API_URL"), ImportSpecifier.standardLibrary("https://esm.town/v/std/API_URL"));
        assertEquals(Optional.empty(), ImportSpecifier.standardLibrary("https://esm.town/v/std/evil"));
        assertEquals(Optional.empty(), ImportSpecifier.standardLibrary("https://valbox.example.com/v/std/blob"));
        assertEquals(Optional.empty(), ImportSpecifier.standardLibrary("https://esm.town/v/std/blob/other.ts"));
        assertEquals(Optional.empty(), ImportSpecifier.standardLibrary("https://esm.town/v/alice/blob"));
    }

    @Test
    void theStandardLibraryInEverySpellingValTownDocuments() {
        for (var specifier : new String[] {
            "https://esm.town/v/std/sqlite",
            "https://esm.town/v/std/sqlite/main.ts",
            "https://esm.town/v/std/sqlite/mod.ts",
            "https://esm.town/v/std/sqlite?v=6",
            "https://esm.town/v/std/sqlite@34-main/main.ts",
            "https://esm.town/v/std/sqlite@14/main.ts"
        }) {
            assertEquals(Optional.of("std:sqlite"), ImportSpecifier.standardLibrary(specifier), specifier);
        }
    }
}
