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
            "https://esm.town/v/std/blob"
        }) {
            assertEquals(Optional.empty(), ImportSpecifier.parse(specifier, SITE), specifier);
        }
    }

    @Test
    void theStandardLibraryMapsToTheWorkersOwnModules() {
        assertEquals(Optional.of("std:blob"), ImportSpecifier.standardLibrary("https://esm.town/v/std/blob"));
        assertEquals(Optional.of("std:API_URL"), ImportSpecifier.standardLibrary("https://esm.town/v/std/API_URL"));
        assertEquals(Optional.empty(), ImportSpecifier.standardLibrary("https://esm.town/v/std/evil"));
        assertEquals(Optional.empty(), ImportSpecifier.standardLibrary("https://esm.town/v/std/blob?v=1"));
    }
}
