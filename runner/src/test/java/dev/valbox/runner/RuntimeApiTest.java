package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime API of SPEC §4 as val code sees it. */
class RuntimeApiTest {

    private final Vals vals = new Vals();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> logs(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("logs");
    }

    @Test
    void consoleIsCapturedAndFormattedLikeDeno() {
        Map<String, Object> result = vals.call("export default () => {\n"
                + "  console.log('plain', 1, { a: [1, 'x'], b: null }, undefined);\n"
                + "  console.warn(new Map([['k', 1]]));\n"
                + "  console.error(new Error('bad'));\n"
                + "  console.info(true); console.debug([]);\n"
                + "}");
        List<Map<String, Object>> logs = logs(result);
        assertEquals(
                "plain 1 { a: [ 1, \"x\" ], b: null } undefined", logs.get(0).get("text"));
        assertEquals("log", logs.get(0).get("level"));
        assertEquals("Map(1) { \"k\" => 1 }", logs.get(1).get("text"));
        assertEquals("warn", logs.get(1).get("level"));
        assertTrue(logs.get(2).get("text").toString().startsWith("Error: bad"), logs.get(2)::toString);
        assertEquals(
                List.of("error", "info", "debug"),
                logs.subList(2, 5).stream().map(l -> l.get("level")).toList());
        assertTrue(logs.get(0).get("time").toString().endsWith("Z"));
    }

    @Test
    void classesExtendingErrorKeepTheirClassAsInDeno() {
        Object answer = vals.value("class HttpError extends Error {\n"
                + "  constructor(message: string, public status: number) { super(message); this.name = 'HttpError'; }\n"
                + "}\n"
                + "class NotFound extends HttpError { constructor(what: string) { super(what + ' not found', 404); } }\n"
                + "class Plain extends TypeError {}\n"
                + "export default function () {\n"
                + "  const e = new NotFound('val');\n"
                + "  const p = new Plain('bad', { cause: 'why' });\n"
                + "  return [e instanceof NotFound, e instanceof HttpError, e instanceof Error, e.message, e.status, e.name,\n"
                + "    String(e), Object.keys(e), e.stack.split('\\n')[0], p instanceof Plain, p instanceof TypeError,\n"
                + "    p.message, (p as any).cause, new Error('x') instanceof HttpError];\n"
                + "}");
        // Deno 2.9's answer.
        assertEquals(
                List.of(
                        true,
                        true,
                        true,
                        "val not found",
                        404,
                        "HttpError",
                        "HttpError: val not found",
                        List.of("status", "name"),
                        "HttpError: val not found",
                        true,
                        true,
                        "bad",
                        "why",
                        false),
                answer);
    }

    @Test
    void logsAreCappedWithOneTruncationMarker() {
        Map<String, Object> result =
                vals.call("export default () => { for (let i = 0; i < 5000; i++) console.log('x'.repeat(100)) }");
        List<Map<String, Object>> logs = logs(result);
        assertEquals(RunLog.TRUNCATED, logs.get(logs.size() - 1).get("text"));
        assertEquals(
                1,
                logs.stream()
                        .filter(l -> RunLog.TRUNCATED.equals(l.get("text")))
                        .count());
        assertTrue(logs.size() < 1100);
    }

    @Test
    void envComesFreshFromEveryRun() {
        String source = "export default () => [Deno.env.get('TOKEN'), Deno.env.has('NOPE'), process.env.TOKEN,"
                + " Object.keys(Deno.env.toObject()).length, (Deno.env.set('TOKEN', 'x'), Deno.env.get('TOKEN'))]";
        var module = Vals.module("val:env", source, Map.of());
        Map<String, Object> first = vals.run(List.of(module), Map.of("kind", "function"), Map.of("TOKEN", "one"), 5000);
        Map<String, Object> second =
                vals.run(List.of(module), Map.of("kind", "function"), Map.of("TOKEN", "two"), 5000);
        assertEquals(List.of("one", false, "one", 1, "one"), first.get("value"));
        assertEquals(List.of("two", false, "two", 1, "two"), second.get("value"));
    }

    @Test
    void promisesRunMicrotasksBeforeTimers() {
        assertEquals(
                "sync,micro1,micro2,timer0,timer10",
                vals.value("export default () => new Promise(resolve => {\n"
                        + "  const order: string[] = [];\n"
                        + "  setTimeout(() => { order.push('timer10'); resolve(order.join(',')) }, 10);\n"
                        + "  setTimeout(() => order.push('timer0'), 0);\n"
                        + "  Promise.resolve().then(() => order.push('micro1')).then(() => order.push('micro2'));\n"
                        + "  order.push('sync');\n"
                        + "})"));
        assertEquals(
                List.of("a", 2, List.of("fulfilled", "rejected")),
                vals.value(
                        "export default async () => [await Promise.race([Promise.resolve('a'), new Promise(() => {})]),"
                                + " (await Promise.all([1, Promise.resolve(2)]))[1],"
                                + " (await Promise.allSettled([Promise.resolve(1), Promise.reject(new Error())])).map(r => r.status)]"));
    }

    @Test
    void anIntervalValGetsItsLastRunAsADate() {
        var source = "export default async (interval: { lastRunAt?: Date }) =>"
                + " interval.lastRunAt === undefined ? 'first' : [interval.lastRunAt instanceof Date,"
                + " interval.lastRunAt.getTime(), interval.lastRunAt.toISOString()]";
        var first = new java.util.HashMap<String, Object>(Map.of("kind", "interval"));
        first.put("lastRunAt", null);
        assertEquals("first", vals.run(source, first).get("value"));
        assertEquals(
                List.of(true, 1796536800123L, "2026-12-06T06:00:00.123Z"),
                vals.run(source, Map.of("kind", "interval", "lastRunAt", "2026-12-06T06:00:00.123Z"))
                        .get("value"));
        var data = vals.run(
                "export const notAFunction = 1;", Map.of("kind", "interval", "lastRunAt", "2026-12-06T06:00:00Z"));
        assertEquals("error", data.get("status"), data::toString);
    }

    @Test
    void aModuleWhoseOnlyExportIsAValueAnswersThatValue() {
        assertEquals(
                Map.of("n", 42),
                vals.run("export const answer = { n: 42 };", Map.of("kind", "function"))
                        .get("value"));
        assertEquals(
                Map.of("a", 1, "b", "two"),
                vals.run("export const a = 1; export const b = 'two';", Map.of("kind", "function"))
                        .get("value"));
    }

    @Test
    void clearTimeoutCancelsATimer() {
        assertEquals(
                "kept",
                vals.value(
                        "export default () => new Promise(resolve => { const t = setTimeout(() => resolve('cleared'), 5);"
                                + " clearTimeout(t); setTimeout(() => resolve('kept'), 10) })"));
    }

    @Test
    void anExportedPromiseAnswersWithWhatItSettlesTo() {
        assertEquals(42, vals.value("export default Promise.resolve(41).then(n => n + 1)"));
        Map<String, Object> rejected = vals.call("export default Promise.reject(new RangeError('no'))");
        assertEquals("error", rejected.get("status"));
        assertEquals("RangeError", ((Map<?, ?>) rejected.get("error")).get("name"), rejected::toString);
    }

    @Test
    void aPromiseThatNeverSettlesEndsTheRun() {
        Map<String, Object> result = vals.call("export default () => new Promise(() => {})");
        assertEquals("error", result.get("status"));
    }

    @Test
    void requestResponseAndHeaders() {
        assertEquals(
                List.of(
                        "POST",
                        "https://example.com/a?b=1",
                        "application/json",
                        "{\"n\":1}",
                        201,
                        false,
                        "text/plain;charset=UTF-8",
                        "x, y",
                        List.of("a", "content-type"),
                        302,
                        "https://example.com/next",
                        "application/json",
                        Map.of("ok", true)),
                vals.value("export default async () => {\n"
                        + "  const req = new Request('https://example.com/a?b=1', { method: 'post',"
                        + "    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ n: 1 }) });\n"
                        + "  const res = new Response('created', { status: 201 });\n"
                        + "  const h = new Headers([['A', 'x']]); h.append('a', 'y'); h.set('content-type', 'z');\n"
                        + "  const redirect = Response.redirect('https://example.com/next');\n"
                        + "  const json = Response.json({ ok: true });\n"
                        + "  return [req.method, req.url, req.headers.get('content-type'), await req.text(), res.status,\n"
                        + "    req.bodyUsed === false, res.headers.get('Content-Type'), h.get('A'), [...h.keys()],\n"
                        + "    redirect.status, redirect.headers.get('location'), json.headers.get('content-type'),"
                        + "    await json.json()];\n"
                        + "}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void httpValsGetARequestAndAnswerAResponse() {
        String body = Base64.getEncoder().encodeToString("{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> result = vals.run(
                "export default async (req: Request) => {\n"
                        + "  const { name } = await req.json();\n"
                        + "  const url = new URL(req.url);\n"
                        + "  return new Response(`héllo ${name} from ${url.pathname} ${url.searchParams.get('q')}`,"
                        + "    { status: 202, headers: { 'X-Val': req.headers.get('x-in') ?? '' } });\n"
                        + "}",
                Map.of(
                        "kind",
                        "http",
                        "request",
                        Map.of(
                                "method",
                                "POST",
                                "url",
                                "https://alice-hello.valbox.dev/greet?q=1",
                                "headers",
                                List.of(List.of("x-in", "yes")),
                                "body",
                                body)));
        assertEquals("ok", result.get("status"), result::toString);
        var response = (Map<String, Object>) result.get("value");
        assertEquals(202, response.get("status"));
        assertEquals(
                List.of(List.of("content-type", "text/plain;charset=UTF-8"), List.of("x-val", "yes")),
                response.get("headers"));
        assertEquals(
                "héllo Ada from /greet 1",
                new String(Base64.getDecoder().decode((String) response.get("body")), StandardCharsets.UTF_8));
    }

    @Test
    void theIncomingRequestsUrlIsTheParsedUrlAndRequestsCopyIt() throws Exception {
        Map<String, Object> result = vals.run(
                "export default async (req) => {\n"
                        + "  const copy = new Request(req);\n"
                        + "  return Response.json([req.url, req.url, copy.url, new URL(req.url).searchParams.get('q'),"
                        + " req instanceof Request, Object.keys(req).length]);\n"
                        + "};",
                Map.of(
                        "kind",
                        "http",
                        "request",
                        Map.of("method", "GET", "url", "https://X.Dev/a/../b%7e?q=%C3%A9", "headers", List.of())));
        assertEquals("ok", result.get("status"), () -> String.valueOf(result));
        var response = (Map<?, ?>) result.get("value");
        assertEquals(
                "[\"https://x.dev/b%7e?q=%C3%A9\",\"https://x.dev/b%7e?q=%C3%A9\",\"https://x.dev/b%7e?q=%C3%A9\",\"é\",true,0]",
                new String(Base64.getDecoder().decode((String) response.get("body")), StandardCharsets.UTF_8));
    }

    @Test
    void anHttpValMustReturnAResponse() {
        Map<String, Object> result = vals.run(
                "export default () => 'not a response'",
                Map.of(
                        "kind",
                        "http",
                        "request",
                        Map.of("method", "GET", "url", "https://x.dev/", "headers", List.of())));
        assertEquals("error", result.get("status"));
        assertEquals("TypeError", ((Map<?, ?>) result.get("error")).get("name"));
    }

    @Test
    void urlAndSearchParams() {
        assertEquals(
                List.of(
                        "https:",
                        "example.com:8080",
                        "/a/c",
                        "?x=1&y=two+words",
                        "#h",
                        "two words",
                        "https://example.com:8080/a/c?x=1&y=two+words&z=3#h",
                        "a=1&b=%C3%A9"),
                vals.value("export default () => {\n"
                        + "  const u = new URL('../c?x=1&y=two+words#h', 'https://example.com:8080/a/b/');\n"
                        + "  const before = [u.protocol, u.host, u.pathname, u.search, u.hash, u.searchParams.get('y')];\n"
                        + "  u.searchParams.append('z', '3');\n"
                        + "  return [...before, u.href, new URLSearchParams({ a: '1', b: 'é' }).toString()];\n"
                        + "}"));
        assertEquals(
                "TypeError",
                ((Map<?, ?>) vals.call("export default () => new URL('not a url')")
                                .get("error"))
                        .get("name"));
    }

    @Test
    void textEncodingAndBase64() {
        assertEquals(
                List.of(List.of(104, 195, 169, 226, 130, 172), "hé€", "aGk=", "hi", "InvalidCharacterError", "�"),
                vals.value("export default () => {\n"
                        + "  const bytes = new TextEncoder().encode('hé€');\n"
                        + "  let bad = ''; try { btoa('€') } catch (e) { bad = e.name }\n"
                        + "  return [Array.from(bytes), new TextDecoder().decode(bytes), btoa('hi'), atob('aGk='), bad,\n"
                        + "    new TextDecoder().decode(new Uint8Array([0xff]))];\n"
                        + "}"));
    }

    @Test
    void cryptoRandomness() {
        assertEquals(
                List.of(true, true, true),
                vals.value("export default () => {\n"
                        + "  const a = crypto.getRandomValues(new Uint8Array(32));\n"
                        + "  const b = crypto.getRandomValues(new Uint32Array(4));\n"
                        + "  return [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),\n"
                        + "    a.some(x => x !== 0), b.length === 4];\n"
                        + "}"));
    }

    @Test
    void es2015BuiltInsExist() {
        assertEquals(
                List.of(
                        Map.of("a", 1, "b", 2),
                        List.of(List.of("a", 1)),
                        List.of(1, 2),
                        true,
                        3,
                        "007",
                        true,
                        List.of(1, 2, 3),
                        "xAx"),
                vals.value(
                        "export default () => [Object.assign({ a: 1 }, { b: 2 }), Object.entries({ a: 1 }),"
                                + " Array.from(new Set([1, 2])), [1, 2].includes(2), [1, 2, 3].find(x => x > 2),"
                                + " '7'.padStart(3, '0'), Number.isInteger(5), [[1], [2, [3]]].flat(2), 'xax'.replaceAll('a', 'A')]"));
    }

    @Test
    void typedArraysHaveTheArrayMethodsAndKeepTheirType() {
        assertEquals(
                List.of("1,2,3", "Uint8Array", "2,4,6", "Int16Array", "2,3", "Float64Array", true, "1.5", 6, 1, "8,8"),
                vals.value("export default () => {\n"
                        + "  const sorted = Int8Array.from([3, 1, 2]).sort();\n"
                        + "  const doubled = new Uint8Array([1, 2, 3]).map(x => x * 2);\n"
                        + "  const tail = new Int16Array([1, 2, 3]).slice(1);\n"
                        + "  const one = Float64Array.of(1.5);\n"
                        + "  return [sorted.join(), Object.prototype.toString.call(doubled).slice(8, -1), doubled.join(),\n"
                        + "    tail.constructor.name, tail.join(), one.constructor.name, one.includes(1.5), one.join(),\n"
                        + "    new Uint32Array([1, 2, 3]).reduce((a, b) => a + b, 0), new Float32Array([5, 6]).findIndex(x => x > 5),\n"
                        + "    new Uint8ClampedArray(2).fill(8).join()];\n"
                        + "}"));
    }
}
