package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fetch against local servers only: the test JVM's name service is src/test/hosts, so no name leaves the
 * machine. Runs with {@code allowPrivateFetch} reach the servers; runs without it must be refused at
 * every private address, including after DNS and on redirect hops.
 */
class FetchTest {

    private static LocalServer server;
    private static LocalServer other;
    private static Vals vals;
    /** Refuses like production, except for exactly {@link #server}: the first hop of redirect tests. */
    private static Vals strictButServer;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalServer();
        other = new LocalServer();
        vals = new Vals(new Fetcher(AddressPolicy.PUBLIC_ONLY, SSLContext.getDefault()));
        strictButServer =
                new Vals(new Fetcher(AddressPolicy.PUBLIC_ONLY.allowing(server.address()), SSLContext.getDefault()));
    }

    @AfterAll
    static void stop() {
        server.close();
        other.close();
    }

    private static Map<String, Object> run(Vals vals, String source, boolean allowPrivate, long timeoutMs) {
        return vals.run(
                List.of(Vals.module(Vals.keyOf(source), source, Map.of())),
                Map.of("kind", "function"),
                Map.of(),
                Vals.limits(timeoutMs, allowPrivate));
    }

    private static Object value(Vals vals, String source, boolean allowPrivate) {
        Map<String, Object> result = run(vals, source, allowPrivate, 10_000);
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    private static Object allowed(String source) {
        return value(vals, source, true);
    }

    /** What fetching the URL gives a val: "ok <status>" or "<error name>: <message>". */
    private static String outcome(Vals vals, String url, String init, boolean allowPrivate) {
        return (String) value(
                vals,
                "export default () => fetch(" + JsonText.of(url) + ", " + init + ")"
                        + ".then(r => 'ok ' + r.status, e => e.name + ': ' + e.message)",
                allowPrivate);
    }

    @Test
    void fetchesJsonTextAndBinaryWithStatusAndHeaders() {
        assertEquals(
                List.of(200, true, "application/json", Map.of("hello", "world"), server.url("/json"), false),
                allowed(
                        "export default async () => { const r = await fetch('" + server.url("/json") + "');"
                                + " return [r.status, r.ok, r.headers.get('content-type'), await r.json(), r.url, r.redirected] }"));
        assertEquals(
                List.of("plain text ü", "yes", List.of("a=1", "b=2")),
                allowed("export default async () => { const r = await fetch('" + server.url("/text") + "');"
                        + " return [await r.text(), r.headers.get('x-test'), r.headers.getSetCookie()] }"));
        assertEquals(
                List.of(256, 0, 127, 255),
                allowed("export default async () => { const b = new Uint8Array(await (await fetch('"
                        + server.url("/binary") + "')).arrayBuffer()); return [b.length, b[0], b[127], b[255]] }"));
        assertEquals(
                List.of(404, false, "status 404"),
                allowed("export default async () => { const r = await fetch('" + server.url("/status/404") + "');"
                        + " return [r.status, r.ok, await r.text()] }"));
    }

    @Test
    void postsABodyWithTheValsHeadersButNoHopByHopOnes() {
        @SuppressWarnings("unchecked")
        Map<String, Object> echo = (Map<String, Object>) allowed("export default async () => {"
                + " const r = await fetch('" + server.url("/echo?q=1")
                + "', { method: 'POST', body: new Uint8Array([0, 200, 255]),"
                + "   headers: { 'X-Custom': 'kept', 'Connection': 'x-private', 'X-Private': 'dropped',"
                + "              'Keep-Alive': '5', 'TE': 'trailers', 'Host': 'evil.example' } });"
                + " return r.json() }");
        assertEquals("POST", echo.get("method"));
        assertEquals("/echo?q=1", echo.get("uri"));
        assertEquals("\u0000\u00c8\u00ff", echo.get("body"));
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) echo.get("headers");
        assertEquals("kept", headers.get("x-custom"));
        assertEquals("Valbox", headers.get("user-agent"));
        assertEquals("127.0.0.1:" + server.port(), headers.get("host"));
        assertEquals("3", headers.get("content-length"));
        for (String notForwarded : List.of("x-private", "keep-alive", "te")) {
            assertTrue(!headers.containsKey(notForwarded), () -> notForwarded + " was forwarded: " + headers);
        }
        assertTrue(!"x-private".equals(headers.get("connection")), headers::toString);
        assertEquals(
                "my-agent",
                allowed("export default async () => (await (await fetch('" + server.url("/echo")
                        + "', { headers: { 'user-agent': 'my-agent' } })).json()).headers['user-agent']"));
    }

    @Test
    void namesAreResolvedAndSentAsTheHostHeader() {
        assertEquals(
                "loopback.valbox.test:" + server.port(),
                allowed("export default async () => (await (await fetch('http://loopback.valbox.test:" + server.port()
                        + "/echo')).json()).headers.host"));
    }

    @Test
    void privateAddressesAreRefusedAndNamed() {
        int port = server.port();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("http://127.0.0.1:" + port + "/json", "fetch to 127.0.0.1 is not allowed (loopback address)");
        refused.put(
                "http://localhost:" + port + "/json",
                "fetch to localhost (127.0.0.1) is not allowed (loopback address)");
        refused.put("http://[::1]:" + port + "/json", "fetch to ::1 is not allowed (loopback address)");
        refused.put(
                "http://169.254.169.254/latest/meta-data",
                "fetch to 169.254.169.254 is not allowed (link-local address)");
        refused.put("http://0.0.0.0:" + port + "/json", "fetch to 0.0.0.0 is not allowed (unspecified address)");
        refused.put("http://10.0.0.1/", "fetch to 10.0.0.1 is not allowed (private address)");
        refused.put("http://172.16.5.4/", "fetch to 172.16.5.4 is not allowed (private address)");
        refused.put("http://192.168.1.1/", "fetch to 192.168.1.1 is not allowed (private address)");
        refused.put("http://100.64.0.1/", "fetch to 100.64.0.1 is not allowed (shared (CGNAT) address)");
        refused.put("http://224.0.0.1/", "fetch to 224.0.0.1 is not allowed (multicast address)");
        refused.put("http://[fd00::1]/", "fetch to fd00::1 is not allowed (private address)");
        refused.put("http://[fe80::1]/", "fetch to fe80::1 is not allowed (link-local address)");
        refused.put("http://[::]/", "fetch to :: is not allowed (unspecified address)");
        refused.put("http://[::ffff:169.254.169.254]/", "(169.254.169.254) is not allowed (link-local address)");
        refused.put("http://[::ffff:127.0.0.1]:" + port + "/json", "(127.0.0.1) is not allowed (loopback address)");
        refused.put("http://2130706433:" + port + "/json", "fetch to 127.0.0.1 is not allowed (loopback address)");
        refused.put(
                "http://loopback.valbox.test:" + port + "/json",
                "fetch to loopback.valbox.test (127.0.0.1) is not allowed (loopback address)");
        // One public address does not launder a private one.
        refused.put(
                "http://mixed.valbox.test:" + port + "/json",
                "fetch to mixed.valbox.test (127.0.0.1) is not allowed (loopback address)");
        List<String> urls = new ArrayList<>(refused.keySet());
        @SuppressWarnings("unchecked")
        List<String> outcomes = (List<String>) value(
                vals,
                "const urls: string[] = " + JsonText.of(urls) + ";"
                        + " export default () => Promise.all(urls.map(u => fetch(u).then(r => 'fetched ' + r.status,"
                        + "   e => (e instanceof TypeError) + ' ' + e.name + ': ' + e.message)))",
                false);
        for (int i = 0; i < urls.size(); i++) {
            String outcome = outcomes.get(i);
            String expected = refused.get(urls.get(i));
            assertTrue(
                    outcome.startsWith("true TypeError: fetch failed: ") && outcome.endsWith(expected),
                    () -> urls.get(outcomes.indexOf(outcome)) + " -> " + outcome + ", expected ... " + expected);
        }
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertEquals(
                "TypeError: fetch failed: the URL scheme must be http or https, not file",
                outcome(vals, "file:///etc/passwd", "{}", true));
        assertTrue(outcome(vals, "ftp://example.test/", "{}", true).contains("not ftp"));
    }

    @Test
    void everyRedirectHopIsChecked() {
        // The first hop is allowed (the policy's one exception), the target it redirects to is not.
        assertEquals("ok 200", outcome(strictButServer, server.url("/json"), "{}", false));
        assertEquals(
                "TypeError: fetch failed: fetch to 127.0.0.1 is not allowed (loopback address)",
                outcome(strictButServer, server.url("/redirect/302?" + other.url("/json")), "{}", false));
        assertEquals(
                "TypeError: fetch failed: fetch to 169.254.169.254 is not allowed (link-local address)",
                outcome(
                        strictButServer,
                        server.url("/redirect/307?http://169.254.169.254/latest/meta-data"),
                        "{}",
                        false));
        assertEquals(
                "TypeError: fetch failed: fetch to localhost (127.0.0.1) is not allowed (loopback address)",
                outcome(
                        strictButServer,
                        server.url("/redirect/301?http://localhost:" + other.port() + "/"),
                        "{}",
                        false));
        // With private fetches allowed the same redirect is followed.
        assertEquals("ok 200", outcome(vals, server.url("/redirect/302?" + other.url("/json")), "{}", true));
    }

    @Test
    void redirectModesAreHonoured() {
        assertEquals(
                List.of(200, true, other.url("/echo"), "GET", ""),
                allowed("export default async () => { const r = await fetch('"
                        + server.url("/redirect/303?" + other.url("/echo"))
                        + "', { method: 'POST', body: 'gone' }); const e = await r.json();"
                        + " return [r.status, r.redirected, r.url, e.method, e.body] }"));
        assertEquals(
                List.of("POST", "kept"),
                allowed("export default async () => { const e = await (await fetch('"
                        + server.url("/redirect/307?/echo")
                        + "', { method: 'POST', body: 'kept' })).json(); return [e.method, e.body] }"));
        assertEquals(
                List.of(302, "/json"),
                allowed("export default async () => { const r = await fetch('" + server.url("/redirect/302?/json")
                        + "', { redirect: 'manual' }); return [r.status, r.headers.get('location')] }"));
        assertTrue(outcome(vals, server.url("/redirect/302?/json"), "{ redirect: 'error' }", true)
                .startsWith("TypeError: fetch failed: redirect to /json refused"));
        assertEquals("TypeError: fetch failed: more than 20 redirects", outcome(vals, server.url("/loop"), "{}", true));
    }

    @Test
    void theFiftyFirstFetchOfARunIsRefused() {
        @SuppressWarnings("unchecked")
        List<String> outcomes = (List<String>) allowed("export default async () => { const seen: string[] = [];"
                + " for (let i = 0; i < 51; i++) {"
                + "   seen.push(await fetch('" + server.url("/json")
                + "').then(r => 'ok ' + r.status, e => e.name + ': ' + e.message)) }"
                + " return seen }");
        assertEquals(51, outcomes.size());
        assertEquals(50, outcomes.stream().filter("ok 200"::equals).count(), outcomes::toString);
        assertEquals("TypeError: fetch failed: a run may make at most 50 fetch calls", outcomes.get(50));
        // The limit is per run.
        assertEquals("ok 200", outcome(vals, server.url("/json"), "{}", true));
    }

    @Test
    void bodiesOverTenMegabytesAreRefused() {
        String tooLarge = "TypeError: fetch failed: the response body is larger than the limit of 10 MB";
        assertEquals(tooLarge, outcome(vals, server.url("/big-stream"), "{}", true));
        assertEquals(tooLarge, outcome(vals, server.url("/big-declared"), "{}", true));
        assertEquals(
                LocalServer.TEN_MB,
                allowed("export default async () => (await (await fetch('" + server.url("/exactly-ten-mb")
                        + "')).arrayBuffer()).byteLength"));
        assertEquals(
                "TypeError: fetch failed: the request body is larger than the limit of 10 MB",
                outcome(
                        vals,
                        server.url("/echo"),
                        "{ method: 'POST', body: new Uint8Array(10 * 1024 * 1024 + 1) }",
                        true));
    }

    @Test
    void aFetchThatOutlivesTheRunEndsWithTheRun() {
        long start = System.nanoTime();
        Map<String, Object> result = run(vals, "export default () => fetch('" + server.url("/hang") + "')", true, 700);
        assertEquals("timeout", result.get("status"), result::toString);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertEquals("ok 200", outcome(vals, server.url("/json"), "{}", true));
    }

    @Test
    void fetchOverheadPerCallToALocalServer() {
        String source = "export default async () => { const t = Date.now();"
                + " for (let i = 0; i < 50; i++) await (await fetch('" + server.url("/json") + "')).text();"
                + " return Date.now() - t }";
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            best = Math.min(best, ((Number) allowed(source)).longValue());
        }
        System.err.println(
                "fetch to a local server, sequential, best of 8 runs of 50: " + best * 1000 / 50 + " µs per call");
        assertTrue(best < 50 * 50, "a local fetch should take well under 50 ms");
    }

    /** JSON text of a value, for splicing into val source. */
    static final class JsonText {
        static String of(Object value) {
            try {
                return com.fasterxml.jackson.jr.ob.JSON.std.asString(value);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
