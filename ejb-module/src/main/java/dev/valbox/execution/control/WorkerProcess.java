package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker JVM. Requests are matched to answers by id; a reader thread completes them. When the process dies,
 * every pending request fails with {@link WorkerDiedException}.
 */
final class WorkerProcess {

    private static final Logger LOG = Logger.getLogger(WorkerProcess.class.getName());

    private static final long DYING_MS = 2_000;

    private final String name;
    private final int slot;
    private final Process process;
    private final OutputStream stdin;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final BiConsumer<WorkerProcess, JsonObject> calls;

    private WorkerProcess(String name, int slot, Process process, BiConsumer<WorkerProcess, JsonObject> calls) {
        this.name = name;
        this.slot = slot;
        this.process = process;
        this.calls = calls;
        this.stdin = new BufferedOutputStream(process.getOutputStream());
    }

    /**
     * Starts a worker in a slot of the pool; {@code calls} receives the host calls its runs make (on the reader
     * thread: hand them off).
     */
    static WorkerProcess start(
            String name, int slot, ProcessBuilder builder, BiConsumer<WorkerProcess, JsonObject> calls)
            throws IOException {
        var worker = new WorkerProcess(name, slot, builder.start(), calls);
        var reader = new Thread(worker::readAnswers, "valbox-" + name + "-reader");
        reader.setDaemon(true);
        reader.start();
        return worker;
    }

    /** Sends a request whose answer carries {@code id} (or, for warmup, the op {@code ready}). */
    CompletableFuture<JsonObject> request(String id, JsonObject message) {
        var answer = new CompletableFuture<JsonObject>();
        pending.put(id, answer);
        try {
            send(message);
        } catch (IOException e) {
            pending.remove(id);
            answer.completeExceptionally(new WorkerDiedException(name, exitCode()));
        }
        return answer;
    }

    synchronized void send(JsonObject message) throws IOException {
        Frames.write(stdin, message);
    }

    void forget(String id) {
        pending.remove(id);
    }

    /** Which of the pool's places this worker fills; its replacement fills the same one. */
    int slot() {
        return slot;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The exit status, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    private void readAnswers() {
        try (var stdout = process.getInputStream()) {
            JsonObject message;
            while ((message = Frames.read(stdout)) != null) {
                dispatch(message);
            }
        } catch (IOException | RuntimeException e) {
            // The JVM itself writes to stdout when it exits on OutOfMemoryError; let it finish exiting so its
            // status tells what happened, and stop it only if it does not.
            if (!exited(DYING_MS)) {
                LOG.log(Level.WARNING, "worker " + name + " sent a bad frame; stopping it", e);
                kill();
            }
        }
        exited(Long.MAX_VALUE);
        var died = new WorkerDiedException(name, exitCode());
        pending.values().forEach(answer -> answer.completeExceptionally(died));
        pending.clear();
    }

    private boolean exited(long waitMs) {
        try {
            return process.waitFor(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void dispatch(JsonObject message) {
        var op = message.getString("op", "");
        if ("call".equals(op)) {
            calls.accept(this, message);
            return;
        }
        var id = "ready".equals(op) ? "warmup" : message.getString("id", null);
        var answer = id == null ? null : pending.remove(id);
        if (answer != null) {
            answer.complete(message);
        } else if ("error".equals(op)) {
            LOG.warning("worker " + name + " reported: " + message.getString("message", ""));
        }
    }

    static JsonObject op(String op, String id) {
        return JSON.createObjectBuilder().add("op", op).add("id", id).build();
    }
}
