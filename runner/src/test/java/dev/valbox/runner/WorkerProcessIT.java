package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shaded jar as the server starts it, driven over the framed protocol on its stdin/stdout. */
class WorkerProcessIT {

    private static final Path JAR = Path.of("target", "valbox-runner.jar");

    private Process worker;
    private Frames frames;

    @BeforeEach
    void start() throws IOException {
        worker = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-Xss4m",
                        "-XX:MaxMetaspaceSize=128m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        JAR.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        frames = new Frames(worker.getInputStream(), worker.getOutputStream());
    }

    @AfterEach
    void stop() throws InterruptedException {
        worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private Map<String, Object> run(String id, String code, long timeoutMs) throws IOException {
        frames.write(Map.of(
                "op", "run",
                "id", id,
                "entry", "v1",
                "modules", Map.of("v1", Map.of("code", code, "imports", Map.of())),
                "call", Map.of("kind", "function", "export", "default", "args", List.of()),
                "env", Map.of(),
                "limits", Map.of("timeoutMs", timeoutMs, "logBytes", 102400)));
        return frames.read();
    }

    private long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(worker.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    @Test
    void warmsUpCompilesAndRunsOverTheProtocol() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> first = run("first", "exports.default = function () { return 'up' };", 5000);
        long firstRunMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals("up", first.get("value"), first::toString);
        Thread.sleep(500);
        long idleRss = rssKb();

        frames.write(Map.of("op", "warmup"));
        assertEquals(Map.of("op", "ready"), frames.read());
        long readyMs = (System.nanoTime() - started) / 1_000_000;

        long compileStart = System.nanoTime();
        frames.write(Map.of("op", "compile", "id", "c", "source", "export default () => { while (true) {} }"));
        Map<String, Object> compiled = frames.read();
        long compileMs = (System.nanoTime() - compileStart) / 1_000_000;
        assertEquals(true, compiled.get("ok"), compiled::toString);

        Map<String, Object> runaway = run("runaway", (String) compiled.get("code"), 500);
        assertEquals("timeout", runaway.get("status"), runaway::toString);
        assertEquals(
                "fine",
                run("after", "exports.default = function () { return 'fine' };", 5000)
                        .get("value"));
        System.err.printf(
                "worker: first run answered after %d ms, ready after warmup at %d ms, idle RSS %d MB, RSS after warmup %d MB,"
                        + " warm compile %d ms%n",
                firstRunMs, readyMs, idleRss / 1024, rssKb() / 1024, compileMs);
        assertTrue(worker.isAlive());
    }

    @Test
    void aHugeSingleAllocationEndsTheWorkerOrTheRunNeverTheProtocol() throws Exception {
        frames.write(Map.of(
                "op",
                "run",
                "id",
                "hog",
                "entry",
                "v1",
                "modules",
                Map.of(
                        "v1",
                        Map.of(
                                "code",
                                "exports.default = function () { return new Array(3e7).join('xxxxxxxxxx').length };",
                                "imports",
                                Map.of())),
                "call",
                Map.of("kind", "function"),
                "limits",
                Map.of("timeoutMs", 20000)));
        Map<String, Object> answer = null;
        try {
            answer = frames.read();
        } catch (IOException closed) {
            // the JVM exited on OutOfMemoryError, as -XX:+ExitOnOutOfMemoryError asks
        }
        if (answer == null) {
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
            assertTrue(worker.exitValue() != 0);
        } else {
            assertTrue(List.of("limit", "timeout").contains(answer.get("status")), answer.toString());
        }
    }
}
