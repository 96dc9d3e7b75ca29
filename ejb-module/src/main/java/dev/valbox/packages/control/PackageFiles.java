package dev.valbox.packages.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stored package version and the questions Node's resolver asks of it: which file an exported subpath is
 * ({@code exports}, else {@code module}, else {@code main}, else {@code index.js}), which file a relative specifier
 * names (the exact path, then with {@code .js}, {@code .mjs}, {@code .cjs}, {@code .json}, then a folder's
 * {@code package.json} {@code main} or {@code index} file), what a {@code #name} maps to ({@code imports}), and which
 * dependencies it declares.
 */
public final class PackageFiles {

    private static final List<String> EXTENSIONS = List.of("", ".js", ".mjs", ".cjs", ".json");
    private static final List<String> INDEXES = List.of("index.js", "index.mjs", "index.cjs", "index.json");

    private final String name;
    private final String version;
    private final Path files;
    private final String integrity;
    private final JsonObject manifest;

    PackageFiles(String name, String version, Path files, String integrity) {
        this.name = name;
        this.version = version;
        this.files = files;
        this.integrity = integrity;
        this.manifest = readJson("package.json").orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String id() {
        return name + "@" + version;
    }

    public String integrity() {
        return integrity;
    }

    public PackageKey key(String path) {
        return new PackageKey(name, version, path);
    }

    /** The file a subpath of the package ({@code "."}, {@code "./server"}) names for an importer. */
    public Optional<String> entry(String subpath) {
        if (manifest.containsKey("exports")) {
            return Exports.resolve(manifest.get("exports"), subpath).flatMap(target -> file(target.substring(2)));
        }
        if (!subpath.equals(".")) {
            return file(subpath.substring(2));
        }
        for (var field : List.of("module", "main")) {
            if (manifest.get(field) instanceof JsonString entry) {
                var found = file(normalize(entry.getString()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return file("index");
    }

    /** The file a relative specifier ({@code ./util}, {@code ../index.js}) in {@code from} names. */
    public Optional<String> relative(String from, String specifier) {
        int slash = from.lastIndexOf('/');
        var base = slash < 0 ? "" : from.substring(0, slash + 1);
        var joined = normalize(base + specifier);
        return joined == null ? Optional.empty() : file(joined);
    }

    /** What the package's {@code imports} map a {@code #specifier} to: a path in the package or a bare specifier. */
    public Optional<String> internal(String specifier) {
        return Exports.internal(manifest.get("imports"), specifier);
    }

    /**
     * The dependencies it declares, by name: {@code dependencies}, {@code peerDependencies} (which resolve against the
     * version the rest of the resolution already picked, else by their range) and {@code optionalDependencies}.
     */
    public Map<String, Dependency> dependencies() {
        var all = new LinkedHashMap<String, Dependency>();
        for (var field : List.of("peerDependencies", "dependencies", "optionalDependencies")) {
            if (manifest.get(field) instanceof JsonObject declared) {
                declared.forEach((dependency, range) -> {
                    if (range instanceof JsonString text) {
                        all.put(dependency, new Dependency(text.getString(), field.equals("optionalDependencies")));
                    }
                });
            }
        }
        return all;
    }

    public record Dependency(String range, boolean optional) {}

    /** The bytes of a file of the package. */
    public String read(String path) {
        try {
            return new String(Files.readAllBytes(inside(path)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> file(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (var extension : EXTENSIONS) {
            var candidate = path + extension;
            if (!candidate.isEmpty() && Files.isRegularFile(inside(candidate))) {
                return Optional.of(candidate);
            }
        }
        var dir = path.isEmpty() ? "" : path + "/";
        if (!Files.isDirectory(inside(path.isEmpty() ? "." : path))) {
            return Optional.empty();
        }
        var nested = readJson(dir + "package.json");
        if (nested.isPresent() && nested.get().get("main") instanceof JsonString main) {
            var target = normalize(dir + main.getString());
            if (target != null && !target.equals(path)) {
                for (var extension : EXTENSIONS) {
                    if (Files.isRegularFile(inside(target + extension))) {
                        return Optional.of(target + extension);
                    }
                }
            }
        }
        for (var index : INDEXES) {
            if (Files.isRegularFile(inside(dir + index))) {
                return Optional.of(dir + index);
            }
        }
        return Optional.empty();
    }

    private Path inside(String path) {
        var resolved = files.resolve(path).normalize();
        return resolved.startsWith(files) ? resolved : files.resolve(".invalid");
    }

    /** A path inside the package without {@code .} and {@code ..}; null if it climbs out of the package. */
    static String normalize(String path) {
        var parts = new ArrayList<String>();
        for (var segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private Optional<JsonObject> readJson(String path) {
        return PackageStore.jsonObject(inside(path));
    }
}
