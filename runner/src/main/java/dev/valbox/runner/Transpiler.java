package dev.valbox.runner;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornException;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * TypeScript 4.9 (the last release whose typescript.js is ES5) in its own locked-down Global of the
 * worker's engine. Loading takes seconds, so it happens once, on first use or on the warmup op. It parses
 * hostile input too, so it gets the same lockdown as a val Global. Not thread-safe: the worker calls it
 * from its compiler thread only.
 */
final class Transpiler {

    private static final String WARMUP_SOURCE = Prelude.js("warmup.ts");

    private final ScriptObjectMirror handle;
    private final EngineSyntax engineSyntax = new EngineSyntax();
    private final Es5Instrumentation es5 = new Es5Instrumentation();

    Transpiler(Sandbox sandbox) {
        Bindings global = sandbox.newGlobal();
        try {
            sandbox.compile("valbox:transpiler-prelude.js", Prelude.js("transpiler-prelude.js"))
                    .eval(global);
            sandbox.compile("valbox:es2015.js", Prelude.js("es2015.js")).eval(global);
            sandbox.compile("valbox:typescript.js", Prelude.typescript()).eval(global);
            sandbox.compile("valbox:lockdown.js", Prelude.js("lockdown.js")).eval(global);
            handle = (ScriptObjectMirror) sandbox.compile("valbox:transpiler.js", Prelude.js("transpiler.js"))
                    .eval(global);
        } catch (ScriptException e) {
            throw new IllegalStateException("TypeScript failed to load: " + e.getMessage(), e);
        }
    }

    /** One transpile so that the next one is fast (TS compiles its own code lazily on first use). */
    void warm() {
        compile(WARMUP_SOURCE);
    }

    Compilation compile(String source) {
        return compiled(() -> handle.callMember("compile", source));
    }

    /**
     * A file of an npm package (the compile op's {@code kind: "package"}): {@code file} is its module key, which
     * names the file in diagnostics and tells JSON from JavaScript.
     */
    Compilation compilePackage(String source, String file) {
        if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            String script = source.startsWith("#!") ? "//" + source.substring(2) : source;
            Es5Instrumentation.Result plain = es5.instrument(script);
            if (plain != null && engineSyntax.check(plain.code()) == null) {
                return new Compilation(true, plain.code(), plain.imports(), List.of());
            }
        }
        return compiled(() -> handle.callMember("compilePackage", source, file));
    }

    private Compilation compiled(java.util.function.Supplier<Object> transpile) {
        try {
            Object json = transpile.get();
            return checkedByEngine(Compilation.from(Frames.JSON_TEXT.mapFrom(json.toString())));
        } catch (NashornException tsFailure) {
            // TypeScript throws "Debug Failure" on some broken inputs: that is a syntax error to the user.
            return Compilation.failed(tsFailure.getMessage(), 1, 1);
        } catch (StackOverflowError tooDeep) {
            return Compilation.failed("The code is nested too deeply to compile", 1, 1);
        } catch (IOException e) {
            throw new IllegalStateException("transpiler answered invalid JSON", e);
        }
    }

    /**
     * A compilation whose code the engine cannot parse fails, at the source position of the construct: TypeScript
     * lowers syntax to ES5, but leaves some (RegExp flags, literals) as written.
     */
    private Compilation checkedByEngine(Compilation compilation) {
        if (!compilation.ok()) {
            return compilation;
        }
        EngineSyntax.Error error = engineSyntax.check(compilation.code());
        if (error == null) {
            return compilation;
        }
        // The engine reports a bad RegExp literal at its end: look up the literal's last character instead.
        long column = error.message().contains("RegExp") ? Math.max(0, error.column() - 1) : error.column();
        String[] at = handle.callMember("sourcePosition", error.line(), column)
                .toString()
                .split(":");
        return Compilation.failed(
                "Not supported by the val runtime (Nashorn): " + error.message(),
                Integer.parseInt(at[0]),
                Integer.parseInt(at[1]));
    }

    /** The answer to a compile op; see PROTOCOL.md. */
    record Compilation(boolean ok, String code, List<String> imports, List<Map<String, Object>> diagnostics) {

        @SuppressWarnings("unchecked")
        static Compilation from(Map<String, Object> json) {
            return new Compilation(
                    Boolean.TRUE.equals(json.get("ok")),
                    (String) json.get("code"),
                    (List<String>) json.get("imports"),
                    (List<Map<String, Object>>) json.get("diagnostics"));
        }

        static Compilation failed(String message, int line, int column) {
            String text = message == null ? "TypeScript could not compile the code" : message;
            return new Compilation(
                    false,
                    "",
                    List.of(),
                    List.of(Map.of("message", text, "line", Math.max(1, line), "column", Math.max(1, column))));
        }
    }
}
