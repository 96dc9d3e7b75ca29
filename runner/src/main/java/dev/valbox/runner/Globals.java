package dev.valbox.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.script.CompiledScript;
import javax.script.ScriptException;

/**
 * The worker's cache of initialised Globals, keyed by the entry module and the set of module keys of the run,
 * and replaced when the run's env differs from the one it was loaded with. Module code is compiled once per
 * module key and shared by every Global. Both caches are sized by the heap: a count per MB of heap bounds them,
 * and their values are soft references (see {@link SoftCache}), since a small Global is ~200 KB but a val's
 * module state can be any size. Used from the run thread only.
 */
final class Globals implements ValGlobal.ModuleScripts {

    /**
     * At most one Global per MB of heap (256 in a default worker): many small Globals then fill about a third of the
     * heap. Soft references alone let them fill all of it, and with a thousand vals in turn a 256 MB worker spent a
     * third of its time in full collections of half a second each. Big ones still give way to the heap.
     */
    static final int DEFAULT_CAPACITY = Integer.getInteger(
            "valbox.runner.globals", (int) Math.max(16, Runtime.getRuntime().maxMemory() >> 20));
    /** Wraps CommonJS module code so that evaluating it yields the module's factory function. */
    private static final String MODULE_HEAD = "(function (exports, require, module) {";

    private static final String MODULE_TAIL = "\n})";

    private final Sandbox sandbox;
    private final SoftCache<ValGlobal> globals;
    private final SoftCache<CompiledModule> compiled;

    Globals(Sandbox sandbox, int capacity) {
        this.sandbox = sandbox;
        this.globals = new SoftCache<>(capacity);
        this.compiled = new SoftCache<>(capacity * 4);
    }

    /** The cached Global for this set of modules and env, or a new one. */
    ValGlobal obtain(String entry, Collection<ValModule> modules, String envJson) throws ScriptException {
        String key = key(entry, modules);
        ValGlobal global = globals.get(key);
        if (global == null || !global.holds(modules) || !global.loadedWith(envJson)) {
            global = new ValGlobal(sandbox, this, entry, modules, envJson);
            globals.put(key, global);
        }
        return global;
    }

    /** A Global that tripped a limit, or whose module failed to load, must not serve again. */
    void discard(String entry, Collection<ValModule> modules) {
        globals.remove(key(entry, modules));
    }

    int size() {
        return globals.size();
    }

    @Override
    public CompiledScript get(ValModule module) throws ScriptException {
        CompiledModule known = compiled.get(module.key());
        if (known != null && known.code().equals(module.code())) {
            return known.script();
        }
        try {
            // The head stays on the first line so that stack trace line numbers match the code.
            CompiledScript script = sandbox.compile(module.key(), MODULE_HEAD + module.code() + MODULE_TAIL);
            compiled.put(module.key(), new CompiledModule(module.code(), script));
            return script;
        } catch (IllegalArgumentException syntax) {
            throw new ScriptException(syntax.getMessage());
        }
    }

    private static String key(String entry, Collection<ValModule> modules) {
        List<String> keys = new ArrayList<>();
        for (ValModule module : modules) {
            keys.add(module.key());
        }
        keys.sort(null);
        return Objects.requireNonNull(entry) + "\u0000" + String.join("\u0000", keys);
    }

    private record CompiledModule(String code, CompiledScript script) {}
}
