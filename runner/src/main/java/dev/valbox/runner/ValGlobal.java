package dev.valbox.runner;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.script.Bindings;
import javax.script.CompiledScript;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * A Global with the runtime and one val's modules loaded. Reused for that val's later calls (module
 * state persists, as in a Deno isolate), never for another val. Only the run thread touches it.
 */
final class ValGlobal {

    /** Module keys of the worker's own standard library (PROTOCOL.md, "Standard library modules"). */
    static final String STANDARD_PREFIX = "std:";

    /** Module keys of the Node built-ins the worker provides to packages (PROTOCOL.md, "npm packages"). */
    static final String NODE_PREFIX = "node:";

    /**
     * The Node built-ins the worker has (js/node/<name>.js). Each can require the others, so a Global that uses
     * any gets all of them defined; a factory only runs when required.
     */
    static final List<String> NODE_BUILTINS =
            List.of("buffer", "events", "util", "path", "url", "querystring", "string_decoder");

    private final ValHost host = new ValHost(this::settle);
    private final ScriptObjectMirror runtime;
    private final String entry;
    private final Map<String, String> codeByKey = new HashMap<>();
    /** Each module's URL, which its import.meta.url was made from. */
    private final Map<String, String> urlByKey = new HashMap<>();
    /** The env its modules were loaded with: top-level code may have kept values from it. */
    private final String envJson;

    ValGlobal(Sandbox sandbox, String entry, Collection<ValModule> modules, String envJson) throws ScriptException {
        this.entry = entry;
        this.envJson = envJson;
        Bindings global = sandbox.newGlobal();
        this.runtime = sandbox.loadValRuntime(global, host);
        Set<String> standard = new TreeSet<>();
        boolean usesNode = false;
        for (ValModule module : modules) {
            usesNode |= module.key().startsWith(Sandbox.PACKAGE_PREFIX);
            codeByKey.put(module.key(), module.code());
            urlByKey.put(module.key(), module.url());
            Object factory = sandbox.compileModule(module).eval(global);
            runtime.callMember("define", module.key(), factory, json(module.imports()), module.url(), module.info());
            for (String key : module.imports().values()) {
                if (key.startsWith(STANDARD_PREFIX)) {
                    standard.add(key);
                }
                usesNode |= key.startsWith(NODE_PREFIX);
            }
        }
        if (usesNode) {
            defineNodeBuiltins(sandbox, global);
        }
        // The standard library ships with the worker; a key it does not know stays undefined, so that
        // requiring it fails like any module the server did not provide.
        for (String key : standard) {
            CompiledScript script = sandbox.standardModule(key.substring(STANDARD_PREFIX.length()));
            if (script != null) {
                runtime.callMember("define", key, script.eval(global), "{}", null, "{}");
            }
        }
    }

    /** The built-ins under node:<name>, each requiring the others by either spelling. */
    private void defineNodeBuiltins(Sandbox sandbox, Bindings global) throws ScriptException {
        Map<String, String> imports = new HashMap<>();
        for (String name : NODE_BUILTINS) {
            imports.put(name, NODE_PREFIX + name);
            imports.put(NODE_PREFIX + name, NODE_PREFIX + name);
        }
        String importsJson = json(imports);
        for (String name : NODE_BUILTINS) {
            CompiledScript script = sandbox.nodeModule(name);
            if (script != null) {
                runtime.callMember("define", NODE_PREFIX + name, script.eval(global), importsJson, null, "{}");
            }
        }
    }

    /** Whether this Global serves runs with this env: a changed env var must not linger in module state. */
    boolean loadedWith(String envJson) {
        return this.envJson.equals(envJson);
    }

    /** Whether these are the modules this Global was made from (keys are meant to name immutable code). */
    boolean holds(Collection<ValModule> modules) {
        for (ValModule module : modules) {
            if (!module.code().equals(codeByKey.get(module.key()))
                    || !Objects.equals(module.url(), urlByKey.get(module.key()))) {
                return false;
            }
        }
        return modules.size() == codeByKey.size();
    }

    void attach(Budget budget, RunLog log, RunIo io) {
        host.attach(budget, log, io);
    }

    /** Resolves or rejects the promise of a host call or fetch; on the run thread. */
    private void settle(int token, RunIo.Settlement settlement) {
        runtime.callMember("settle", token, settlement.failureJson(), settlement.valueJson(), settlement.body());
    }

    void detach() {
        host.detach();
    }

    /** @param valToken whether the server mints a val token for this run when the val first reads it */
    void start(String callJson, String envJson, boolean valToken) {
        runtime.callMember("run", entry, callJson, envJson, valToken);
    }

    void drain() {
        runtime.callMember("drain");
    }

    /** The outcome JSON once the run has settled, else null. */
    String outcome() {
        return runtime.callMember("outcome") instanceof String s ? s : null;
    }

    /** Milliseconds until the next timer is due, or -1 when none is pending. */
    long nextTimer() {
        return ((Number) runtime.callMember("nextTimer")).longValue();
    }

    void fireTimers() {
        runtime.callMember("fireTimers");
    }

    /**
     * Ends a run; answers whether the Global may serve the next one. Not if the run cut the loading of the URL
     * polyfill short (url.js): built-ins may be half patched.
     */
    boolean finish() {
        boolean healthy = Boolean.TRUE.equals(runtime.callMember("finish"));
        Object url = runtime.callMember("urlState");
        return healthy && ("lazy".equals(url) || "loaded".equals(url));
    }

    /** Whether this Global has loaded its URL polyfill, which it does on first use of URL or URLSearchParams. */
    boolean urlLoaded() {
        return "loaded".equals(runtime.callMember("urlState"));
    }

    /** Whether this Global has made Intl (intl.js), which it does on first use of Intl or a toLocale* method. */
    boolean intlLoaded() {
        return "loaded".equals(runtime.callMember("intlState"));
    }

    /** Whether this Global has made crypto.subtle (crypto-subtle.js), which it does on first read of it. */
    boolean subtleLoaded() {
        return "loaded".equals(runtime.callMember("subtleState"));
    }

    private static String json(Object value) {
        try {
            return Frames.JSON_TEXT.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
