package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * std/blob over the real framed protocol, with the test playing the server's blob service on an in-memory map: what
 * the module sends for each function, and how it turns replies (bytes as base64, errors) into Val Town's API.
 */
class BlobModuleTest {

    private static final String STD = "https://esm.town/v/std/blob";
    private static final String IMPORT =
            "import { blob, ValTownBlobError, ValTownBlobNotFoundError } from '" + STD + "';\n";

    /** A worker, with the test playing the server at its other end. */
    private PipedWorker server;

    private final Map<String, byte[]> store = new TreeMap<>();
    private final List<Map<String, Object>> calls = new ArrayList<>();
    /** A reply error to give every call instead of an answer, e.g. a missing scope. */
    private Map<String, Object> failure;

    @BeforeEach
    void startWorker() throws IOException {
        server = new PipedWorker();
    }

    @AfterEach
    void stopWorker() throws IOException {
        server.close();
    }

    /** Runs the val's default export, answering its blob calls from {@link #store}; answers the result frame. */
    private Map<String, Object> run(String source) throws IOException {
        ValModule module = Vals.module("val:blob-test", IMPORT + source, Map.of(STD, "std:blob"));
        server.run("run-1", module);
        while (true) {
            Map<String, Object> frame = server.read();
            if ("result".equals(frame.get("op"))) {
                return frame;
            }
            assertEquals("call", frame.get("op"), frame::toString);
            calls.add(frame);
            server.write(answer(frame));
        }
    }

    private Object value(String source) throws IOException {
        var result = run(source);
        assertEquals("ok", result.get("status"), result::toString);
        return result.get("value");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> answer(Map<String, Object> call) {
        var reply = new HashMap<String, Object>();
        reply.put("op", "reply");
        reply.put("callId", call.get("callId"));
        if (failure != null) {
            reply.put("ok", false);
            reply.put("error", failure);
            return reply;
        }
        var args = (Map<String, Object>) call.get("args");
        Object value = null;
        switch ((String) call.get("service")) {
            case "blob.get" -> {
                var bytes = store.get((String) args.get("key"));
                if (bytes == null) {
                    reply.put("ok", false);
                    reply.put(
                            "error",
                            Map.of("name", "NotFoundError", "message", "Blob not found: '" + args.get("key") + "'"));
                    return reply;
                }
                value = Map.of(
                        "key",
                        args.get("key"),
                        "size",
                        bytes.length,
                        "lastModified",
                        "2026-01-02T03:04:05.678Z",
                        "body",
                        Base64.getEncoder().encodeToString(bytes));
            }
            case "blob.set" -> store.put(
                    (String) args.get("key"), Base64.getDecoder().decode((String) args.get("body")));
            case "blob.list" -> {
                var prefix = args.get("prefix") == null ? "" : (String) args.get("prefix");
                var listed = new ArrayList<Map<String, Object>>();
                store.forEach((key, bytes) -> {
                    if (key.startsWith(prefix)) {
                        listed.add(
                                Map.of("key", key, "size", bytes.length, "lastModified", "2026-01-02T03:04:05.678Z"));
                    }
                });
                value = listed;
            }
            case "blob.delete" -> store.remove((String) args.get("key"));
            case "blob.copy" -> store.put((String) args.get("to"), store.get((String) args.get("from")));
            case "blob.move" -> store.put((String) args.get("to"), store.remove((String) args.get("from")));
            default -> throw new AssertionError("unexpected call " + call);
        }
        reply.put("ok", true);
        reply.put("value", value);
        return reply;
    }

    @Test
    void setStoresStringsAsUtf8AndBinaryAsItIs() throws IOException {
        value("export default async () => {\n"
                + "  await blob.set('text', 'héllo ✓');\n"
                + "  const all = new Uint8Array(256); for (let i = 0; i < 256; i++) all[i] = i;\n"
                + "  await blob.set('bytes', all);\n"
                + "  await blob.set('buffer', all.buffer.slice(250));\n"
                + "  await blob.set('view', new DataView(all.buffer, 1, 2));\n"
                + "  await blob.set('response', new Response('from a response'));\n"
                + "  await blob.set('blobish', { arrayBuffer: async () => new Uint8Array([7, 8, 9]).buffer });\n"
                + "  await blob.set('number', 42 as any);\n"
                + "  await blob.set('empty', undefined as any);\n"
                + "}");
        assertEquals("héllo ✓", new String(store.get("text"), StandardCharsets.UTF_8));
        var all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertEquals(
                Base64.getEncoder().encodeToString(all), Base64.getEncoder().encodeToString(store.get("bytes")));
        assertEquals(List.of(250, 251, 252, 253, 254, 255), unsigned(store.get("buffer")));
        assertEquals(List.of(1, 2), unsigned(store.get("view")));
        assertEquals("from a response", new String(store.get("response"), StandardCharsets.UTF_8));
        assertEquals(List.of(7, 8, 9), unsigned(store.get("blobish")));
        assertEquals("42", new String(store.get("number"), StandardCharsets.UTF_8));
        assertEquals(0, store.get("empty").length);
    }

    @Test
    void getAnswersAResponseWithTheBytes() throws IOException {
        store.put("k", new byte[] {0, (byte) 0xff, 'a', (byte) 0x80});
        store.put("t", "✓ ok".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        true,
                        200,
                        "application/octet-stream",
                        "4",
                        "Fri, 02 Jan 2026 03:04:05 GMT",
                        List.of(0, 255, 97, 128),
                        "✓ ok"),
                value("export default async () => {\n"
                        + "  const r = await blob.get('k');\n"
                        + "  const bytes = Array.from(new Uint8Array(await r.arrayBuffer()));\n"
                        + "  return [r instanceof Response, r.status, r.headers.get('content-type'),"
                        + " r.headers.get('content-length'), r.headers.get('last-modified'), bytes,"
                        + " await (await blob.get('t')).text()];\n"
                        + "}"));
        assertEquals(Map.of("key", "k"), args(0));
    }

    @Test
    void aMissingBlobRejectsWithValTownBlobNotFoundError() throws IOException {
        assertEquals(
                List.of(
                        true,
                        true,
                        true,
                        "ValTownBlobNotFoundError",
                        "ValTownBlobNotFoundError: Blob not found: 'nope'",
                        true),
                value("export default async () => {\n"
                        + "  try { await blob.get('nope'); return 'resolved'; } catch (e) {\n"
                        + "    return [e instanceof ValTownBlobNotFoundError, e instanceof ValTownBlobError, e instanceof Error,"
                        + " e.name, String(e), typeof e.stack === 'string'];\n"
                        + "  }\n"
                        + "}"));
        var result = run("export default () => blob.get('nope')");
        assertEquals("error", result.get("status"));
        assertEquals(
                Map.of("name", "ValTownBlobNotFoundError", "message", "Blob not found: 'nope'"),
                withoutStack(result.get("error")));
    }

    @Test
    void jsonHelpersRoundTripAndAMissingKeyIsUndefined() throws IOException {
        assertEquals(
                List.of(Map.of("a", List.of(1, "two", true)), "missing"),
                value("export default async () => {\n"
                        + "  await blob.setJSON('j', { a: [1, 'two', true] });\n"
                        + "  const gone = await blob.getJSON('absent');\n"
                        + "  return [await blob.getJSON('j'), gone === undefined ? 'missing' : gone];\n"
                        + "}"));
        assertEquals("{\"a\":[1,\"two\",true]}", new String(store.get("j"), StandardCharsets.UTF_8));
    }

    @Test
    void listDeleteCopyAndMoveAreForwarded() throws IOException {
        store.put("app_one", new byte[] {1});
        store.put("app_two", new byte[] {2, 2});
        store.put("other", new byte[] {3});
        assertEquals(
                List.of(List.of("app_one", "app_two"), 3, 1, List.of("app_copy", "app_moved", "app_two", "other")),
                value("export default async () => {\n"
                        + "  const apps = (await blob.list('app_')).map(b => b.key);\n"
                        + "  const all = (await blob.list()).length;\n"
                        + "  const size = (await blob.listKeys('app_one'))[0].size;\n"
                        + "  await blob.copy('app_one', 'app_copy');\n"
                        + "  await blob.move('app_one', 'app_moved');\n"
                        + "  const deleted = await blob.delete('nothing');\n"
                        + "  return [apps, all, size, (await blob.list()).map(b => b.key)];\n"
                        + "}"));
        assertEquals("blob.list", calls.get(0).get("service"));
        assertEquals(Map.of("prefix", "app_"), args(0));
        assertEquals(null, args(1).get("prefix"), () -> args(1).toString());
        assertEquals(Map.of("from", "app_one", "to", "app_copy"), args(3));
        assertEquals("blob.move", calls.get(4).get("service"));
        assertEquals(Map.of("key", "nothing"), args(5));
    }

    @Test
    void aRefusedCallIsACatchableValTownBlobErrorWithTheServersWords() throws IOException {
        failure = Map.of(
                "name", "PermissionError",
                "message", "Token does not have the required permissions. This request needs the 'blob:write' scope.");
        assertEquals(
                List.of(
                        true,
                        "ValTownBlobError",
                        "Token does not have the required permissions. This request needs the 'blob:write' scope."),
                value("export default async () => {\n"
                        + "  try { await blob.setJSON('k', 1); return 'stored'; }"
                        + "  catch (e) { return [e instanceof ValTownBlobError, e.name, e.message]; }\n"
                        + "}"));
        failure = Map.of("name", "TypeError", "message", "key must be at most 512 characters");
        assertEquals(
                List.of(true, false, "TypeError"),
                value("export default async () => {\n"
                        + "  try { await blob.delete('x'.repeat(600)); return 'deleted'; }"
                        + "  catch (e) { return [e instanceof TypeError, e instanceof ValTownBlobError, e.name]; }\n"
                        + "}"));
    }

    @Test
    void theErrorClassesCanBeConstructedAndExtended() throws IOException {
        assertEquals(
                List.of(
                        "ValTownBlobError: boom",
                        true,
                        "ValTownBlobNotFoundError: Blob not found",
                        true,
                        true,
                        "Mine",
                        true),
                value("class Mine extends ValTownBlobError { constructor() { super('mine'); this.name = 'Mine'; } }\n"
                        + "export default () => {\n"
                        + "  const plain = new ValTownBlobError('boom');\n"
                        + "  const missing = new ValTownBlobNotFoundError();\n"
                        + "  const mine = new Mine();\n"
                        + "  return [String(plain), plain instanceof Error, String(missing),"
                        + " missing instanceof ValTownBlobError, mine instanceof Mine, mine.name, mine instanceof ValTownBlobError];\n"
                        + "}"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> args(int call) {
        return (Map<String, Object>) calls.get(call).get("args");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutStack(Object error) {
        var copy = new HashMap<>((Map<String, Object>) error);
        copy.remove("stack");
        return copy;
    }

    private static List<Integer> unsigned(byte[] bytes) {
        var list = new ArrayList<Integer>();
        for (byte b : bytes) {
            list.add(b & 0xff);
        }
        return list;
    }
}
