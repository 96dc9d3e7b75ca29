package dev.valbox.modules.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A val import, parsed: whose val, which one, and the pinned version if any. Every spelling Val Town accepts for a
 * val's module names the same thing: {@code /v/alice/lib}, with a version as {@code ?v=3}, {@code @3} or {@code
 * @3-main} (Val Town's branch; Valbox has only main), and with the val's entry file ({@code /main.ts}, {@code
 * /mod.ts}, {@code /index.tsx}…), since a Valbox val is that one file.
 */
public record ImportSpecifier(String username, String valName, Integer version) {

    private static final String VERSION = "\\d{1,9}";
    /** Group 1 user, 2 val, 3 {@code @N}, 4 {@code ?v=N}. */
    private static final Pattern PATH = Pattern.compile("/v/([a-z][a-z0-9_]{1,29})/([A-Za-z_][A-Za-z0-9_]{0,47})"
            + "(?:@(" + VERSION + ")(?:-main)?)?"
            + "(?:/(?:main|mod|index)\\.(?:ts|tsx|js|jsx))?"
            + "(?:\\?v=(" + VERSION + "))?");

    private static final String ESM_TOWN = "https://esm.town";
    private static final String STD_USER = "std";
    private static final Pattern STD_MODULE = Pattern.compile("blob|sqlite|email|fetch|API_URL");

    /**
     * The worker's own module key ({@code std:blob}) for a standard library import, in any spelling: the worker provides
     * that code itself, and only it can make host calls. A version pin on std names Val Town's history of the module;
     * the worker's copy is the one Valbox ships.
     */
    public static Optional<String> standardLibrary(String specifier) {
        if (!specifier.startsWith(ESM_TOWN)) {
            return Optional.empty();
        }
        return valPath(specifier.substring(ESM_TOWN.length()))
                .filter(m -> m.group(1).equals(STD_USER)
                        && STD_MODULE.matcher(m.group(2)).matches())
                .map(m -> "std:" + m.group(2));
    }

    /** A val URL on esm.town or on this site; empty for anything else (std, npm:, other hosts and files). */
    public static Optional<ImportSpecifier> parse(String specifier, String siteUrl) {
        for (var base : new String[] {ESM_TOWN, stripSlash(siteUrl)}) {
            if (specifier.startsWith(base + "/v/")) {
                // On esm.town, std is Val Town's standard library; on this site it is whoever signed up as std.
                boolean esmTown = base.equals(ESM_TOWN);
                return valPath(specifier.substring(base.length()))
                        .filter(m -> !(esmTown && m.group(1).equals(STD_USER)))
                        .map(m -> new ImportSpecifier(m.group(1), m.group(2), version(m)));
            }
        }
        return Optional.empty();
    }

    /** A path as this site serves modules ({@code /v/alice/lib/main.ts?v=2}), in the spellings an import may use. */
    public static Optional<ImportSpecifier> ofPath(String pathAndQuery) {
        return valPath(pathAndQuery).map(m -> new ImportSpecifier(m.group(1), m.group(2), version(m)));
    }

    /** Matches the path; a version given twice ({@code @2…?v=3}) is ambiguous, so it matches nothing. */
    private static Optional<Matcher> valPath(String path) {
        var matcher = PATH.matcher(path);
        if (!matcher.matches() || (matcher.group(3) != null && matcher.group(4) != null)) {
            return Optional.empty();
        }
        return Optional.of(matcher);
    }

    private static Integer version(Matcher matcher) {
        var pinned = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
        return pinned == null ? null : Integer.valueOf(pinned);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
