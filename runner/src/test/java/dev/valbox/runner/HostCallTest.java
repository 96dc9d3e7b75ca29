package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Host calls over the real framed protocol, with the test playing the server: it reads the worker's
 * {@code call} frames and answers (or does not answer) with {@code reply} frames. Vals reach the host API
 * through the test-only standard library module std:host-test (src/test/resources).
 */
class HostCallTest {

    private static final String STD = "https://esm.town/v/std/host-test";

    /** A worker, with the test playing the server at its other end. */
    private PipedWorker server;

    @BeforeEach
    void startWorker() throws IOException {
        server = new PipedWorker();
    }

    @AfterEach
    void stopWorker() throws IOException {
        server.close();
    }

    private void run(String id, String source, long timeoutMs) {
        run(id, source, timeoutMs, false);
    }

    private void run(String id, String source, long timeoutMs, boolean valToken) {
        ValModule module = Vals.module("val:" + id, source, Map.of(STD, "std:host-test"));
        server.run(id, module, timeoutMs, Map.of("A", "1"), valToken);
    }

    @Test
    void theValTokenIsAskedForOnceWhenTheValFirstReadsIt() throws IOException {
        run(
                "token-1",
                "export default () => [Deno.env.get('A'), Deno.env.get('valtown'), Deno.env.has('valtown'),"
                        + " process.env.valtown, Object.keys(Deno.env.toObject()).sort().join()];",
                5_000,
                true);
        var call = read();
        assertEquals("call", call.get("op"));
        assertEquals("valtown.token", call.get("service"));
        assertEquals("token-1", call.get("id"));
        server.answer(call, "signed.jwt.value");
        var result = read();
        assertEquals("result", result.get("op"), () -> "a second token call was made: " + result);
        assertEquals("ok", result.get("status"), () -> String.valueOf(result));
        assertEquals(List.of("1", "signed.jwt.value", true, "signed.jwt.value", "A,valtown"), result.get("value"));
    }

    @Test
    void aRunThatNeverReadsTheValTokenMakesNoCall() throws IOException {
        run("token-2", "export default () => [Deno.env.get('A'), Deno.env.has('B')];", 5_000, true);
        var result = read();
        assertEquals("result", result.get("op"), () -> "unexpected frame: " + result);
        assertEquals(List.of("1", false), result.get("value"));
    }

    @Test
    void withoutAValTokenTheEnvHasNone() throws IOException {
        run("token-3", "export default () => [Deno.env.get('valtown') === undefined, Deno.env.has('valtown')];", 5_000);
        var result = read();
        assertEquals("result", result.get("op"), () -> "unexpected frame: " + result);
        assertEquals(List.of(true, false), result.get("value"));
    }

    @Test
    void aValWaitingForItsTokenStillTimesOut() throws IOException {
        run("token-4", "export default () => Deno.env.get('valtown');", 500, true);
        assertEquals("valtown.token", read().get("service"));
        var result = read();
        assertEquals("timeout", result.get("status"), () -> String.valueOf(result));
    }

    private Map<String, Object> read() throws IOException {
        return server.read();
    }

    @Test
    void aCallIsAnsweredWithAValue() throws IOException {
        run(
                "r1",
                "import { call } from '" + STD + "';"
                        + " export default async () => { const v = await call('blob.get', { key: 'k', n: [1, 2] }); return ['got', v] }",
                5000);
        Map<String, Object> call = read();
        assertEquals("call", call.get("op"));
        assertEquals("r1", call.get("id"));
        assertEquals("blob.get", call.get("service"));
        assertEquals(Map.of("key", "k", "n", List.of(1, 2)), call.get("args"));
        assertTrue(call.get("callId") instanceof Number);
        server.answer(call, Map.of("data", "hello", "size", 5));
        Map<String, Object> result = read();
        assertEquals("result", result.get("op"));
        assertEquals("ok", result.get("status"), result::toString);
        assertEquals(List.of("got", Map.of("data", "hello", "size", 5)), result.get("value"));
    }

    @Test
    void anErrorReplyRejectsWithAPlainJsError() throws IOException {
        run(
                "r2",
                "import { call } from '" + STD + "';"
                        + " export default async () => { try { await call('sqlite.execute', 'select 1'); return 'resolved' }"
                        + " catch (e) { return [e instanceof Error, e.name, e.message, typeof e.nashornException, String(e)] } }",
                5000);
        Map<String, Object> call = read();
        assertEquals("select 1", call.get("args"));
        server.write(Map.of(
                "op",
                "reply",
                "callId",
                call.get("callId"),
                "ok",
                false,
                "error",
                Map.of("name", "SqliteError", "message", "no such table: t")));
        Map<String, Object> result = read();
        assertEquals(
                List.of(true, "SqliteError", "no such table: t", "undefined", "SqliteError: no such table: t"),
                result.get("value"),
                result::toString);
    }

    @Test
    void repliesMayComeInAnyOrder() throws IOException {
        run(
                "r3",
                "import { call } from '" + STD + "';"
                        + " export default () => Promise.all([call('a', 1), call('b', 2), call('c', 3)])",
                5000);
        List<Map<String, Object>> calls = List.of(read(), read(), read());
        for (int i = calls.size() - 1; i >= 0; i--) {
            server.answer(calls.get(i), calls.get(i).get("service"));
        }
        assertEquals(List.of("a", "b", "c"), read().get("value"));
    }

    @Test
    void anUnansweredCallTimesOutAndTheWorkerCarriesOn() throws IOException {
        run("r4", "import { call } from '" + STD + "'; export default () => call('email.send', {})", 600);
        Map<String, Object> call = read();
        assertEquals("call", call.get("op"));
        Map<String, Object> result = read();
        assertEquals("r4", result.get("id"));
        assertEquals("timeout", result.get("status"), result::toString);
        long wallMs = ((Number) result.get("wallMs")).longValue();
        assertTrue(wallMs >= 600 && wallMs < 3000, result::toString);
        // A late reply is ignored: no error frame, and the next run answers normally.
        server.answer(call, "too late");
        run(
                "r5",
                "import { call } from '" + STD + "'; export default async () => 'after: ' + await call('x', null)",
                5000);
        Map<String, Object> next = read();
        assertEquals("call", next.get("op"), next::toString);
        assertTrue(((Number) next.get("callId")).longValue() > ((Number) call.get("callId")).longValue());
        server.answer(next, "fresh");
        assertEquals("after: fresh", read().get("value"));
    }

    @Test
    void atMostSixteenCallsAreOutstanding() throws IOException {
        run(
                "r6",
                "import { call } from '" + STD + "'; export default () =>"
                        + " Promise.all(Array.from({ length: 17 }, (_, i) => call('s', i).then(v => 'ok ' + v, e => e.message)))",
                5000);
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int i = 0; i < HostCalls.MAX_OUTSTANDING; i++) {
            calls.add(read());
        }
        calls.forEach(call -> server.answer(call, call.get("args")));
        @SuppressWarnings("unchecked")
        List<String> outcomes = (List<String>) read().get("value");
        assertEquals("ok 0", outcomes.get(0));
        assertEquals("ok 15", outcomes.get(15));
        assertEquals("too many host calls in flight (at most 16)", outcomes.get(16));
    }

    @Test
    void theHostApiIsNotAGlobalAndStdKeysCannotBeSent() throws IOException {
        run(
                "r7",
                "export default () => [typeof (globalThis as any).__host, typeof (globalThis as any).host,"
                        + " typeof (globalThis as any).__valbox]",
                5000);
        assertEquals(List.of("undefined", "undefined", "undefined"), read().get("value"));
        server.write(Map.of(
                "op", "run",
                "id", "r8",
                "entry", "std:host-test",
                "modules", Map.of("std:host-test", Map.of("code", "exports.x = host;", "imports", Map.of())),
                "call", Map.of("kind", "module")));
        Map<String, Object> refused = read();
        assertEquals("error", refused.get("op"));
        assertTrue(refused.get("message").toString().contains("std:"), refused::toString);
    }

    @Test
    void aReplyWithoutACallIdIsAProtocolError() throws IOException {
        server.write(Map.of("op", "reply", "ok", true));
        Map<String, Object> error = read();
        assertEquals("error", error.get("op"));
        assertTrue(error.get("message").toString().contains("callId"), error::toString);
        server.answer(Map.of("callId", 987654321L), "nobody waits");
        run("r9", "export default () => 'fine'", 5000);
        assertEquals("fine", read().get("value"));
    }
}
