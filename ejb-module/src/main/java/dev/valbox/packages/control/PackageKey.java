package dev.valbox.packages.control;

import java.util.Optional;

/**
 * The module key of a file in a package, {@code npm:<name>@<exact version>/<path>} (NPM-CONTRACT.md): the
 * {@code npm:} prefix tells the worker the module is package code, and an exact version makes the key name one
 * immutable file.
 */
public record PackageKey(String name, String version, String path) {

    static final String PREFIX = "npm:";

    public String id() {
        return name + "@" + version;
    }

    @Override
    public String toString() {
        return PREFIX + id() + "/" + path;
    }

    public static Optional<PackageKey> parse(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var rest = key.substring(PREFIX.length());
        int at = rest.indexOf('@', rest.startsWith("@") ? rest.indexOf('/') + 1 : 0);
        if (at <= 0) {
            return Optional.empty();
        }
        int slash = rest.indexOf('/', at);
        if (slash < 0) {
            return Optional.empty();
        }
        return Optional.of(
                new PackageKey(rest.substring(0, at), rest.substring(at + 1, slash), rest.substring(slash + 1)));
    }
}
