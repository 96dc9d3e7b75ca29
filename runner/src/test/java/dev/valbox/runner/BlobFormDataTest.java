package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blob, File and FormData, and the form bodies of Request and Response, each answering as Deno 2.9 does. */
class BlobFormDataTest {

    private final Vals vals = new Vals();

    @Test
    void blobsJoinTheirPartsAndSlice() {
        assertEquals(
                List.of(4, "text/plain", "abcd", "bc", "x/y", List.of(97, 98, 99, 100), "[object Blob]"),
                vals.value(
                        "export default async () => { const b = new Blob(['ab', new Uint8Array([99]), new Blob(['d'])],"
                                + " { type: 'Text/Plain' }); return [b.size, b.type, await b.text(), await b.slice(1, -1).text(),"
                                + " b.slice(1, 3, 'x/y').type, Array.from(await b.bytes()), String(b)] }"));
    }

    @Test
    void filesHaveNameAndLastModified() {
        assertEquals(
                List.of("n.txt", 5, 3, true, "text/plain"),
                vals.value(
                        "export default () => { const f = new File(['abc'], 'n.txt', { type: 'text/plain', lastModified: 5 });"
                                + " return [f.name, f.lastModified, f.size, f instanceof Blob, f.type] }"));
    }

    @Test
    void formDataKeepsEntriesInOrder() {
        assertEquals(
                Arrays.asList(List.of(List.of("k", "w")), true, null, "x.txt", "text/plain", 2, "blob", ""),
                vals.value("export default () => { const fd = new FormData(); fd.set('k', 'v'); fd.set('k', 'w');"
                        + " const all = new FormData(); all.append('f', new Blob(['hi'], { type: 'text/plain' }), 'x.txt');"
                        + " all.append('b', new Blob(['z'])); const f = all.get('f') as File;"
                        + " return [[...fd.entries()], fd.has('k'), fd.get('nope'), f.name, f.type, f.size,"
                        + " (all.get('b') as File).name, (all.get('b') as File).type] }"));
    }

    @Test
    void aFormDataBodyIsMultipartAsDenoWritesIt() {
        Object value = vals.value("export default async () => { const fd = new FormData(); fd.append('a', '1');"
                + " fd.append('f', new Blob(['hi'], { type: 'text/plain' }), 'x.txt'); fd.append('b', new Blob(['z']));"
                + " const r = new Response(fd); return [r.headers.get('content-type'), await r.text()] }");
        List<?> pair = (List<?>) value;
        String type = (String) pair.get(0);
        assertTrue(type.startsWith("multipart/form-data; boundary=----"), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        assertEquals(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\nhi\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"b\"; filename=\"blob\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\nz\r\n"
                        + "--" + boundary + "--",
                pair.get(1));
    }

    @Test
    void formDataParsesMultipartAndUrlencodedBodies() {
        assertEquals(
                List.of(
                        List.of("a", "f", "b"),
                        "x.txt",
                        "hi",
                        "text/plain",
                        List.of("1", "2"),
                        "x y",
                        "TypeError",
                        "Body can not be decoded as form data"),
                vals.value("export default async () => { const fd = new FormData(); fd.append('a', '1');"
                        + " fd.append('f', new Blob(['hi'], { type: 'text/plain' }), 'x.txt'); fd.append('b', new Blob(['z']));"
                        + " const parsed = await new Request('https://x.test', { method: 'POST', body: fd }).formData();"
                        + " const f = parsed.get('f') as File;"
                        + " const ue = await new Response('a=1&b=x+y&a=2', { headers: { 'content-type':"
                        + " 'application/x-www-form-urlencoded' } }).formData(); let err: any;"
                        + " try { await new Response('nope', { headers: { 'content-type': 'text/plain' } }).formData() }"
                        + " catch (e) { err = e }"
                        + " return [[...parsed.keys()], f.name, await f.text(), f.type, ue.getAll('a'), ue.get('b'), err.name,"
                        + " err.message] }"));
    }

    @Test
    void blobBodiesCarryTheirTypeAndBlobReadsABody() {
        assertEquals(
                List.of("image/png", "blobbody", "text/plain;charset=utf-8", 1),
                vals.value(
                        "export default async () => { const r = new Response(new Blob(['blobbody'], { type: 'image/png' }));"
                                + " const bl = await new Response('x').blob(); return [r.headers.get('content-type'), await r.text(),"
                                + " bl.type, bl.size] }"));
    }

    @Test
    void structuredCloneCopiesABlob() {
        assertEquals(
                List.of("ab", "t/x", false),
                vals.value(
                        "export default async () => { const b = new Blob(['ab'], { type: 't/x' }); const c = structuredClone(b);"
                                + " return [await c.text(), c.type, c === b] }"));
    }
}
