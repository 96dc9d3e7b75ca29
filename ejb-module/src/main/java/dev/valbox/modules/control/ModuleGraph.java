package dev.valbox.modules.control;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entry module and everything it imports, keyed by val version id, as a worker's {@code run} wants it. */
public record ModuleGraph(String entry, Map<String, Module> modules) {

    /** @param url what the module's {@code import.meta.url} is; null for code that is no val (eval, the adapter) */
    public record Module(String code, Map<String, String> imports, String url) {}

    public static ModuleGraph single(String key, String code) {
        return single(key, code, Map.of());
    }

    /** One module whose imports are all the worker's own (std: keys). */
    public static ModuleGraph single(String key, String code, Map<String, String> imports) {
        return new ModuleGraph(key, Map.of(key, new Module(code, Map.copyOf(imports), null)));
    }

    public JsonObject modulesJson() {
        var json = JSON.createObjectBuilder();
        modules.forEach((key, module) -> {
            var imports = JSON.createObjectBuilder();
            new LinkedHashMap<>(module.imports()).forEach(imports::add);
            var entry = JSON.createObjectBuilder().add("code", module.code()).add("imports", imports);
            if (module.url() != null) {
                entry.add("url", module.url());
            }
            json.add(key, entry);
        });
        return json.build();
    }
}
