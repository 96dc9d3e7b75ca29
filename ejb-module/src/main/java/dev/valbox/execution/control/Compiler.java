package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.database.control.DataDirectory;
import dev.valbox.vals.entity.ValVersion;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The compiler workers: separate runner JVMs holding the TypeScript transpiler, which is slow to load and parses
 * hostile input. They start and warm up in the background at boot. Each compiles one file at a time, so
 * {@code valbox.compiler.workers} saves (or files of a package) compile at once; a compile that hangs or crashes its
 * worker costs only that compile, and the worker is replaced.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Compiler {

    private static final Logger LOG = Logger.getLogger(Compiler.class.getName());

    @Inject
    @ConfigProperty(name = "valbox.compiler.heap-mb", defaultValue = "512")
    int heapMb;

    @Inject
    @ConfigProperty(name = "valbox.compiler.timeout-ms", defaultValue = "90000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "valbox.compiler.workers", defaultValue = "2")
    int workers;

    @Inject
    DataDirectory dataDirectory;

    private RunnerCommand command;
    /** The workers not compiling right now; a compile takes one and gives it (or its replacement) back. */
    private final BlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();

    private final List<WorkerProcess> all = new CopyOnWriteArrayList<>();

    private volatile boolean stopped;

    @PostConstruct
    void start() {
        if (workers < 1) {
            throw new IllegalStateException("valbox.compiler.workers must be at least 1, got " + workers);
        }
        var dir = dataDirectory.path().resolve("runner").toAbsolutePath();
        command = RunnerCommand.of(RunnerJar.extract(dir), dir, heapMb);
        var first = launched(0);
        idle.add(first);
        // Loading TypeScript takes seconds of CPU. The first worker loads it alone, so that the first save after a boot
        // waits for one load rather than for all of them sharing the cores; the others start once it is ready.
        warmUp(first).whenComplete((ready, failure) -> {
            for (int slot = 1; slot < workers && !stopped; slot++) {
                try {
                    var worker = launched(slot);
                    // Only a warm worker joins: a save given a cold one would wait for its whole load.
                    warmUp(worker).whenComplete((warm, died) -> idle.add(worker));
                } catch (IllegalStateException e) {
                    LOG.log(Level.WARNING, "compiler " + slot + " did not start; fewer files compile at once", e);
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        stopped = true;
        all.forEach(WorkerProcess::kill);
    }

    /** How many files compile at once. */
    public int workers() {
        return workers;
    }

    /**
     * Transpiles one val's source. Empty when the compiler could not answer (it overran its time or crashed): the
     * caller keeps the source and compiles again later.
     */
    public Optional<Compilation> compile(String source) {
        return compile(JSON.createObjectBuilder().add("source", source));
    }

    /**
     * Lowers one file of an npm package ({@code kind: "package"}, NPM-CONTRACT.md): ESM to CommonJS, CommonJS kept,
     * JSON made a module; {@code file} is its module key, which diagnostics name.
     */
    public Optional<Compilation> compilePackage(String source, String file) {
        return compile(JSON.createObjectBuilder()
                .add("source", source)
                .add("kind", "package")
                .add("file", file));
    }

    /** Names this compiler build (the runner jar's content hash): what it compiled once stays valid until it changes. */
    public String build() {
        var jar = command.jar().getFileName().toString();
        return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
    }

    private Optional<Compilation> compile(jakarta.json.JsonObjectBuilder request) {
        var id = UUID.randomUUID().toString();
        var frame = request.add("op", "compile").add("id", id).build();
        WorkerProcess worker;
        try {
            worker = idle.poll(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (worker == null) {
            LOG.warning("no compiler was free within " + timeoutMs + " ms");
            return Optional.empty();
        }
        // Whatever happens, the slot goes back to the pool: a worker that could not be replaced is tried (and
        // replaced) again by the next compile.
        var back = worker;
        try {
            return Optional.of(Compilation.from(worker.request(id, frame).get(timeoutMs, TimeUnit.MILLISECONDS)));
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.WARNING, "compiler " + worker.slot() + " did not answer; replacing it", e);
            back = replaced(worker);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            back = replaced(worker);
            return Optional.empty();
        } finally {
            idle.add(back);
        }
    }

    /** Compiles a version's source and records the result on it; leaves it uncompiled if the compiler failed. */
    public void compileInto(ValVersion version) {
        compile(version.code())
                .ifPresent(compilation -> version.compiled(
                        compilation.code(),
                        JSON.createArrayBuilder(compilation.imports()).build().toString(),
                        compilation.ok() ? null : compilation.diagnostics().toString()));
    }

    private WorkerProcess replaced(WorkerProcess worker) {
        worker.kill();
        all.remove(worker);
        var replacement = launched(worker.slot());
        warmUp(replacement);
        return replacement;
    }

    private WorkerProcess launched(int slot) {
        try {
            var worker = WorkerProcess.start("compiler-" + slot, slot, command.processBuilder(), (compiler, call) -> {
                // Compiling runs no val code, so there is nobody to answer for.
            });
            all.add(worker);
            return worker;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the compiler worker: " + command, e);
        }
    }

    /** Loads TypeScript in the worker now, not in the first save; compiles sent meanwhile wait for it. */
    private static CompletableFuture<JsonObject> warmUp(WorkerProcess worker) {
        return worker.request(
                "warmup", JSON.createObjectBuilder().add("op", "warmup").build());
    }
}
