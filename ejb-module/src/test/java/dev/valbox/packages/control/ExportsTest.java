package dev.valbox.packages.control;

import static dev.valbox.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportsTest {

    private static JsonValue json(String text) {
        try (var reader = JSON.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    @Test
    void aStringOrConditionsWithoutSubpathsExportTheMainEntryOnly() {
        assertEquals(Optional.of("./index.js"), Exports.resolve(json("'./index.js'"), "."));
        assertEquals(Optional.empty(), Exports.resolve(json("'./index.js'"), "./x"));
        assertEquals(
                Optional.of("./esm.js"),
                Exports.resolve(json("{'types':'./i.d.ts','import':'./esm.js','require':'./c.js'}"), "."));
    }

    @Test
    void conditionsAreTakenInThePackagesOrderAndNodeOnlyBuildsAreSkipped() {
        var exports = json("{'.':{'types':'./t.d.ts','node':'./node.js','browser':'./browser.js','default':'./x.js'}}");
        assertEquals(Optional.of("./browser.js"), Exports.resolve(exports, "."));
        // The ESM build wherever there is one, whatever the order; require only when nothing else is exported.
        var requireFirst = json("{'.':{'require':'./c.cjs','import':'./e.mjs'},'./cjs-only':{'require':'./o.cjs'}}");
        assertEquals(Optional.of("./e.mjs"), Exports.resolve(requireFirst, "."));
        assertEquals(Optional.of("./o.cjs"), Exports.resolve(requireFirst, "./cjs-only"));
        var nested = json("{'.':{'node':{'import':'./n.mjs'},'worker':{'types':'./w.d.ts','default':'./w.js'}}}");
        assertEquals(Optional.of("./w.js"), Exports.resolve(nested, "."));
        assertEquals(Optional.empty(), Exports.resolve(json("{'.':{'node':'./n.js','deno':'./d.js'}}"), "."));
    }

    @Test
    void subpathsPatternsAndFoldersResolveAsInNode() {
        var exports = json(
                "{'.':'./index.js','./server':{'import':'./server.mjs'},'./features/*.js':'./src/features/*.js',"
                        + "'./features/private/*':null,'./utils/*':{'default':'./dist/utils/*.js'},'./legacy/':'./lib/'}");
        assertEquals(Optional.of("./server.mjs"), Exports.resolve(exports, "./server"));
        assertEquals(Optional.of("./src/features/a/b.js"), Exports.resolve(exports, "./features/a/b.js"));
        assertEquals(Optional.empty(), Exports.resolve(exports, "./features/private/x"));
        assertEquals(Optional.of("./dist/utils/format.js"), Exports.resolve(exports, "./utils/format"));
        assertEquals(Optional.of("./lib/old.js"), Exports.resolve(exports, "./legacy/old.js"));
        assertEquals(Optional.empty(), Exports.resolve(exports, "./missing"));
    }

    @Test
    void arraysFallBackAndTargetsMayNotLeaveThePackage() {
        assertEquals(
                Optional.of("./b.js"), Exports.resolve(json("{'.':['not-relative',{'node':'./a.js'},'./b.js']}"), "."));
        assertEquals(Optional.empty(), Exports.resolve(json("{'.':'../outside.js'}"), "."));
        assertEquals(Optional.empty(), Exports.resolve(json("{'./*':'./*'}"), "./../../etc/passwd"));
        assertEquals(Optional.empty(), Exports.resolve(json("{'./x':'./node_modules/y/index.js'}"), "./x"));
        assertEquals(Optional.empty(), Exports.resolve(json("null"), "."));
    }

    @Test
    void importsMapHashSpecifiersToFilesOrDependencies() {
        var imports = json("{'#dep':{'node':'dep-node','default':'dep-browser'},'#internal/*':'./src/internal/*.js'}");
        assertEquals(Optional.of("dep-browser"), Exports.internal(imports, "#dep"));
        assertEquals(Optional.of("./src/internal/a.js"), Exports.internal(imports, "#internal/a"));
        assertEquals(Optional.empty(), Exports.internal(imports, "#nope"));
        assertEquals(Optional.empty(), Exports.internal(imports, "dep"));
    }
}
