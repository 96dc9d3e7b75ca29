package dev.valbox.packages.control;

import dev.valbox.packages.entity.PackageException;
import dev.valbox.packages.entity.PackageLock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The package imports of one version, resolved the way Node would load them: from each entry file, every import and
 * {@code require} the compiler found is followed, to a Node built-in ({@code node:<name>}), a file of the same package,
 * or the entry of a declared dependency, whose version is picked once per resolution (a version already picked that
 * satisfies a dependent's range is reused, as npm dedupes). What cannot be resolved inside a package (an undeclared
 * or missing optional dependency, a file that is not there, a URL) stays unmapped: packages often require such things
 * only on paths a val never takes, and the worker fails only if the code really gets there. Caps: modules per
 * version, dependency depth.
 */
final class Resolution {

    private final PackageSource source;
    private final CompiledFiles compiled;
    private final int maxModules;
    private final int maxDepth;

    private final Map<String, String> entries = new LinkedHashMap<>();
    private final Map<String, File> pending = new LinkedHashMap<>();
    private final Map<String, String> packages = new TreeMap<>();
    private final Map<String, Map<String, String>> modules = new LinkedHashMap<>();
    private final Map<String, List<PackageFiles>> picked = new HashMap<>();
    private final Map<String, Integer> depths = new HashMap<>();
    private final Map<String, Map<String, Optional<PackageFiles>>> dependencies = new HashMap<>();

    Resolution(PackageSource source, CompiledFiles compiled, int maxModules, int maxDepth) {
        this.source = source;
        this.compiled = compiled;
        this.maxModules = maxModules;
        this.maxDepth = maxDepth;
    }

    /**
     * Picks the package version a val's import names and its entry file. Every import of the val is picked before any
     * is followed ({@link #lock()}), so that a package's peer dependency gets the version the val itself imports.
     */
    void add(String specifier, PackageImport wanted) {
        try {
            var files = source.get(wanted.name(), wanted.range());
            picked(files, 0);
            var entry = files.entry(wanted.exportKey())
                    .filter(Resolution::compilable)
                    .orElseThrow(() -> new PackageException(files.id() + " has no module at '" + wanted.exportKey()
                            + "' (package.json exports, module, main)"));
            entries.put(specifier, files.key(entry).toString());
            pending.put(specifier, new File(files, entry));
        } catch (PackageException e) {
            throw e.within("Cannot import \"" + specifier + "\": ");
        }
    }

    /** Follows every entry picked by {@link #add} and answers the result. */
    PackageLock lock() {
        pending.forEach((specifier, entry) -> {
            try {
                walk(entry.files(), entry.path());
            } catch (PackageException e) {
                throw e.within("Cannot import \"" + specifier + "\": ");
            }
        });
        return new PackageLock(entries, packages, modules);
    }

    private record File(PackageFiles files, String path) {}

    private void walk(PackageFiles start, String startPath) {
        var queue = new ArrayDeque<File>(List.of(new File(start, startPath)));
        while (!queue.isEmpty()) {
            queue.stream()
                    .filter(next ->
                            !modules.containsKey(next.files().key(next.path()).toString()))
                    .limit(compiled.parallelism())
                    .forEach(next -> compiled.ahead(next.files(), next.path()));
            var file = queue.poll();
            var key = file.files().key(file.path()).toString();
            if (modules.containsKey(key)) {
                continue;
            }
            if (modules.size() >= maxModules) {
                throw new PackageException("the packages reach more than " + maxModules + " modules");
            }
            var imports = new LinkedHashMap<String, String>();
            modules.put(key, imports);
            for (var specifier : compiled.get(file.files(), file.path()).imports()) {
                var builtin = NodeBuiltins.key(specifier);
                if (builtin.isPresent()) {
                    imports.put(specifier, builtin.get());
                    continue;
                }
                target(file, specifier)
                        .filter(target -> compilable(target.path()))
                        .ifPresent(target -> {
                            imports.put(
                                    specifier, target.files().key(target.path()).toString());
                            queue.add(target);
                        });
            }
        }
    }

    private Optional<File> target(File from, String specifier) {
        var files = from.files();
        if (specifier.startsWith("./")
                || specifier.startsWith("../")
                || specifier.equals(".")
                || specifier.equals("..")) {
            return files.relative(from.path(), specifier).map(path -> new File(files, path));
        }
        if (specifier.startsWith("#")) {
            return files.internal(specifier)
                    .flatMap(mapped -> mapped.startsWith("./")
                            ? files.relative("", mapped).map(path -> new File(files, path))
                            : bare(from, mapped));
        }
        if (specifier.startsWith("/") || specifier.contains(":")) {
            return Optional.empty();
        }
        return bare(from, specifier);
    }

    private Optional<File> bare(File from, String specifier) {
        var wanted = PackageImport.bare(specifier);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        var name = wanted.get().name();
        var target = name.equals(from.files().name()) ? Optional.of(from.files()) : dependency(from.files(), name);
        return target.flatMap(files -> files.entry(wanted.get().exportKey()).map(path -> new File(files, path)));
    }

    private Optional<PackageFiles> dependency(PackageFiles dependent, String name) {
        var known = dependencies.computeIfAbsent(dependent.id(), id -> new HashMap<>());
        if (known.containsKey(name)) {
            return known.get(name);
        }
        var declared = dependent.dependencies().get(name);
        Optional<PackageFiles> found = Optional.empty();
        if (declared != null) {
            found = picked.getOrDefault(name, List.of()).stream()
                    .filter(files -> Versions.satisfies(files.version(), declared.range()))
                    .findFirst();
            if (found.isEmpty()) {
                int depth = depths.get(dependent.id()) + 1;
                if (depth > maxDepth) {
                    throw new PackageException("dependencies nest deeper than " + maxDepth + " (at " + name + ")");
                }
                try {
                    var files = source.get(name, declared.range());
                    picked(files, depth);
                    found = Optional.of(files);
                } catch (PackageException e) {
                    if (!declared.optional()) {
                        throw e.within(
                                "its dependency " + name + "@" + declared.range() + " (of " + dependent.id() + "): ");
                    }
                }
            }
        }
        known.put(name, found);
        return found;
    }

    private void picked(PackageFiles files, int depth) {
        var versions = picked.computeIfAbsent(files.name(), n -> new ArrayList<>());
        if (versions.stream().noneMatch(v -> v.version().equals(files.version()))) {
            versions.add(files);
        }
        packages.put(files.id(), files.integrity() == null ? "" : files.integrity());
        depths.merge(files.id(), depth, Math::min);
    }

    /** Files the compiler can turn into a module; a stylesheet, a wasm file or a native addon is none. */
    static boolean compilable(String path) {
        return path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs") || path.endsWith(".json");
    }
}
