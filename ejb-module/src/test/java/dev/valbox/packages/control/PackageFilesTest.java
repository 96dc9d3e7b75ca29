package dev.valbox.packages.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How files of a stored package are found, as Node finds them. */
class PackageFilesTest {

    @TempDir
    Path dir;

    private PackageFiles stored(Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            var path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return new PackageFiles("pkg", "1.0.0", dir, "sha512-x");
    }

    @Test
    void exportsDecideAndNothingElseIsReachable() throws IOException {
        var files = stored(Map.of(
                "package.json",
                "{\"exports\":{\".\":{\"node\":\"./node.js\",\"import\":\"./esm/index.mjs\"},"
                        + "\"./sub\":\"./lib/sub\"},\"main\":\"./cjs.js\"}",
                "esm/index.mjs",
                "",
                "node.js",
                "",
                "cjs.js",
                "",
                "lib/sub.js",
                "",
                "secret.js",
                ""));
        assertEquals(Optional.of("esm/index.mjs"), files.entry("."));
        assertEquals(Optional.of("lib/sub.js"), files.entry("./sub"));
        assertEquals(Optional.empty(), files.entry("./secret.js"));
    }

    @Test
    void withoutExportsModuleThenMainThenIndexAnswer() throws IOException {
        assertEquals(
                Optional.of("dist/x.module.js"),
                stored(Map.of(
                                "package.json", "{\"module\":\"dist/x.module.js\",\"main\":\"dist/x.js\"}",
                                "dist/x.module.js", "",
                                "dist/x.js", ""))
                        .entry("."));
    }

    @Test
    void mainMayOmitItsExtensionOrNameAFolder() throws IOException {
        assertEquals(
                Optional.of("lib/index.js"),
                stored(Map.of("package.json", "{\"main\":\"./lib\"}", "lib/index.js", ""))
                        .entry("."));
    }

    @Test
    void aPackageWithNoManifestEntryFallsBackToIndex() throws IOException {
        assertEquals(
                Optional.of("index.js"),
                stored(Map.of("package.json", "{}", "index.js", "")).entry("."));
    }

    @Test
    void relativeSpecifiersProbeExtensionsFoldersAndNestedManifests() throws IOException {
        var files = stored(Map.of(
                "package.json", "{}",
                "src/a.js", "",
                "src/data.json", "",
                "src/util/index.cjs", "",
                "src/nested/package.json", "{\"main\":\"./main\"}",
                "src/nested/main.js", ""));
        assertEquals(Optional.of("src/a.js"), files.relative("src/b.js", "./a"));
        assertEquals(Optional.of("src/a.js"), files.relative("src/deep/c.js", "../a.js"));
        assertEquals(Optional.of("src/data.json"), files.relative("src/b.js", "./data"));
        assertEquals(Optional.of("src/util/index.cjs"), files.relative("src/b.js", "./util"));
        assertEquals(Optional.of("src/nested/main.js"), files.relative("src/b.js", "./nested"));
        assertEquals(Optional.empty(), files.relative("src/b.js", "../../../outside"));
        assertEquals(Optional.empty(), files.relative("src/b.js", "./missing"));
    }

    @Test
    void declaredDependenciesIncludePeersAndOptionalOnes() throws IOException {
        var files = stored(Map.of(
                "package.json",
                "{\"dependencies\":{\"a\":\"^1\"},\"peerDependencies\":{\"react\":\">=18\"},"
                        + "\"optionalDependencies\":{\"b\":\"2\"}}"));
        var dependencies = files.dependencies();
        assertEquals(new PackageFiles.Dependency("^1", false), dependencies.get("a"));
        assertEquals(new PackageFiles.Dependency(">=18", false), dependencies.get("react"));
        assertEquals(new PackageFiles.Dependency("2", true), dependencies.get("b"));
    }
}
