package dev.valbox.runner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.script.ScriptException;

/**
 * The worker's cache of initialised Globals, keyed by the entry module and the set of module keys of the run,
 * and replaced when the run's env differs from the one it was loaded with. Each Global compiles its own modules
 * ({@link Sandbox#compileModule} says why). The cache is sized by the heap: a count derived from the heap size bounds
 * it ({@link #DEFAULT_CAPACITY}), and its values are soft references, which the collector clears before it would run
 * out of memory, since a small Global is ~200 KB but a val's module state can be any size. Caffeine picks what to
 * drop (W-TinyLFU): with least recently used, a worker whose vals were requested in turn, a few more of them than it
 * holds, missed on every request. Used from the run thread only.
 */
final class Globals {

    /**
     * Small Globals (about 200 KB: a val's runtime is most of it) fill at most 40% of the heap, so about 500 in a
     * default 256 MB worker. Big ones give way to the heap before that.
     */
    static final int DEFAULT_CAPACITY = Integer.getInteger(
            "valbox.runner.globals", (int) Math.max(16, Runtime.getRuntime().maxMemory() * 2 / 5 / (200 << 10)));

    private final Sandbox sandbox;
    private final Cache<String, ValGlobal> globals;

    Globals(Sandbox sandbox, int capacity) {
        this.sandbox = sandbox;
        // Its upkeep runs on the calling thread, the run thread: no pool threads in the worker.
        this.globals = Caffeine.newBuilder()
                .maximumSize(capacity)
                .softValues()
                .executor(Runnable::run)
                .build();
    }

    /** The cached Global for this set of modules and env, or a new one. */
    ValGlobal obtain(String entry, Collection<ValModule> modules, String envJson) throws ScriptException {
        String key = key(entry, modules);
        ValGlobal global = globals.getIfPresent(key);
        if (global == null || !global.holds(modules) || !global.loadedWith(envJson)) {
            global = new ValGlobal(sandbox, entry, modules, envJson);
            globals.put(key, global);
        }
        return global;
    }

    /** A Global that tripped a limit, or whose module failed to load, must not serve again. */
    void discard(String entry, Collection<ValModule> modules) {
        globals.invalidate(key(entry, modules));
    }

    /** How many Globals are held. */
    int size() {
        globals.cleanUp();
        return (int) globals.estimatedSize();
    }

    private static String key(String entry, Collection<ValModule> modules) {
        List<String> keys = new ArrayList<>();
        for (ValModule module : modules) {
            keys.add(module.key());
        }
        keys.sort(null);
        return Objects.requireNonNull(entry) + "\u0000" + String.join("\u0000", keys);
    }
}
