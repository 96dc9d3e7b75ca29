package dev.valbox.packages.control;

import dev.valbox.problems.entity.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A val's import of an npm package, parsed: {@code npm:<name>[@<range>][/<subpath>]}, or the same package through
 * esm.sh, {@code https://esm.sh/[v<N>/][stable/][*]<name>[@<range>][/<subpath>][?<query>]}. Both spellings name the
 * same package: esm.sh's build prefix, its {@code *} (externalize dependencies) and its query ({@code ?deps=},
 * {@code ?target=}, {@code ?bundle}…) only steer how esm.sh would build the package, and Valbox builds every package
 * one way, so they are accepted and ignored. No range means the {@code latest} tag; a range may also be another tag.
 *
 * @param subpath the path after the package name, without leading slash; empty for the package's main entry
 */
public record PackageImport(String name, String range, String subpath) {

    private static final String NPM = "npm:";
    private static final String ESM_SH = "https://esm.sh/";
    /** npm's rules for names (validate-npm-package-name), with the capital letters that old packages still have. */
    private static final Pattern NAME =
            Pattern.compile("(?:@[A-Za-z0-9][A-Za-z0-9._~-]*/)?[A-Za-z0-9_][A-Za-z0-9._~-]*");

    private static final int MAX_NAME = 214;
    /** esm.sh paths that are not npm packages: GitHub, JSR, pull-request builds, its own runtime modules. */
    private static final Pattern ESM_SH_OTHER =
            Pattern.compile("(?:gh|jsr|pr|pkg\\.pr\\.new)/.*|[^/]*\\.(?:js|mjs|css)");

    private static final Pattern ESM_SH_PREFIX = Pattern.compile("^(?:v\\d+/)?(?:stable/)?\\*?");

    /** The key of a subpath in {@code exports}: {@code "."} or {@code "./sub/path"}. */
    public String exportKey() {
        return subpath.isEmpty() ? "." : "./" + subpath;
    }

    /** Whether the specifier is written as a package import, well formed or not. */
    public static boolean isPackage(String specifier) {
        return specifier.startsWith(NPM) || specifier.startsWith(ESM_SH);
    }

    /**
     * The package a val's import names; empty when it is no package import. A malformed {@code npm:} or esm.sh import
     * is bad input that names the import.
     */
    public static Optional<PackageImport> parse(String specifier) {
        String rest;
        if (specifier.startsWith(NPM)) {
            rest = specifier.substring(NPM.length());
            if (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
        } else if (specifier.startsWith(ESM_SH)) {
            rest = stripQuery(specifier.substring(ESM_SH.length()));
            if (ESM_SH_OTHER.matcher(rest).matches()) {
                throw invalid(specifier, "only npm packages are supported from esm.sh");
            }
            rest = ESM_SH_PREFIX.matcher(rest).replaceFirst("");
        } else {
            return Optional.empty();
        }
        return Optional.of(of(specifier, rest));
    }

    /** A bare specifier inside a package ({@code react-dom/server}): a name and a subpath, never a range. */
    public static Optional<PackageImport> bare(String specifier) {
        int slash = specifier.indexOf('/', specifier.startsWith("@") ? specifier.indexOf('/') + 1 : 0);
        if (specifier.startsWith("@") && specifier.indexOf('/') < 0) {
            return Optional.empty();
        }
        var name = slash < 0 ? specifier : specifier.substring(0, slash);
        var subpath = slash < 0 ? "" : specifier.substring(slash + 1);
        if (!validName(name)) {
            return Optional.empty();
        }
        return Optional.of(new PackageImport(name, null, subpath));
    }

    private static PackageImport of(String specifier, String rest) {
        boolean scoped = rest.startsWith("@");
        int nameEnd = scoped ? rest.indexOf('/') + 1 : 0;
        if (scoped && nameEnd == 0) {
            throw invalid(specifier, "a scoped package name is @scope/name");
        }
        int at = rest.indexOf('@', nameEnd);
        int slash = rest.indexOf('/', nameEnd);
        String name;
        String range = null;
        String subpath = "";
        if (at >= 0 && (slash < 0 || at < slash)) {
            name = rest.substring(0, at);
            int rangeEnd = rest.indexOf('/', at);
            range = decode(specifier, rest.substring(at + 1, rangeEnd < 0 ? rest.length() : rangeEnd))
                    .trim();
            subpath = rangeEnd < 0 ? "" : rest.substring(rangeEnd + 1);
            if (range.isEmpty()) {
                throw invalid(specifier, "the version range after '@' is empty");
            }
        } else {
            name = slash < 0 ? rest : rest.substring(0, slash);
            subpath = slash < 0 ? "" : rest.substring(slash + 1);
        }
        if (!validName(name)) {
            throw invalid(specifier, "'" + name + "' is not a valid npm package name");
        }
        if (subpath.endsWith("/")) {
            subpath = subpath.substring(0, subpath.length() - 1);
        }
        for (var segment : subpath.split("/", -1)) {
            if (!subpath.isEmpty() && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                throw invalid(specifier, "the path inside the package is not a plain path");
            }
        }
        return new PackageImport(name, range, subpath);
    }

    static boolean validName(String name) {
        return name.length() <= MAX_NAME && NAME.matcher(name).matches() && !name.startsWith(".");
    }

    private static String stripQuery(String path) {
        int end = path.length();
        for (char c : new char[] {'?', '#'}) {
            int at = path.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }

    private static String decode(String specifier, String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(specifier, "the version range is not properly escaped");
        }
    }

    static InvalidInputException invalid(String specifier, String why) {
        return new InvalidInputException("code", "Cannot import \"" + specifier + "\": " + why);
    }
}
