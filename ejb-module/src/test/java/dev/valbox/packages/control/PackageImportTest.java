package dev.valbox.packages.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageImportTest {

    @Test
    void npmSpecifiersNameAPackageARangeAndASubpath() {
        assertEquals(Optional.of(new PackageImport("zod", null, "")), PackageImport.parse("npm:zod"));
        assertEquals(Optional.of(new PackageImport("zod", "^3.23", "")), PackageImport.parse("npm:zod@^3.23"));
        assertEquals(
                Optional.of(new PackageImport("react-dom", "18.3.1", "server")),
                PackageImport.parse("npm:react-dom@18.3.1/server"));
        assertEquals(
                Optional.of(new PackageImport("@emotion/css", "11", "create-instance")),
                PackageImport.parse("npm:@emotion/css@11/create-instance"));
        assertEquals(
                Optional.of(new PackageImport("@scope/pkg", null, "a/b.js")),
                PackageImport.parse("npm:@scope/pkg/a/b.js"));
        assertEquals(Optional.of(new PackageImport("hono", "next", "")), PackageImport.parse("npm:hono@next"));
        assertEquals(
                Optional.of(new PackageImport("x", ">=1 <2 || 3.x", "")), PackageImport.parse("npm:x@>=1 <2 || 3.x"));
    }

    @Test
    void esmShUrlsNameTheSamePackageWhateverTheirBuildPrefixAndQuery() {
        assertEquals(
                PackageImport.parse("npm:react-dom@18/server"),
                PackageImport.parse("https://esm.sh/react-dom@18/server"));
        assertEquals(
                PackageImport.parse("npm:react-dom@18/server"),
                PackageImport.parse("https://esm.sh/v135/react-dom@18/server?deps=react@18.3.1&target=es2022"));
        assertEquals(PackageImport.parse("npm:preact@10"), PackageImport.parse("https://esm.sh/stable/*preact@10?dev"));
        assertEquals(PackageImport.parse("npm:@emotion/css"), PackageImport.parse("https://esm.sh/@emotion/css#x"));
        assertEquals(PackageImport.parse("npm:zod@^3"), PackageImport.parse("https://esm.sh/zod@%5E3"));
    }

    @Test
    void otherSpecifiersAreNoPackageImports() {
        for (var other : new String[] {"https://esm.town/v/alice/lib", "jsr:@std/path", "./x.ts", "zod", "node:fs"}) {
            assertEquals(Optional.empty(), PackageImport.parse(other), other);
            assertTrue(!PackageImport.isPackage(other), other);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "npm:",
                "npm:@scope",
                "npm:@/x",
                "npm:zod@",
                "npm:zod@/sub",
                "npm:.hidden",
                "npm:no spaces",
                "npm:zod/../../etc",
                "npm:zod/a//b",
                "https://esm.sh/gh/user/repo",
                "https://esm.sh/jsr/@std/path",
                "https://esm.sh/",
                "npm:x@%zz"
            })
    void malformedPackageImportsAreBadInputNamingTheImport(String specifier) {
        var e = assertThrows(InvalidInputException.class, () -> PackageImport.parse(specifier));
        assertEquals("code", e.field());
        assertTrue(e.getMessage().startsWith("Cannot import \"" + specifier + "\""), e.getMessage());
    }

    @Test
    void bareSpecifiersInsidePackagesSplitNameAndSubpath() {
        assertEquals(Optional.of(new PackageImport("react", null, "")), PackageImport.bare("react"));
        assertEquals(
                Optional.of(new PackageImport("react-dom", null, "server")), PackageImport.bare("react-dom/server"));
        assertEquals(
                Optional.of(new PackageImport("@babel/runtime", null, "helpers/x")),
                PackageImport.bare("@babel/runtime/helpers/x"));
        assertEquals(Optional.empty(), PackageImport.bare("@babel"));
        assertEquals(
                "./helpers/x",
                PackageImport.bare("@babel/runtime/helpers/x").orElseThrow().exportKey());
        assertEquals(".", PackageImport.bare("react").orElseThrow().exportKey());
    }

    @Test
    void nodeBuiltinsAreTheWorkersNodeModules() {
        assertEquals(Optional.of("node:buffer"), NodeBuiltins.key("buffer"));
        assertEquals(Optional.of("node:buffer"), NodeBuiltins.key("node:buffer"));
        assertEquals(Optional.of("node:fs/promises"), NodeBuiltins.key("fs/promises"));
        assertEquals(Optional.of("node:test"), NodeBuiltins.key("node:test"));
        assertEquals(Optional.empty(), NodeBuiltins.key("test"));
        assertEquals(Optional.empty(), NodeBuiltins.key("node:nope"));
        assertEquals(Optional.empty(), NodeBuiltins.key("buffer/"));
    }
}
