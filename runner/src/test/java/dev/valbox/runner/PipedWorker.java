package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: a worker on its own thread, spoken to over the real framed protocol, with the test as the server. */
final class PipedWorker implements AutoCloseable {

    private final PipedOutputStream toWorker;
    private final Frames server;

    PipedWorker() throws IOException {
        var workerIn = new PipedInputStream(1 << 20);
        toWorker = new PipedOutputStream(workerIn);
        var serverIn = new PipedInputStream(1 << 20);
        var workerOut = new PipedOutputStream(serverIn);
        server = new Frames(serverIn, toWorker);
        var worker = new Worker(new Frames(workerIn, workerOut), Sandbox.get(), Vals::transpiler, Fetcher.standard());
        Thread loop = new Thread(() -> {
            try {
                worker.serve();
            } catch (IOException ignored) {
                // the test closed the pipe
            }
        });
        loop.setDaemon(true);
        loop.start();
    }

    /** Starts a run of the module's default export. */
    void run(String id, ValModule module) {
        run(id, module, 10_000);
    }

    void run(String id, ValModule module, long timeoutMs) {
        run(id, module, timeoutMs, Map.of(), false);
    }

    /** With this env, and with a val token the worker asks for ({@code valtown.token}) when {@code valToken}. */
    void run(String id, ValModule module, long timeoutMs, Map<String, String> env, boolean valToken) {
        server.write(Map.of(
                "op",
                "run",
                "id",
                id,
                "entry",
                module.key(),
                "modules",
                Map.of(module.key(), Map.of("code", module.code(), "imports", module.imports())),
                "call",
                Map.of("kind", "function", "args", List.of()),
                "env",
                env,
                "valToken",
                valToken,
                "limits",
                Map.of("timeoutMs", timeoutMs)));
    }

    /** Sends any frame, as the server would. */
    void write(Map<String, Object> frame) {
        server.write(frame);
    }

    Map<String, Object> read() throws IOException {
        Map<String, Object> frame = server.read();
        assertTrue(frame != null, "the worker closed its output");
        return frame;
    }

    void answer(Map<String, Object> call, Object value) {
        var reply = new HashMap<String, Object>();
        reply.put("op", "reply");
        reply.put("callId", call.get("callId"));
        reply.put("ok", true);
        reply.put("value", value);
        server.write(reply);
    }

    void fail(Map<String, Object> call, String name, String message) {
        server.write(Map.of(
                "op",
                "reply",
                "callId",
                call.get("callId"),
                "ok",
                false,
                "error",
                Map.of("name", name, "message", message)));
    }

    @Override
    public void close() throws IOException {
        toWorker.close();
    }
}
