package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fetch with an AbortSignal and with the newer body types (FormData, Blob, streams), against a local server. */
class FetchSignalTest {

    private static LocalServer server;
    private static Vals vals;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalServer();
        vals = new Vals(new Fetcher(AddressPolicy.PUBLIC_ONLY, SSLContext.getDefault()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> run(String source) {
        return vals.run(
                List.of(Vals.module(Vals.keyOf(source), source, Map.of())),
                Map.of("kind", "function"),
                Map.of(),
                Vals.limits(10_000, true));
    }

    private static Object value(String source) {
        Map<String, Object> result = run(source);
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    @Test
    void anAbortedSignalRejectsTheFetchWithItsReason() {
        assertEquals(
                List.of("AbortError", "The signal has been aborted", "mine"),
                value("export default async () => { const c = new AbortController(); c.abort();"
                        + " const e: any = await fetch('" + server.url("/json")
                        + "', { signal: c.signal }).catch(x => x);"
                        + " const again = await fetch('" + server.url("/json")
                        + "', { signal: AbortSignal.abort('mine') })"
                        + ".catch(x => x); return [e.name, e.message, again] }"));
    }

    @Test
    void abortingAPendingFetchRejectsItAtOnce() {
        long started = System.nanoTime();
        assertEquals(
                "TimeoutError",
                value("export default async () => (await fetch('" + server.url("/hang")
                        + "', { signal: AbortSignal.timeout(50) })" + ".catch(e => e)).name"));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms < 5_000, () -> "the aborted fetch still took " + ms + " ms");
    }

    @Test
    void formDataBlobAndStreamBodiesAreSent() {
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>)
                value(
                        "export default async () => { const fd = new FormData(); fd.append('a', 'b');"
                                + " const echo = async (body: any) => (await fetch('" + server.url("/echo")
                                + "', { method: 'POST', body })).json();"
                                + " const form = await echo(fd); const blob = await echo(new Blob(['bl'], { type: 'x/y' }));"
                                + " const stream = await echo(ReadableStream.from([new TextEncoder().encode('s1'), new TextEncoder().encode('s2')]));"
                                + " return [form.headers['content-type'], form.body, blob.headers['content-type'], blob.body, stream.body] }");
        String type = (String) answer.get(0);
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        assertEquals(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--" + boundary + "--",
                answer.get(1));
        assertEquals(List.of("x/y", "bl", "s1s2"), answer.subList(2, 5));
    }

    @Test
    void aRequestCarriesItsSignal() {
        assertEquals(
                List.of(false, true, true),
                value(
                        "export default () => { const c = new AbortController(); const r = new Request('https://x.test', {"
                                + " signal: c.signal }); const plain = new Request('https://x.test'); c.abort();"
                                + " return [plain.signal.aborted, r.signal.aborted, r.signal === c.signal] }"));
    }
}
