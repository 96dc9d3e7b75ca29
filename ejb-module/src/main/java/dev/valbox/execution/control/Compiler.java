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
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The compiler worker: a separate runner JVM holding the TypeScript transpiler, which is slow to load and parses
 * hostile input. It starts and warms up in the background at boot. One compile at a time; a compile that hangs or
 * crashes the worker costs only that compile, and the worker is replaced.
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
    DataDirectory dataDirectory;

    private RunnerCommand command;
    private WorkerProcess worker;

    @PostConstruct
    void start() {
        var dir = dataDirectory.path().resolve("runner").toAbsolutePath();
        command = RunnerCommand.of(RunnerJar.extract(dir), dir, heapMb);
        restart();
    }

    @PreDestroy
    synchronized void stop() {
        if (worker != null) {
            worker.kill();
        }
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

    private synchronized Optional<Compilation> compile(jakarta.json.JsonObjectBuilder request) {
        var id = UUID.randomUUID().toString();
        var frame = request.add("op", "compile").add("id", id).build();
        try {
            return Optional.of(Compilation.from(worker.request(id, frame).get(timeoutMs, TimeUnit.MILLISECONDS)));
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.WARNING, "the compiler did not answer; restarting it", e);
            restart();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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

    private synchronized void restart() {
        if (worker != null) {
            worker.kill();
        }
        try {
            worker = WorkerProcess.start("compiler", 0, command.processBuilder(), (compiler, call) -> {
                // Compiling runs no val code, so there is nobody to answer for.
            });
            // Loading TypeScript takes seconds: do it now, not in the first save.
            worker.request(
                    "warmup", JSON.createObjectBuilder().add("op", "warmup").build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the compiler worker: " + command, e);
        }
    }
}
