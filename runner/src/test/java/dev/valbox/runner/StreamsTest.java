package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WHATWG streams and stream bodies, each answering as Deno 2.9 does. */
class StreamsTest {

    private final Vals vals = new Vals();

    private Map<String, Object> http(String source, String body) {
        Map<String, Object> request = Map.of(
                "method",
                "POST",
                "url",
                "https://val.test/",
                "headers",
                List.of(List.of("content-type", "text/plain")),
                "body",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> result = vals.run(source, Map.of("kind", "http", "request", request));
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) result.get("value");
        return response;
    }

    private static String text(Map<String, Object> response) {
        return new String(Base64.getDecoder().decode((String) response.get("body")), StandardCharsets.UTF_8);
    }

    @Test
    void aReadableStreamPullsUpToItsHighWaterMarkAndIteratesAsynchronously() {
        assertEquals(
                List.of(
                        List.of("start:2", "pull", "pull"),
                        List.of(2, 3, 4, 5),
                        List.of("start:2", "pull", "pull", "pull", "pull")),
                vals.value(
                        "export default async () => { const order: string[] = [];"
                                + " const rs = new ReadableStream({ start(c) { order.push('start:' + c.desiredSize) },"
                                + " pull(c) { order.push('pull'); c.enqueue(order.length); if (order.length > 4) c.close() } },"
                                + " { highWaterMark: 2 }); await new Promise(r => setTimeout(r, 5)); const early = order.slice();"
                                + " const chunks: any[] = []; for await (const ch of rs) chunks.push(ch); return [early, chunks, order] }"));
    }

    @Test
    void teeGivesBothBranchesEveryChunk() {
        assertEquals(
                List.of(List.of(1, 2, 3), List.of(1, 2, 3)),
                vals.value(
                        "export default async () => { const [a, b] = ReadableStream.from([1, 2, 3]).tee(); const ra: any[] = [],"
                                + " rb: any[] = []; for await (const x of a) ra.push(x); for await (const x of b) rb.push(x); return [ra, rb] }"));
    }

    @Test
    void pipeThroughATransformAndPipeToAWritable() {
        assertEquals(
                List.of("A", "B", "!", "closed"),
                vals.value(
                        "export default async () => { const up = new TransformStream({ transform(ch, c) { c.enqueue(String(ch)"
                                + ".toUpperCase()) }, flush(c) { c.enqueue('!') } }); const res: string[] = [];"
                                + " await ReadableStream.from(['a', 'b']).pipeThrough(up).pipeTo(new WritableStream({"
                                + " write(ch) { res.push(ch) }, close() { res.push('closed') } })); return res }"));
    }

    @Test
    void textEncoderAndDecoderStreamsKeepCharactersSplitAcrossChunks() {
        assertEquals(
                List.of(List.of(104, 195, 169, 108, 108, 111), "hé😀", 3),
                vals.value("export default async () => { const bytes: number[] = [];"
                        + " for await (const ch of ReadableStream.from(['hé', 'llo']).pipeThrough(new TextEncoderStream()))"
                        + " bytes.push(...ch); const bs = new Uint8Array([0x68, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);"
                        + " const texts: string[] = []; for await (const t of ReadableStream.from([bs.slice(0, 2), bs.slice(2, 5),"
                        + " bs.slice(5)]).pipeThrough(new TextDecoderStream())) texts.push(t); return [bytes, texts.join(''),"
                        + " texts.length] }"));
    }

    @Test
    void aWritableStreamSignalsBackpressureAndWritesInOrder() {
        assertEquals(
                List.of(2, 0, List.of("x", "y"), true),
                vals.value(
                        "export default async () => { const w: string[] = []; const ws = new WritableStream({ write(c) {"
                                + " return new Promise<void>(r => setTimeout(() => { w.push(c); r() }, 2)) } }, { highWaterMark: 2 });"
                                + " const writer = ws.getWriter(); const before = writer.desiredSize; writer.write('x'); writer.write('y');"
                                + " const full = writer.desiredSize; await writer.ready; await writer.close(); return [before, full, w, ws.locked] }"));
    }

    @Test
    void errorsLocksAndCancel() {
        assertEquals(
                List.of("boom", "TypeError", "why", Map.of("value", "p", "done", false), Map.of("done", true)),
                vals.value(
                        "export default async () => { const out: any[] = [];"
                                + " try { await new ReadableStream({ start(c) { c.error(new Error('boom')) } }).getReader().read() }"
                                + " catch (e) { out.push(e.message) }"
                                + " const locked = new ReadableStream(); locked.getReader(); try { locked.getReader() } catch (e) { out.push(e.name) }"
                                + " let cancelled: any; await new ReadableStream({ cancel(r) { cancelled = r } }).cancel('why'); out.push(cancelled);"
                                + " const ts = new TransformStream(); const wr = ts.writable.getWriter(); wr.write('p'); wr.close();"
                                + " const rd = ts.readable.getReader(); out.push(await rd.read(), await rd.read()); return out }"));
    }

    @Test
    void responseBodyIsAStreamOrNull() {
        assertEquals(
                List.of(true, true, true, List.of(120, 121, 122), true, true, "TypeError", "Body already consumed"),
                vals.value("export default async () => { const r = new Response('xyz'); const rd = r.body!.getReader();"
                        + " const first = await rd.read(); let err: any; try { await r.text() } catch (e) { err = e }"
                        + " return [new Response(null).body === null, new Request('https://x.test').body === null,"
                        + " new Response('').body instanceof ReadableStream, Array.from(first.value!), (await rd.read()).done,"
                        + " r.bodyUsed, err.name, err.message] }"));
    }

    @Test
    void aResponseMadeFromAStreamReadsAndClonesIt() {
        assertEquals(
                List.of("ab", "ab", "text/plain;charset=UTF-8", "TypeError"),
                vals.value(
                        "export default async () => { const enc = new TextEncoder();"
                                + " const resp = new Response(ReadableStream.from([enc.encode('a'), enc.encode('b')]));"
                                + " const clone = resp.clone(); let err: any;"
                                + " try { await new Response(ReadableStream.from(['str'])).text() } catch (e) { err = e.name }"
                                + " return [await resp.text(), await clone.text(), new Response('x').headers.get('content-type'), err] }"));
    }

    @Test
    void aResponseMadeFromAnotherOnesBodyHasItsBytesAndLeavesTheOtherUnused() {
        assertEquals(
                List.of(false, false, "abc", "1", false),
                vals.value(
                        "export default async () => { const r1 = new Response('abc', { headers: { x: '1' } });"
                                + " const r2 = new Response(r1.body, { headers: r1.headers });"
                                + " return [r1.bodyUsed, r1.body!.locked, await r2.text(), r2.headers.get('x'), r1.bodyUsed] }"));
    }

    @Test
    void anHttpValReadsItsRequestBodyAsAStreamAndAnswersWithAStream() {
        Map<String, Object> response = http(
                "export default { async fetch(req: Request) { const reader = req.body!.getReader(); const parts: number[] = [];"
                        + " for (;;) { const { value, done } = await reader.read(); if (done) break; parts.push(...value!) }"
                        + " const text = new TextDecoder().decode(new Uint8Array(parts));"
                        + " const s = new ReadableStream({ async pull(c) { await new Promise(r => setTimeout(r, 1));"
                        + " c.enqueue(new TextEncoder().encode('got:' + text)); c.close() } });"
                        + " return new Response(s, { headers: { 'x-a': '1' } }) } }",
                "hello body");
        assertEquals(200, response.get("status"));
        assertEquals(List.of(List.of("x-a", "1")), response.get("headers"));
        assertEquals("got:hello body", text(response));
    }

    @Test
    void anHttpValMayExportAnObjectWithAFetchMethod() {
        Map<String, Object> response = http(
                "export default { greeting: 'hi', fetch(req: Request) { return new Response(this.greeting + ' ' + req.method) } }",
                "");
        assertEquals("hi POST", text(response));
    }

    @Test
    void aStreamedResponseLargerThanTheBodyLimitFailsTheRun() {
        Map<String, Object> request = Map.of("method", "GET", "url", "https://val.test/", "headers", List.of());
        Map<String, Object> result = vals.run(
                "export default () => { const chunk = new Uint8Array(1 << 20); let sent = 0;"
                        + " return new Response(new ReadableStream({ pull(c) { if (sent++ > 10) c.close(); else c.enqueue(chunk) } })) }",
                Map.of("kind", "http", "request", request));
        assertEquals("error", result.get("status"), result::toString);
        assertEquals(
                "The body stream is larger than the limit of 10 MB", ((Map<?, ?>) result.get("error")).get("message"));
    }
}
