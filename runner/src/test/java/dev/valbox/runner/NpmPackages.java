package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Test fixture: real npm package tarballs (packed by the build into target/npm/tgz) unpacked in memory, and a tiny
 * resolver standing in for the server's: package.json {@code exports} (conditions worker, browser, import, require,
 * default, in the order the package lists them), else {@code module}/{@code main}; relative files with Node's
 * extension and index lookup; Node's built-in names to {@code node:} keys. Module keys are the contract's
 * {@code npm:<name>@<version>/<path>}.
 */
final class NpmPackages {

    private static final Set<String> CONDITIONS = Set.of("worker", "browser", "import", "require", "default");
    private static final Set<String> NODE_BUILTINS = Set.of(
            "assert",
            "async_hooks",
            "buffer",
            "child_process",
            "crypto",
            "dns",
            "events",
            "fs",
            "http",
            "https",
            "module",
            "net",
            "os",
            "path",
            "perf_hooks",
            "process",
            "querystring",
            "readline",
            "stream",
            "string_decoder",
            "timers",
            "tls",
            "tty",
            "url",
            "util",
            "vm",
            "worker_threads",
            "zlib");

    /** One unpacked package: name, version and its files by path (no leading slash). */
    record Package(String name, String version, Map<String, String> files, Map<String, Object> manifest) {

        String key(String path) {
            return "npm:" + name + "@" + version + "/" + path;
        }
    }

    private final Map<String, Package> packages = new HashMap<>();

    /** Unpacks every tarball of the build's list (system properties valbox.npm.tgz and valbox.npm.packages). */
    static NpmPackages fromBuild() {
        String dir = System.getProperty("valbox.npm.tgz");
        String list = System.getProperty("valbox.npm.packages");
        assertTrue(dir != null && list != null, "run through Maven: the build packs the packages (npm-pack)");
        var all = new NpmPackages();
        for (String spec : list.trim().split("\\s+")) {
            int at = spec.lastIndexOf('@');
            String name = spec.substring(0, at);
            Path tgz = Path.of(dir, name.replace("@", "").replace('/', '-') + "-" + spec.substring(at + 1) + ".tgz");
            assertTrue(Files.exists(tgz), () -> tgz + " is missing: the build's npm-pack step did not run");
            all.add(unpack(tgz));
        }
        return all;
    }

    private void add(Package p) {
        packages.put(p.name(), p);
    }

    Package get(String name) {
        return packages.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Package unpack(Path tgz) {
        Map<String, String> files = new LinkedHashMap<>();
        try (var in = new DataInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
            String longName = null;
            byte[] header = new byte[512];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException end) {
                    break;
                }
                if (header[0] == 0) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(
                        field(header, 124, 12).trim().isEmpty()
                                ? "0"
                                : field(header, 124, 12).trim(),
                        8);
                char type = (char) header[156];
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x') {
                    // A pax header: its path record names the next entry.
                    for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
                        int eq = record.indexOf(" path=");
                        if (eq >= 0) {
                            longName = record.substring(eq + 6);
                        }
                    }
                    continue;
                }
                if (type != '0' && type != 0) {
                    continue;
                }
                String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                // Every npm tarball puts its files under one top directory ("package/").
                files.put(path.substring(path.indexOf('/') + 1), new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, Object> manifest = Frames.JSON_TEXT.mapFrom(files.get("package.json"));
            return new Package((String) manifest.get("name"), (String) manifest.get("version"), files, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }

    /** The module key a specifier in the file {@code fromKey} (null: the val) names, or null if none. */
    String resolve(String fromKey, String specifier) {
        String bare = specifier.startsWith("node:") ? specifier.substring(5) : specifier;
        if (NODE_BUILTINS.contains(bare.split("/")[0]) && packages.get(bare) == null) {
            return "node:" + bare;
        }
        if (specifier.startsWith("npm:")) {
            specifier = specifier.substring(4).replaceFirst("^((?:@[^/]+/)?[^/@]+)@[^/]+", "$1");
        }
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            Package from = packageOf(fromKey);
            String dir = pathOf(fromKey);
            dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/') + 1) : "";
            return file(
                    from, Path.of("/" + dir + specifier).normalize().toString().substring(1));
        }
        String[] parts = specifier.split("/");
        int nameParts = specifier.startsWith("@") ? 2 : 1;
        String name = String.join("/", List.of(parts).subList(0, nameParts));
        Package target = packages.get(name);
        if (target == null) {
            return null;
        }
        String subpath = parts.length > nameParts
                ? "./" + String.join("/", List.of(parts).subList(nameParts, parts.length))
                : ".";
        return entry(target, subpath);
    }

    private Package packageOf(String key) {
        String rest = key.substring(4);
        String name = rest.substring(0, rest.indexOf('@', 1));
        return packages.get(name);
    }

    private static String pathOf(String key) {
        String rest = key.substring(4);
        return rest.substring(rest.indexOf('/', rest.indexOf('@', 1)) + 1);
    }

    @SuppressWarnings("unchecked")
    private static String entry(Package p, String subpath) {
        Object exports = p.manifest().get("exports");
        if (exports != null) {
            Object target = exports instanceof Map<?, ?> map
                            && map.keySet().stream().allMatch(k -> k.toString().startsWith("."))
                    ? ((Map<String, Object>) map).get(subpath)
                    : ".".equals(subpath) ? exports : null;
            String path = condition(target);
            return path == null ? null : file(p, path.substring(2));
        }
        if (!".".equals(subpath)) {
            return file(p, subpath.substring(2));
        }
        Object main = p.manifest().getOrDefault("module", p.manifest().getOrDefault("main", "index.js"));
        return file(p, main.toString().replaceFirst("^\\./", ""));
    }

    @SuppressWarnings("unchecked")
    private static String condition(Object target) {
        if (target instanceof String s) {
            return s;
        }
        if (target instanceof Map<?, ?> conditions) {
            for (Map.Entry<String, Object> c : ((Map<String, Object>) conditions).entrySet()) {
                if (CONDITIONS.contains(c.getKey())) {
                    String found = condition(c.getValue());
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static String file(Package p, String path) {
        for (String candidate :
                List.of(path, path + ".js", path + ".json", path + ".mjs", path + ".cjs", path + "/index.js")) {
            if (p.files().containsKey(candidate)) {
                return p.key(candidate);
            }
        }
        return null;
    }

    /** The source of a module key's file. */
    String source(String key) {
        return packageOf(key).files().get(pathOf(key));
    }

    /**
     * Every package file reachable from the entry keys, compiled with {@code compile}, with its imports map
     * (specifiers that resolve to nothing stay unmapped: requiring them fails at run time, as the contract says).
     */
    Map<String, ValModule> graph(
            List<String> entries, java.util.function.Function<String, Transpiler.Compilation> compile) {
        Map<String, ValModule> modules = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(entries);
        while (!queue.isEmpty()) {
            String key = queue.poll();
            if (modules.containsKey(key) || key.startsWith("node:")) {
                continue;
            }
            Transpiler.Compilation compilation = compile.apply(key);
            assertTrue(compilation.ok(), () -> key + " failed to compile: " + compilation.diagnostics());
            Map<String, String> imports = new LinkedHashMap<>();
            for (String specifier : compilation.imports()) {
                String target = resolve(key, specifier);
                if (target != null) {
                    imports.put(specifier, target);
                    queue.add(target);
                }
            }
            modules.put(key, new ValModule(key, compilation.code(), imports));
        }
        return modules;
    }
}
