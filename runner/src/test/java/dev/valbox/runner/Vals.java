package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Test fixture: compiles and runs vals in-process through the worker's own classes, on a thread with the
 * production stack size. TypeScript is loaded once per test JVM because it takes seconds.
 */
final class Vals {

    private static Transpiler transpiler;
    private static Fetcher standardFetcher;
    private final Globals globals = new Globals(Sandbox.get(), 16);
    /** No server here: host calls go out into nothing and are never answered (WorkerTest has a server). */
    private final HostCalls calls = new HostCalls(frame -> {});

    private final Fetcher fetcher;

    Vals() {
        this(standardFetcher());
    }

    Vals(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    private static synchronized Fetcher standardFetcher() {
        if (standardFetcher == null) {
            standardFetcher = Fetcher.standard();
        }
        return standardFetcher;
    }

    static synchronized Transpiler transpiler() {
        if (transpiler == null) {
            transpiler = onThread(() -> new Transpiler(Sandbox.get()), Worker.COMPILER_STACK_BYTES);
        }
        return transpiler;
    }

    static Transpiler.Compilation compile(String source) {
        Transpiler ts = transpiler();
        return onThread(() -> ts.compile(source), Worker.COMPILER_STACK_BYTES);
    }

    /** Compiles the source, which must compile. */
    static ValModule module(String key, String source, Map<String, String> imports) {
        Transpiler.Compilation compilation = compile(source);
        assertTrue(compilation.ok(), () -> "compile failed: " + compilation.diagnostics());
        return new ValModule(key, compilation.code(), imports);
    }

    Map<String, Object> run(String source, Map<String, Object> call) {
        return run(List.of(module(keyOf(source), source, Map.of())), call, Map.of(), 10_000);
    }

    Map<String, Object> call(String source, Object... args) {
        return run(source, Map.of("kind", "function", "args", List.of(args)));
    }

    /** What the val's default export returns, called with no arguments; the run must succeed. */
    Object value(String source) {
        Map<String, Object> result = call(source);
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    Map<String, Object> run(
            List<ValModule> modules, Map<String, Object> call, Map<String, String> env, long timeoutMs) {
        return run(modules, call, env, limits(timeoutMs, false));
    }

    Map<String, Object> run(
            List<ValModule> modules, Map<String, Object> call, Map<String, String> env, Evaluation.Limits limits) {
        var evaluation = evaluation(modules, call, env, limits);
        return onThread(() -> evaluation.run(globals), Worker.RUN_STACK_BYTES);
    }

    Evaluation evaluation(
            List<ValModule> modules, Map<String, Object> call, Map<String, String> env, Evaluation.Limits limits) {
        return new Evaluation("eval-1", modules.get(0).key(), modules, call, env, false, limits, calls, fetcher);
    }

    static Evaluation.Limits limits(long timeoutMs, boolean allowPrivateFetch) {
        return new Evaluation.Limits(
                timeoutMs, timeoutMs, Budget.DEFAULT_ALLOCATION_BYTES, 100 * 1024, allowPrivateFetch);
    }

    /** Module keys name immutable code, so each distinct source gets its own key. */
    static String keyOf(String source) {
        return "val:" + Integer.toHexString(source.hashCode());
    }

    Globals globals() {
        return globals;
    }

    static <T> T onThread(java.util.function.Supplier<T> work, long stackBytes) {
        var result = new CompletableFuture<T>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result.complete(work.get());
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                },
                "test-val",
                stackBytes);
        thread.start();
        try {
            return result.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e.getCause() == null ? e : e.getCause());
        }
    }
}
