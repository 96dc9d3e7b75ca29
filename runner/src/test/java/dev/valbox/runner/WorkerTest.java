package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol loop in-process over pipes: the same frames the server exchanges with a worker JVM. */
class WorkerTest {

    private PipedOutputStream toWorker;
    private Frames server;
    private Thread loop;

    @BeforeEach
    void startWorker() throws IOException {
        var workerIn = new PipedInputStream(1 << 20);
        toWorker = new PipedOutputStream(workerIn);
        var serverIn = new PipedInputStream(1 << 20);
        var workerOut = new PipedOutputStream(serverIn);
        server = new Frames(serverIn, toWorker);
        var worker = new Worker(new Frames(workerIn, workerOut), Sandbox.get(), Vals::transpiler, Fetcher.standard());
        loop = new Thread(() -> {
            try {
                worker.serve();
            } catch (IOException ignored) {
                // the test closed the pipe
            }
        });
        loop.setDaemon(true);
        loop.start();
    }

    @AfterEach
    void stopWorker() throws IOException {
        toWorker.close();
    }

    private static Map<String, Object> run(String id, String code, long timeoutMs) {
        return Map.of(
                "op", "run",
                "id", id,
                "entry", "val:" + id,
                "modules", Map.of("val:" + id, Map.of("code", code, "imports", Map.of())),
                "call", Map.of("kind", "function", "export", "default", "args", List.of(20, 22)),
                "env", Map.of("TOKEN", "t"),
                "limits", Map.of("timeoutMs", timeoutMs, "logBytes", 1024));
    }

    @Test
    void compilesThenRunsAVal() throws IOException {
        server.write(Map.of("op", "compile", "id", "c1", "source", "export default (a: number, b: number) => a + b"));
        Map<String, Object> compiled = server.read();
        assertEquals("compiled", compiled.get("op"));
        assertEquals("c1", compiled.get("id"));
        assertEquals(true, compiled.get("ok"));
        server.write(run("r1", (String) compiled.get("code"), 5000));
        Map<String, Object> result = server.read();
        assertEquals("result", result.get("op"));
        assertEquals("r1", result.get("id"));
        assertEquals("ok", result.get("status"));
        assertEquals(42, result.get("value"));
    }

    @Test
    void compilesAPackageFileAndRunsAValThatImportsIt() throws IOException {
        server.write(Map.of(
                "op",
                "compile",
                "id",
                "p1",
                "kind",
                "package",
                "file",
                "npm:add@1.0.0/index.js",
                "source",
                "const { Buffer } = require('buffer');\n"
                        + "module.exports = (a, b) => Buffer.from(String(a + b)).toString('hex');"));
        Map<String, Object> lib = server.read();
        assertEquals("p1", lib.get("id"));
        assertEquals(true, lib.get("ok"), lib::toString);
        assertEquals(List.of("buffer"), lib.get("imports"));
        server.write(Map.of("op", "compile", "id", "v1", "source", "import add from 'npm:add';\nexport default add;"));
        Map<String, Object> val = server.read();
        server.write(Map.of(
                "op",
                "run",
                "id",
                "r-pkg",
                "entry",
                "val:v1",
                "modules",
                Map.of(
                        "val:v1",
                                Map.of("code", val.get("code"), "imports", Map.of("npm:add", "npm:add@1.0.0/index.js")),
                        "npm:add@1.0.0/index.js",
                                Map.of("code", lib.get("code"), "imports", Map.of("buffer", "node:buffer"))),
                "call",
                Map.of("kind", "function", "args", List.of(20, 22)),
                "limits",
                Map.of("timeoutMs", 5000)));
        Map<String, Object> result = server.read();
        assertEquals("ok", result.get("status"), result::toString);
        assertEquals("3432", result.get("value"));
    }

    @Test
    void theWorkerRefusesNodeModulesSentByTheServerAndUnknownCompileKinds() throws IOException {
        server.write(Map.of(
                "op", "run",
                "id", "r-node",
                "entry", "val:r-node",
                "modules",
                        Map.of(
                                "val:r-node",
                                        Map.of(
                                                "code",
                                                "exports.default = function () { return 1; };",
                                                "imports",
                                                Map.of()),
                                "node:fs",
                                        Map.of("code", "exports.readFileSync = function () { return 'host file'; };")),
                "call", Map.of("kind", "function")));
        Map<String, Object> refused = server.read();
        assertEquals("error", refused.get("op"));
        assertTrue(refused.get("message").toString().contains("node:"), refused::toString);
        server.write(Map.of("op", "compile", "id", "k1", "kind", "wasm", "source", "x"));
        assertEquals("error", server.read().get("op"));
        server.write(Map.of("op", "compile", "id", "k2", "kind", "package", "source", "x"));
        assertTrue(server.read().get("message").toString().contains("file must be a string"));
    }

    @Test
    void nullMembersOfTheValueAndArgumentsSurviveTheWire() throws IOException {
        String echo = "\"use strict\";exports.default = function (a) { __chk();"
                + " return { a: null, nested: { b: null }, list: [null, 1], got: a }; };";
        var frame = new java.util.HashMap<>(run("r-null", echo, 5000));
        var arg = new java.util.HashMap<String, Object>();
        arg.put("x", null);
        frame.put("call", Map.of("kind", "function", "args", List.of(arg)));
        server.write(frame);
        Map<String, Object> result = server.read();
        assertEquals("ok", result.get("status"), () -> String.valueOf(result));
        var nested = new java.util.HashMap<String, Object>();
        nested.put("b", null);
        var expected = new java.util.HashMap<String, Object>();
        expected.put("a", null);
        expected.put("nested", nested);
        expected.put("list", java.util.Arrays.asList(null, 1));
        expected.put("got", arg);
        assertEquals(expected, result.get("value"));
    }

    @Test
    void cancelStopsARunningVal() throws Exception {
        String spin = "\"use strict\";exports.default = function () { for (;;) { __chk(); } };";
        server.write(run("spin", spin, 60_000));
        Thread.sleep(200);
        server.write(Map.of("op", "cancel", "id", "spin"));
        Map<String, Object> result = server.read();
        assertEquals("spin", result.get("id"));
        assertEquals("cancelled", result.get("status"));
        assertTrue(((Number) result.get("wallMs")).longValue() < 10_000);
    }

    @Test
    void protocolErrorsAreReportedAndTheLoopGoesOn() throws IOException {
        server.write(Map.of("op", "launch-missiles"));
        assertEquals(Map.of("op", "error", "message", "unknown op launch-missiles"), server.read());
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        toWorker.write(new byte[] {0, 0, 0, (byte) garbage.length});
        toWorker.write(garbage);
        toWorker.flush();
        assertEquals("error", server.read().get("op"));
        server.write(Map.of("op", "run", "id", "bad"));
        assertEquals("error", server.read().get("op"));
        server.write(run("after", "exports.default = function (a, b) { return a * b };", 5000));
        assertEquals(440, server.read().get("value"));
    }

    @Test
    void theReaderAnswersWhileARunIsBusy() throws Exception {
        String spin = "exports.default = function () { for (;;) { __chk(); } };";
        server.write(run("busy", spin, 1500));
        Thread.sleep(100);
        server.write(Map.of("op", "nonsense"));
        Map<String, Object> first = server.read();
        assertEquals("error", first.get("op"), first::toString);
        assertEquals("timeout", server.read().get("status"));
    }

    @Test
    void aModulesUrlFromTheRunFrameIsItsImportMetaUrl() throws IOException {
        String code = "\"use strict\";exports.default = function () { __chk(); return __importMeta.url; };";
        var frame = new java.util.HashMap<>(run("r-url", code, 5000));
        frame.put(
                "modules",
                Map.of(
                        "val:r-url",
                        Map.of("code", code, "imports", Map.of(), "url", "https://valbox.example/v/alice/hello?v=2")));
        server.write(frame);
        assertEquals("https://valbox.example/v/alice/hello?v=2", server.read().get("value"));
        frame.put("modules", Map.of("val:r-url", Map.of("code", code, "imports", Map.of(), "url", 7)));
        server.write(frame);
        assertEquals("error", server.read().get("op"));
    }
}
