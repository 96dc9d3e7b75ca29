package dev.valbox.packages.entity;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a saved version's package imports resolved to, so that the version always runs the same package code:
 * {@code entries} maps each import specifier of the val ({@code npm:zod@^3}) to the module key of its entry file,
 * {@code packages} every package reached ({@code zod@3.23.8}) to its integrity, and {@code modules} every package
 * module reached to its imports map (specifier to module key), exactly as a worker's {@code run} wants it. Stored as
 * JSON on the version; never changed.
 */
public record PackageLock(
        Map<String, String> entries, Map<String, String> packages, Map<String, Map<String, String>> modules) {

    public static final PackageLock NONE = new PackageLock(Map.of(), Map.of(), Map.of());

    public PackageLock {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        packages = Collections.unmodifiableMap(new TreeMap<>(packages));
        var copy = new LinkedHashMap<String, Map<String, String>>();
        modules.forEach((key, imports) -> copy.put(key, Collections.unmodifiableMap(new LinkedHashMap<>(imports))));
        modules = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Package name to resolved version, as {@code GET} shows it. A name reached at two versions (two dependents
     * whose ranges do not overlap) shows both, comma-separated, oldest first.
     */
    public Map<String, String> versions() {
        var byName = new TreeMap<String, TreeSet<String>>();
        packages.keySet().forEach(id -> {
            int at = id.lastIndexOf('@');
            byName.computeIfAbsent(id.substring(0, at), n -> new TreeSet<>()).add(id.substring(at + 1));
        });
        var versions = new LinkedHashMap<String, String>();
        byName.forEach((name, set) -> versions.put(name, String.join(", ", set)));
        return versions;
    }

    public String toJson() {
        var json = JSON.createObjectBuilder().add("entries", strings(entries)).add("packages", strings(packages));
        var mods = JSON.createObjectBuilder();
        modules.forEach((key, imports) -> mods.add(key, strings(imports)));
        return json.add("modules", mods).build().toString();
    }

    public static PackageLock fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return NONE;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            var object = reader.readObject();
            var modules = new LinkedHashMap<String, Map<String, String>>();
            object.getJsonObject("modules").forEach((key, imports) -> modules.put(key, map(imports.asJsonObject())));
            return new PackageLock(
                    map(object.getJsonObject("entries")), map(object.getJsonObject("packages")), modules);
        }
    }

    private static Map<String, String> map(JsonObject object) {
        var map = new LinkedHashMap<String, String>();
        object.forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
        return map;
    }

    private static jakarta.json.JsonObjectBuilder strings(Map<String, String> map) {
        var builder = JSON.createObjectBuilder();
        map.forEach(builder::add);
        return builder;
    }
}
