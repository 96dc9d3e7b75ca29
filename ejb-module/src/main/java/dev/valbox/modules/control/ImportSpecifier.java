package dev.valbox.modules.control;

import java.util.Optional;
import java.util.regex.Pattern;

/** A val import, parsed: whose val, which one, and the pinned version if any. */
public record ImportSpecifier(String username, String valName, Integer version) {

    private static final String PATH = "/v/([a-z][a-z0-9_]{1,29})/([A-Za-z_][A-Za-z0-9_]{0,47})(?:\\?v=(\\d{1,9}))?";
    private static final String STD_PREFIX = "https://esm.town/v/std/";

    private static final Pattern STD = Pattern.compile("https://esm\\.town/v/std/(blob|sqlite|email|fetch|API_URL)");

    /**
     * The worker's own module key ({@code std:blob}) for a standard library import: the worker provides that code
     * itself, and only it can make host calls.
     */
    public static Optional<String> standardLibrary(String specifier) {
        var matcher = STD.matcher(specifier);
        return matcher.matches() ? Optional.of("std:" + matcher.group(1)) : Optional.empty();
    }

    /** A val URL on esm.town or on this site; empty for anything else (std, npm:, other hosts). */
    public static Optional<ImportSpecifier> parse(String specifier, String siteUrl) {
        if (specifier.startsWith(STD_PREFIX)) {
            return Optional.empty();
        }
        for (var base : new String[] {"https://esm.town", stripSlash(siteUrl)}) {
            if (specifier.startsWith(base + "/v/")) {
                var matcher = Pattern.compile(PATH).matcher(specifier.substring(base.length()));
                if (matcher.matches()) {
                    var version = matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3));
                    return Optional.of(new ImportSpecifier(matcher.group(1), matcher.group(2), version));
                }
            }
        }
        return Optional.empty();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
