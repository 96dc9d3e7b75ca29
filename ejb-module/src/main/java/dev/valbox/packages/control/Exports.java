package dev.valbox.packages.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Node's {@code PACKAGE_EXPORTS_RESOLVE} and {@code PACKAGE_IMPORTS_RESOLVE} over a package.json's {@code exports}
 * or {@code imports}: exact subpaths, subpath patterns with one {@code *} (the longest matching prefix wins), the
 * deprecated folder mappings ending in {@code /}, arrays of fallbacks, null for "not exported", and conditions
 * matched in the order the package lists them. The conditions Valbox answers to are {@link #CONDITIONS}: a worker is
 * neither Node (no {@code node}: those builds reach for {@code fs} and {@code net}) nor Deno, but it runs browser and
 * worker builds. Every module becomes CommonJS in the worker, so both {@code import} and {@code require} builds run;
 * the compiler does not tell an import from a require, so the ESM build is taken wherever a package has one, and the
 * {@code require} condition only where nothing else matches: one copy of each package, in the form the transpiler
 * handles best.
 */
public final class Exports {

    public static final List<String> CONDITIONS = List.of("worker", "browser", "import", "module", "default");

    /** The conditions of a second pass, for packages that export some subpath only to {@code require}. */
    private static final List<String> WITH_REQUIRE =
            List.of("worker", "browser", "import", "module", "require", "default");

    private Exports() {}

    /**
     * The file an {@code exports} field maps a subpath ({@code "."}, {@code "./server"}) to, as a path relative to
     * the package ({@code "./dist/index.mjs"}); empty when the subpath is not exported.
     */
    public static Optional<String> resolve(JsonValue exports, String subpath) {
        return resolve(exports, subpath, CONDITIONS).or(() -> resolve(exports, subpath, WITH_REQUIRE));
    }

    private static Optional<String> resolve(JsonValue exports, String subpath, List<String> conditions) {
        if (exports == null || exports.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(exports instanceof JsonObject object) || !hasSubpathKeys(object)) {
            return subpath.equals(".") ? target(exports, null, false, conditions) : Optional.empty();
        }
        return match(object, subpath, false, conditions);
    }

    /**
     * The target a package's {@code imports} field maps a {@code #specifier} to: a path relative to the package
     * ({@code "./src/x.js"}), or a bare specifier of a dependency.
     */
    public static Optional<String> internal(JsonValue imports, String specifier) {
        if (!(imports instanceof JsonObject object) || !specifier.startsWith("#") || specifier.equals("#")) {
            return Optional.empty();
        }
        return match(object, specifier, true, CONDITIONS).or(() -> match(object, specifier, true, WITH_REQUIRE));
    }

    private static boolean hasSubpathKeys(JsonObject object) {
        return object.keySet().stream().anyMatch(key -> key.startsWith("."));
    }

    private static Optional<String> match(JsonObject map, String key, boolean internal, List<String> conditions) {
        if (map.containsKey(key) && key.indexOf('*') < 0) {
            return target(map.get(key), null, internal, conditions);
        }
        String best = null;
        for (var candidate : map.keySet()) {
            int star = candidate.indexOf('*');
            boolean matches;
            if (star >= 0) {
                var prefix = candidate.substring(0, star);
                var suffix = candidate.substring(star + 1);
                matches = candidate.indexOf('*', star + 1) < 0
                        && key.startsWith(prefix)
                        && !key.equals(prefix)
                        && key.length() >= candidate.length()
                        && key.endsWith(suffix);
            } else {
                matches = candidate.endsWith("/") && key.startsWith(candidate);
            }
            if (matches && (best == null || compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        var chosen = best;
        int star = chosen.indexOf('*');
        if (star < 0) {
            return target(map.get(chosen), null, internal, conditions)
                    .map(folder -> folder + key.substring(chosen.length()));
        }
        var matched = key.substring(star, key.length() - (chosen.length() - star - 1));
        return target(map.get(chosen), matched, internal, conditions);
    }

    /** Node's PATTERN_KEY_COMPARE: the longer prefix before the {@code *} first, then the longer key. */
    private static int compare(String a, String b) {
        int aStar = a.indexOf('*');
        int bStar = b.indexOf('*');
        int aBase = aStar < 0 ? a.length() : aStar + 1;
        int bBase = bStar < 0 ? b.length() : bStar + 1;
        if (aBase != bBase) {
            return aBase > bBase ? -1 : 1;
        }
        if (aStar < 0 != bStar < 0) {
            return aStar < 0 ? 1 : -1;
        }
        return Integer.compare(b.length(), a.length());
    }

    private static Optional<String> target(
            JsonValue target, String pattern, boolean internal, List<String> conditions) {
        switch (target.getValueType()) {
            case STRING -> {
                var text = ((JsonString) target).getString();
                if (!text.startsWith("./")) {
                    // Only imports may map to another package; exports must stay inside this one.
                    return internal && !text.startsWith("/") && !text.startsWith("../")
                            ? Optional.of(substitute(text, pattern))
                            : Optional.empty();
                }
                var resolved = substitute(text, pattern);
                for (var segment : resolved.substring(2).split("/")) {
                    if (segment.equals("..") || segment.equals(".") || segment.equals("node_modules")) {
                        return Optional.empty();
                    }
                }
                return Optional.of(resolved);
            }
            case ARRAY -> {
                for (var element : (JsonArray) target) {
                    var resolved = target(element, pattern, internal, conditions);
                    if (resolved.isPresent()) {
                        return resolved;
                    }
                }
                return Optional.empty();
            }
            case OBJECT -> {
                for (var entry : ((JsonObject) target).entrySet()) {
                    if (conditions.contains(entry.getKey())) {
                        var resolved = target(entry.getValue(), pattern, internal, conditions);
                        if (resolved.isPresent()) {
                            return resolved;
                        }
                    }
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static String substitute(String text, String pattern) {
        return pattern == null ? text : text.replace("*", pattern);
    }
}
