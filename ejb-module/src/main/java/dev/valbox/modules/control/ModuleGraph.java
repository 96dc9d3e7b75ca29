package dev.valbox.modules.control;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entry module and everything it imports, keyed by val version id, as a worker's {@code run} wants it. */
public record ModuleGraph(String entry, Map<String, Module> modules) {

    public record Module(String code, Map<String, String> imports) {}

    public static ModuleGraph single(String key, String code) {
        return single(key, code, Map.of());
    }

    /** One module whose imports are all the worker's own (std: keys). */
    public static ModuleGraph single(String key, String code, Map<String, String> imports) {
        return new ModuleGraph(key, Map.of(key, new Module(code, Map.copyOf(imports))));
    }

    public JsonObject modulesJson() {
        var json = JSON.createObjectBuilder();
        modules.forEach((key, module) -> {
            var imports = JSON.createObjectBuilder();
            new LinkedHashMap<>(module.imports()).forEach(imports::add);
            json.add(key, JSON.createObjectBuilder().add("code", module.code()).add("imports", imports));
        });
        return json.build();
    }
}
