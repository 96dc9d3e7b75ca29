package dev.valbox.packages.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.control.Compiler;
import dev.valbox.packages.entity.PackageException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Package files as the compiler workers lowered them ({@code kind: "package"}), compiled once per compiler build and
 * kept in the {@link PackageStore}: a warm save or a run reads them from disk. A file that does not compile is a
 * package that cannot run here, and the save that reaches it fails naming the package, the file and the error. Files
 * a resolution will reach next are compiled {@link #ahead} on other threads, one per compiler worker, so that a cold
 * save keeps every compiler busy.
 */
@ApplicationScoped
public class CompiledFiles {

    /** What a file compiled to: the code a worker runs and the specifiers it imports or requires. */
    public record CompiledFile(String code, List<String> imports) {}

    @Inject
    Compiler compiler;

    @Inject
    PackageStore store;

    @Resource
    ManagedExecutorService executor;

    /** The compiles started {@link #ahead}, until they are stored. */
    private final Map<PackageKey, CompletableFuture<JsonObject>> compiling = new ConcurrentHashMap<>();

    private Semaphore aheadSlots;

    @PostConstruct
    void slots() {
        aheadSlots = new Semaphore(compiler.workers());
    }

    /** How many files are worth compiling ahead at once: one per compiler worker. */
    int parallelism() {
        return compiler.workers();
    }

    public CompiledFile get(PackageFiles files, String path) {
        var key = files.key(path);
        var answer = store.compiled(compiler.build(), key).orElseGet(() -> {
            var started = compiling.get(key);
            return started == null ? compile(files, key) : joined(started);
        });
        if (!answer.getBoolean("ok", false)) {
            var first = answer.getJsonArray("diagnostics").isEmpty()
                    ? JSON.createObjectBuilder().build()
                    : answer.getJsonArray("diagnostics").getJsonObject(0);
            throw new PackageException(files.id() + " cannot run here: " + path + " line " + first.getInt("line", 0)
                    + ", column " + first.getInt("column", 0) + ": " + first.getString("message", "does not compile"));
        }
        return new CompiledFile(
                answer.getString("code"),
                answer.getJsonArray("imports").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
    }

    /**
     * Starts compiling a file that {@link #get} will be asked for soon, if it is neither stored nor being compiled and
     * a compiler worker is free for it.
     */
    void ahead(PackageFiles files, String path) {
        var key = files.key(path);
        if (compiling.containsKey(key) || store.isCompiled(compiler.build(), key) || !aheadSlots.tryAcquire()) {
            return;
        }
        compiling
                .computeIfAbsent(
                        key,
                        started -> CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return compile(files, started);
                                    } finally {
                                        compiling.remove(started);
                                    }
                                },
                                executor))
                .whenComplete((answer, failure) -> aheadSlots.release());
    }

    private static JsonObject joined(CompletableFuture<JsonObject> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private JsonObject compile(PackageFiles files, PackageKey key) {
        var compilation = compiler.compilePackage(files.read(key.path()), key.toString())
                .orElseThrow(() -> new PackageException("the compiler is not available right now; try again shortly"));
        var answer = JSON.createObjectBuilder()
                .add("ok", compilation.ok())
                .add("code", compilation.code())
                .add("imports", JSON.createArrayBuilder(compilation.imports()))
                .add("diagnostics", compilation.diagnostics())
                .build();
        store.storeCompiled(compiler.build(), key, answer);
        return answer;
    }
}
