package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** std/fetch is the worker's own fetch, with its address checks; std/API_URL is the run's VALTOWN_API_URL. */
class StdFetchTest {

    private static final String FETCH = "https://esm.town/v/std/fetch";
    private static final String API_URL = "https://esm.town/v/std/API_URL";

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

    private static Object value(String source, Map<String, String> env, boolean allowPrivate) {
        var module = Vals.module(Vals.keyOf(source), source, Map.of(FETCH, "std:fetch", API_URL, "std:API_URL"));
        Map<String, Object> result =
                vals.run(List.of(module), Map.of("kind", "function"), env, Vals.limits(10_000, allowPrivate));
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    @Test
    void stdFetchIsTheRealFetchEvenWhenTheGlobalIsReplaced() {
        var source = "import { fetch as stdFetch } from '" + FETCH + "';\n"
                + "const original = fetch;\n"
                + "export default async () => {\n"
                + "  (globalThis as any).fetch = () => Promise.resolve('fake');\n"
                + "  const response = await stdFetch('" + server.url("/json") + "');\n"
                + "  return [stdFetch === original, response.status, typeof (await response.json())];\n"
                + "}\n";
        assertEquals(List.of(true, 200, "object"), value(source, Map.of(), true));
    }

    @Test
    void stdFetchRefusesPrivateAddressesLikeTheGlobal() {
        var urls = List.of(
                server.url("/json"),
                "http://localhost:" + server.port() + "/json",
                "http://169.254.169.254/latest/meta-data");
        var source = "import { fetch as stdFetch } from '" + FETCH + "';\n"
                + "const urls: string[] = " + FetchTest.JsonText.of(urls) + ";\n"
                + "const outcome = (p: Promise<any>) => p.then(r => 'fetched ' + r.status,"
                + " e => (e instanceof TypeError) + ' ' + e.message);\n"
                + "export default () => {\n"
                + "  const outcomes: Promise<string>[] = [];\n"
                + "  for (const u of urls) outcomes.push(outcome(stdFetch(u)), outcome(fetch(u)));\n"
                + "  return Promise.all(outcomes);\n"
                + "}\n";
        var loopback = "true fetch failed: fetch to 127.0.0.1 is not allowed (loopback address)";
        var localhost = "true fetch failed: fetch to localhost (127.0.0.1) is not allowed (loopback address)";
        var metadata = "true fetch failed: fetch to 169.254.169.254 is not allowed (link-local address)";
        assertEquals(
                List.of(loopback, loopback, localhost, localhost, metadata, metadata), value(source, Map.of(), false));
    }

    @Test
    void apiUrlIsTheRunsSiteUrl() {
        var source = "import { API_URL } from '" + API_URL + "';\n"
                + "import * as std from '" + API_URL + "';\n"
                + "export default () => [API_URL, Object.keys(std)];\n";
        assertEquals(
                List.of("https://valbox.example.com", List.of("API_URL")),
                value(source, Map.of("VALTOWN_API_URL", "https://valbox.example.com"), false));
        // The module is cached with the Global; the value is still read from this run's env.
        assertEquals(
                List.of("http://localhost:8080", List.of("API_URL")),
                value(source, Map.of("VALTOWN_API_URL", "http://localhost:8080"), false));
    }
}
