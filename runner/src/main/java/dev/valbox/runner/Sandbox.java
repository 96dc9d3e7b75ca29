package dev.valbox.runner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.script.Bindings;
import javax.script.CompiledScript;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornScriptEngine;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * The worker's single Nashorn engine and the locked-down Globals made from it. One engine per process:
 * several engines in one JVM collapsed throughput when host objects were called (research §3). The
 * engine has no Java access ({@code --no-java}), no Nashorn syntax extensions, and a class filter that
 * denies every class, which is also what switches off reflection on Class objects.
 */
final class Sandbox {

    /**
     * No class cache ({@code --class-cache-size=0}): Nashorn's own cache of the last 50 compiled sources would share
     * their code between Globals, and with it the Globals themselves (see {@link #compileModule}).
     */
    private static final String[] OPTIONS = {
        "--language=es6", "--no-java", "--no-syntax-extensions", "--class-cache-size=0"
    };

    private static volatile Sandbox instance;

    /**
     * Wraps CommonJS module code so that evaluating it yields the module's factory function. The fourth parameter is
     * the module's {@code import.meta}, which the compiler rewrites to {@code __importMeta}.
     */
    static final String MODULE_HEAD = "(function (exports, require, module, __importMeta) {";

    static final String MODULE_TAIL = "\n})";

    /**
     * Wraps a module of an npm package or a Node built-in: Node's CommonJS scope (PROTOCOL.md, "npm packages"), filled
     * by runtime.js, plus {@code MessageChannel}, which browser builds (react-dom/server's) create when they load and
     * which is no global of the val. {@code Function} is a stand-in whose prototype is the real one and which refuses to run strings.
     */
    static final String PACKAGE_HEAD = "(function (exports, require, module, __importMeta, __filename, __dirname,"
            + " global, process, Buffer, setImmediate, clearImmediate, MessageChannel, Function) {";

    /** Module keys of npm package files, which get {@link #PACKAGE_HEAD}. */
    static final String PACKAGE_PREFIX = "npm:";

    /** Wraps a standard library module: like a val module, plus the host API as a fourth parameter. */
    private static final String STANDARD_HEAD = "(function (exports, require, module, host) {";

    private final NashornScriptEngine engine;
    private final List<CompiledScript> valPrelude;
    private final Map<String, Optional<CompiledScript>> standardModules = new ConcurrentHashMap<>();
    private final Map<String, Optional<CompiledScript>> nodeModules = new ConcurrentHashMap<>();

    private Sandbox() {
        engine = (NashornScriptEngine) new NashornScriptEngineFactory()
                .getScriptEngine(OPTIONS, Sandbox.class.getClassLoader(), name -> false);
        valPrelude = List.of(
                compile("valbox:es2015.js", Prelude.js("es2015.js")),
                compile("valbox:runtime.js", Prelude.js("runtime.js")),
                compile("valbox:lazy.js", Prelude.js("lazy.js")),
                compile("valbox:regexp.js", Prelude.js("regexp.js")),
                compile("valbox:bigint.js", Prelude.js("bigint.js")),
                compile(
                        "valbox:promise.js",
                        Prelude.scoped(Prelude.withCaughtErrors(Prelude.js("vendor/promise-polyfill.js")))),
                compile("valbox:tslib.js", Prelude.withCaughtErrors(Prelude.resource(Prelude.TSLIB))),
                compile("valbox:url.js", Prelude.lazyUrl()),
                compile("valbox:web.js", Prelude.js("web.js")),
                compile("valbox:crypto-subtle.js", Prelude.js("crypto-subtle.js")),
                compile("valbox:intl.js", Prelude.js("intl.js")),
                compile("valbox:io.js", Prelude.js("io.js")),
                // Loaded on first use (lazy.js): each costs a Global a factory function until then.
                compile("valbox:es-lazy.js", Prelude.js("es-lazy.js")),
                compile("valbox:events.js", Prelude.js("events.js")),
                compile("valbox:streams.js", Prelude.js("streams.js")),
                compile("valbox:blob.js", Prelude.js("blob.js")),
                compile("valbox:urlpattern.js", Prelude.js("urlpattern.js")),
                compile("valbox:lockdown.js", Prelude.js("lockdown.js")),
                compile("valbox:globals.js", Prelude.js("val-globals.js")));
    }

    static Sandbox get() {
        Sandbox local = instance;
        if (local == null) {
            synchronized (Sandbox.class) {
                local = instance;
                if (local == null) {
                    instance = local = new Sandbox();
                }
            }
        }
        return local;
    }

    /**
     * Compiles once; the result can be evaluated in any Global of this engine. The file name shows in JS
     * stack traces, so it is a module key or a {@code valbox:} name, never a host path.
     */
    CompiledScript compile(String fileName, String source) {
        // The file name is read from the engine's own context at compile time, hence the lock.
        synchronized (engine) {
            engine.put(ScriptEngine.FILENAME, fileName);
            try {
                return engine.compile(source);
            } catch (ScriptException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } finally {
                engine.put(ScriptEngine.FILENAME, null);
            }
        }
    }

    /**
     * Compiles a val module for one Global. Val code is never shared between Globals: once code that reads a global
     * (any global: {@code Math}, {@code Response}) has run in a Global, its call sites keep that Global until Nashorn
     * stops relinking them after eight Globals. Shared through a cache, a val's code kept up to eight of its dropped
     * Globals (about 200 KB each) alive, and a worker running 1,000 vals in turn filled its heap with them. A small
     * module compiles in about 0.5 ms.
     */
    CompiledScript compileModule(ValModule module) throws ScriptException {
        try {
            // The head stays on the first line so that stack trace line numbers match the code.
            String head = module.key().startsWith(PACKAGE_PREFIX) ? PACKAGE_HEAD : MODULE_HEAD;
            return compile(module.key(), head + module.code() + MODULE_TAIL);
        } catch (IllegalArgumentException syntax) {
            throw new ScriptException(syntax.getMessage());
        }
    }

    /**
     * The compiled standard library module {@code std:<name>} (resource {@code js/std/<name>.js}), or null
     * when the worker has none by that name. Compiled once per worker.
     */
    CompiledScript standardModule(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return null;
        }
        return standardModules
                .computeIfAbsent(name, n -> Prelude.optionalJs("std/" + n + ".js")
                        .map(source -> compile("std:" + n, STANDARD_HEAD + source + "\n})")))
                .orElse(null);
    }

    /**
     * The compiled Node built-in {@code node:<name>} (resource {@code js/node/<name>.js}), or null when vals cannot
     * use it. Compiled once per worker, like the standard library.
     */
    CompiledScript nodeModule(String name) {
        if (!name.matches("[a-z][a-z_]*")) {
            return null;
        }
        return nodeModules
                .computeIfAbsent(name, n -> Prelude.optionalJs("node/" + n + ".js")
                        .map(source -> compile("node:" + n, PACKAGE_HEAD + source + MODULE_TAIL)))
                .orElse(null);
    }

    /** Loads the val runtime into a fresh Global and locks it down; answers the runtime's handle. */
    ScriptObjectMirror loadValRuntime(Bindings global, ValHost host) {
        global.put("__host", host);
        Object handle = null;
        try {
            for (CompiledScript script : valPrelude) {
                handle = script.eval(global);
            }
        } catch (ScriptException e) {
            throw new IllegalStateException("the val prelude failed: " + e.getMessage(), e);
        }
        return (ScriptObjectMirror) handle;
    }

    /** A fresh, empty Global: the transpiler brings its own prelude. */
    Bindings newGlobal() {
        return engine.createBindings();
    }
}
