package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.cluster.control.ClusterMessage;
import dev.valbox.database.control.DataDirectory;
import dev.valbox.execution.entity.EvaluationStatus;
import dev.valbox.problems.entity.BusyException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The val workers. One run per worker at a time; runs wait their turn in arrival order ({@link WorkerPool}), at most
 * {@code valbox.runner.queue} of them, then get 503. The pool enforces the wall-clock limit itself: a worker that
 * does not answer in time, dies, or ignores a cancel is killed and replaced, so one hostile val costs at most one
 * worker for at most its time limit. A CDI bean rather than an EJB singleton: it is called on every request to a val,
 * holds no transaction, and guards its own state.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());
    /** How long past its own deadline a worker gets to report before it is killed. */
    static final long GRACE_MS = 2_000;
    /** A worker JVM starts in about 3 s on a busy 2-core machine; far longer means it is broken. */
    static final long WARMUP_TIMEOUT_MS = 60_000;
    /** Tiny runs a new worker answers before it takes vals' runs. */
    static final int WARMUP_RUNS = 20;
    /**
     * While the run on the worker a waiting run prefers is younger than this, that worker is expected free soon, and
     * the waiting run lets younger runs go first to the workers that hold their vals.
     */
    static final long AFFINITY_PATIENCE_MS = 50;

    @Inject
    @ConfigProperty(name = "valbox.runner.workers", defaultValue = "2")
    int size;

    @Inject
    @ConfigProperty(name = "valbox.runner.heap-mb", defaultValue = "256")
    int heapMb;

    @Inject
    @ConfigProperty(name = "valbox.runner.queue", defaultValue = "32")
    int queueLimit;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    HostCalls hostCalls;

    @Resource
    ManagedExecutorService executor;

    private final Map<UUID, WorkerProcess> running = new ConcurrentHashMap<>();
    private final Map<String, RunIdentity> identities = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final Set<WorkerProcess> warming = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private RunnerCommand command;
    private WorkerPool<WorkerProcess> pool;

    /** The workers start with the application, so that no val pays for their start-up. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Touching the bean is enough: @PostConstruct does the work.
    }

    @PostConstruct
    void start() {
        var runnerDir = dataDirectory.path().resolve("runner").toAbsolutePath();
        command = RunnerCommand.of(RunnerJar.extract(runnerDir), runnerDir, heapMb);
        pool = new WorkerPool<>(WorkerProcess::slot, queueLimit, AFFINITY_PATIENCE_MS);
        for (int slot = 0; slot < size; slot++) {
            launch(slot);
        }
        LOG.info("started " + size + " val workers: " + command);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        warming.forEach(WorkerProcess::kill);
        pool.drain().forEach(WorkerProcess::kill);
        running.values().forEach(WorkerProcess::kill);
    }

    /**
     * Runs one evaluation on a free worker; the message is a protocol {@code run} frame for that id. Host calls the
     * run makes act as {@code identity}. Runs with the same {@code affinity} (the entry module) go to the same worker
     * when they can, where that val's Global is cached; null prefers none.
     */
    public RunResult run(
            UUID evaluationId, JsonObject runFrame, long timeoutMs, RunIdentity identity, String affinity) {
        var worker = acquire(affinity == null ? WorkerPool.ANY : Math.floorMod(affinity.hashCode(), size), timeoutMs);
        var id = evaluationId.toString();
        var begin = System.nanoTime();
        identities.put(id, identity);
        running.put(evaluationId, worker);
        try {
            var answer = worker.request(id, runFrame).get(timeoutMs + GRACE_MS, TimeUnit.MILLISECONDS);
            return RunResult.from(answer);
        } catch (TimeoutException e) {
            worker.forget(id);
            replace(worker);
            worker = null;
            return RunResult.failed(
                    EvaluationStatus.TIMEOUT,
                    "TimeoutError",
                    "The run took longer than " + timeoutMs + " ms and was stopped.",
                    millisSince(begin));
        } catch (ExecutionException e) {
            var died = e.getCause() instanceof WorkerDiedException d ? d.exitCode : -1;
            replace(worker);
            worker = null;
            return died == WorkerDiedException.OUT_OF_MEMORY
                    ? RunResult.failed(
                            EvaluationStatus.LIMIT,
                            "LimitError",
                            "The run used more memory than a worker has and was stopped.",
                            millisSince(begin))
                    : RunResult.failed(
                            EvaluationStatus.ERROR,
                            "Error",
                            "The worker running this val crashed.",
                            millisSince(begin));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replace(worker);
            worker = null;
            return RunResult.failed(EvaluationStatus.CANCELLED, "CancelledError", "The run was interrupted.", 0);
        } finally {
            identities.remove(id);
            running.remove(evaluationId);
            if (worker != null) {
                release(worker);
            }
        }
    }

    /**
     * Asks the worker running this evaluation to stop; if it has not stopped a moment later, kills it. Answers
     * whether the evaluation was running here.
     */
    public boolean cancel(UUID evaluationId) {
        var worker = running.get(evaluationId);
        if (worker == null) {
            return false;
        }
        try {
            worker.send(WorkerProcess.op("cancel", evaluationId.toString()));
        } catch (IOException e) {
            worker.kill();
        }
        var watchdog = new Thread(() -> killIfStillRunning(evaluationId, worker), "valbox-cancel-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return true;
    }

    /** A cancel made through another member of the cluster: stops the run if it is this member's. */
    void cancelledElsewhere(@Observes ClusterMessage message) {
        if (message.is(ClusterMessage.CANCEL)) {
            cancel(UUID.fromString(message.payload()));
        }
    }

    /** Workers warm and waiting for a run. */
    public int ready() {
        return pool.idle().size();
    }

    /** Workers currently running a val. */
    public int busy() {
        return running.size();
    }

    /** Workers that are up: idle, running a val, or starting. */
    public int alive() {
        return (int) Stream.of(pool.idle().stream(), running.values().stream(), warming.stream())
                .flatMap(workers -> workers)
                .filter(WorkerProcess::alive)
                .count();
    }

    public int size() {
        return size;
    }

    private void killIfStillRunning(UUID evaluationId, WorkerProcess worker) {
        try {
            Thread.sleep(GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.get(evaluationId) == worker) {
            worker.kill();
        }
    }

    private WorkerProcess acquire(int slot, long timeoutMs) {
        var deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            while (true) {
                var left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                var worker = pool.acquire(slot, left).orElseThrow(() -> allBusy(timeoutMs));
                if (worker.alive()) {
                    return worker;
                }
                replace(worker);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw allBusy(timeoutMs);
        } catch (WorkerPool.QueueFullException e) {
            throw allBusy(timeoutMs);
        }
    }

    private void release(WorkerProcess worker) {
        if (worker.alive()) {
            pool.release(worker);
        } else {
            replace(worker);
        }
    }

    private void replace(WorkerProcess worker) {
        worker.kill();
        launch(worker.slot());
    }

    /**
     * Starts a worker and lets it take runs only once it has answered {@link #WARMUP_RUNS} tiny HTTP runs, each in a
     * Global of its own, so no val pays the worker's start-up, and a val's first request does not pay for building a
     * Global with code the JIT has not compiled yet (the first new vals on a worker warmed by one run took 150–235 ms).
     * A worker that fails even that is replaced.
     */
    private void launch(int slot) {
        WorkerProcess worker;
        try {
            worker = WorkerProcess.start(
                    "worker-" + started.incrementAndGet(), slot, command.processBuilder(), this::answerCall);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a val worker: " + command, e);
        }
        warming.add(worker);
        warmUp(worker).orTimeout(WARMUP_TIMEOUT_MS, TimeUnit.MILLISECONDS).whenComplete((answer, failure) -> {
            warming.remove(worker);
            if (failure == null && worker.alive() && !stopped) {
                pool.release(worker);
            } else if (!stopped) {
                LOG.warning("a new val worker did not start (" + (failure == null ? "it exited" : failure)
                        + "); starting another");
                replace(worker);
            } else {
                worker.kill();
            }
        });
    }

    /** Host calls are answered on the container's threads, never on the reader thread that must keep reading. */
    private void answerCall(WorkerProcess worker, JsonObject call) {
        var identity = identities.get(call.getString("id", ""));
        if (identity == null || call.getJsonNumber("callId") == null) {
            return;
        }
        executor.execute(() -> {
            try {
                worker.send(hostCalls.answer(identity, call));
            } catch (IOException e) {
                // The worker is gone; its run ends through the reader.
            }
        });
    }

    /** The warm-up runs, one after the other; fails unless every one answers {@code ok}. */
    private static CompletableFuture<JsonObject> warmUp(WorkerProcess worker) {
        CompletableFuture<JsonObject> runs = CompletableFuture.completedFuture(null);
        for (int i = 0; i < WARMUP_RUNS; i++) {
            var entry = "warmup-" + i;
            var id = "warmup-" + UUID.randomUUID();
            runs = runs.thenCompose(previous -> worker.request(id, warmupFrame(id, entry)))
                    .thenApply(Workers::requireOk);
        }
        return runs;
    }

    private static JsonObject requireOk(JsonObject answer) {
        if (!"ok".equals(answer.getString("status", null))) {
            throw new IllegalStateException("its warm-up run answered " + answer);
        }
        return answer;
    }

    private static JsonObject warmupFrame(String id, String entry) {
        return JSON.createObjectBuilder()
                .add("op", "run")
                .add("id", id)
                .add("entry", entry)
                .add(
                        "modules",
                        JSON.createObjectBuilder()
                                .add(
                                        entry,
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "code",
                                                        "exports.default = function (req) { return new Response(req.method); };")
                                                .add("imports", JSON.createObjectBuilder())))
                .add(
                        "call",
                        JSON.createObjectBuilder()
                                .add("kind", "http")
                                .add(
                                        "request",
                                        JSON.createObjectBuilder()
                                                .add("method", "GET")
                                                .add("url", "http://warmup.invalid/")
                                                .add("headers", JSON.createArrayBuilder())))
                .build();
    }

    private static BusyException allBusy(long timeoutMs) {
        return new BusyException("Every val worker is busy. Try again shortly.", (int) Math.max(1, timeoutMs / 1000));
    }

    private static long millisSince(long begin) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    }
}
