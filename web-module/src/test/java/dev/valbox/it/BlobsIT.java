package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 blobs, over {@code /v1/blob} and from vals through std/blob. The IT server runs with a 1 MB per-blob limit
 * and a 2 MB quota ({@code it.server.jvmArgs}), so the limits are quick to reach.
 */
class BlobsIT extends SignedUpValbox {

    private static final int MB = 1024 * 1024;
    private static final String STD =
            "import { blob, ValTownBlobError, ValTownBlobNotFoundError } from 'https://esm.town/v/std/blob';\n";

    @Test
    void storingReadingListingAndDeletingBytes() {
        var binary = random(300_000);
        var key = "photos/2024/über ✓.bin";
        var stored = store(asAlice, key, binary);
        assertEquals(201, stored.statusCode(), () -> describe(stored));
        assertEquals(0, stored.body().length);
        assertEquals(api.base().resolve(path(key).substring(1)).toString(), header(stored, "Location"));

        var read = asAlice.bytes("GET", path(key), BodyPublishers.noBody());
        assertEquals(200, read.statusCode(), () -> describe(read));
        assertEquals("application/octet-stream", header(read, "Content-Type"));
        assertEquals("300000", header(read, "Content-Length"));
        assertArrayEquals(binary, read.body());
        // A client that does not encode the slashes reaches the same blob.
        assertArrayEquals(
                binary,
                asAlice.bytes("GET", "/v1/blob/photos/2024/" + encode("über ✓.bin"), BodyPublishers.noBody())
                        .body());

        var everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        assertEquals(201, store(asAlice, "photos/bytes", everyByte).statusCode());
        assertArrayEquals(
                everyByte,
                asAlice.bytes("GET", path("photos/bytes"), BodyPublishers.noBody())
                        .body());
        assertEquals(
                201,
                store(asAlice, "text", "hello".getBytes(StandardCharsets.UTF_8)).statusCode());

        var before = Instant.now().minusSeconds(60);
        var listed = list(asAlice, "photos/");
        assertEquals(List.of("photos/2024/über ✓.bin", "photos/bytes"), keys(listed));
        assertEquals(300_000, listed.get(0).getJsonNumber("size").longValue());
        assertTrue(Instant.parse(listed.get(0).getString("lastModified")).isAfter(before), listed::toString);
        assertEquals(List.of("photos/2024/über ✓.bin", "photos/bytes", "text"), keys(list(asAlice, null)));
        assertEquals(List.of(), keys(list(asAlice, "nothing/")));

        // Storing again replaces the bytes.
        assertEquals(201, store(asAlice, key, everyByte).statusCode());
        assertArrayEquals(
                everyByte,
                asAlice.bytes("GET", path(key), BodyPublishers.noBody()).body());

        var deleted = asAlice.bytes("DELETE", path(key), BodyPublishers.noBody());
        assertEquals(204, deleted.statusCode(), () -> describe(deleted));
        assertEquals(0, deleted.body().length);
        assertProblem(asAlice.get(path(key)), 404, "not-found", null);
        assertEquals(
                204, asAlice.bytes("DELETE", path(key), BodyPublishers.noBody()).statusCode());
        assertEquals(List.of("photos/bytes", "text"), keys(list(asAlice, null)));
    }

    @Test
    void keysAreOpaqueStrings() {
        var keys = List.of(
                "a//b", "../x", ".", "..", "100% sure?#&=", "a+b c", "/leading", "trailing/", "😀", "x".repeat(512));
        for (var key : keys) {
            var stored = store(asAlice, key, key.getBytes(StandardCharsets.UTF_8));
            assertEquals(201, stored.statusCode(), () -> key + ": " + describe(stored));
        }
        for (var key : keys) {
            assertEquals(
                    key,
                    new String(
                            asAlice.bytes("GET", path(key), BodyPublishers.noBody())
                                    .body(),
                            StandardCharsets.UTF_8));
        }
        var sorted = new ArrayList<>(keys);
        sorted.sort(String::compareTo);
        assertEquals(sorted, keys(list(asAlice, null)));
        assertEquals(List.of("100% sure?#&="), keys(list(asAlice, "100%")));
        assertEquals(List.of("a+b c", "a//b"), keys(list(asAlice, "a")));
        assertEquals(List.of(), keys(list(asAlice, "a_")));

        assertProblem(upload(asAlice, "y".repeat(513), BodyPublishers.ofByteArray(new byte[1])), 400, "invalid", "key");
    }

    @Test
    void blobsBelongToTheirOwner() {
        store(asAlice, "mine", new byte[] {1, 2, 3});
        var bob = Accounts.signup(api, "bob").api(api);
        assertProblem(bob.get(path("mine")), 404, "not-found", null);
        assertEquals(List.of(), keys(list(bob, null)));
        assertEquals(
                204, bob.bytes("DELETE", path("mine"), BodyPublishers.noBody()).statusCode());
        store(bob, "mine", new byte[] {9});
        assertArrayEquals(
                new byte[] {1, 2, 3},
                asAlice.bytes("GET", path("mine"), BodyPublishers.noBody()).body());
    }

    @Test
    void eachOperationNeedsItsScope() {
        store(asAlice, "k", new byte[] {1});
        var readOnly = token("blob:read");
        var writeOnly = token("blob:write");

        assertEquals(200, readOnly.get("/v1/blob").status());
        assertEquals(
                200, readOnly.bytes("GET", path("k"), BodyPublishers.noBody()).statusCode());
        assertMissingScope(readOnly.post(path("k"), "{}"), "blob:write");
        assertMissingScope(readOnly.delete(path("k")), "blob:write");

        assertEquals(201, store(writeOnly, "w", new byte[] {2}).statusCode());
        assertMissingScope(writeOnly.get("/v1/blob"), "blob:read");
        assertMissingScope(writeOnly.get(path("k")), "blob:read");
        assertEquals(
                204,
                writeOnly.bytes("DELETE", path("w"), BodyPublishers.noBody()).statusCode());

        assertProblem(api.get("/v1/blob"), 401, "unauthenticated", null);
        assertProblem(api.get(path("k")), 401, "unauthenticated", null);
        assertProblem(api.post(path("k"), "{}"), 401, "unauthenticated", null);
        assertProblem(api.delete(path("k")), 401, "unauthenticated", null);
        assertArrayEquals(
                new byte[] {1},
                asAlice.bytes("GET", path("k"), BodyPublishers.noBody()).body());
    }

    @Test
    void aBlobOverTheLimitOrTheQuotaIsRefusedAndChangesNothing() {
        var oneMb = random(MB);
        assertEquals(201, store(asAlice, "first", oneMb).statusCode());
        assertTooLarge(upload(asAlice, "big", BodyPublishers.ofByteArray(random(MB + 1))));
        // Without a Content-Length (chunked) the body is counted while it is stored.
        assertTooLarge(upload(asAlice, "first", chunked(random(MB + 10))));
        assertArrayEquals(
                oneMb,
                asAlice.bytes("GET", path("first"), BodyPublishers.noBody()).body());

        // Replacing a key does not count its old bytes; a second key has room for 1 MB less what the first uses.
        assertEquals(201, store(asAlice, "first", oneMb).statusCode());
        assertEquals(201, store(asAlice, "second", random(MB - 10)).statusCode());
        assertTooLarge(upload(asAlice, "third", BodyPublishers.ofByteArray(random(100))));
        assertTooLarge(upload(asAlice, "third", chunked(random(100))));
        assertEquals(List.of("first", "second"), keys(list(asAlice, null)));

        assertEquals(
                204,
                asAlice.bytes("DELETE", path("second"), BodyPublishers.noBody()).statusCode());
        assertEquals(201, store(asAlice, "third", random(100)).statusCode());
        // The quota is per user.
        assertEquals(
                201, store(Accounts.signup(api, "bob").api(api), "first", oneMb).statusCode());
    }

    @Test
    void valsUseTheBlobApiAndShareTheirAuthorsBlobsWithTheRestApi() {
        store(asAlice, "from-rest", new byte[] {0, 1, (byte) 0x80, (byte) 0xff});
        // One step per run keeps each run well inside the IT server's 3 s run limit, even on a busy machine.
        var code = STD
                + """
                export default async function (step: string) {
                  switch (step) {
                    case 'read': {
                      const r = await blob.get('from-rest');
                      return [r.status, r.headers.get('content-type'), Array.from(new Uint8Array(await r.arrayBuffer()))];
                    }
                    case 'write':
                      await blob.set('from-val', new Uint8Array([255, 0, 127, 128]));
                      await blob.set('text/ünï', 'héllo ✓');
                      return (await blob.get('text/ünï')).text();
                    case 'json':
                      await blob.setJSON('json', { n: 1, list: [true, null, 'x'] });
                      return [await blob.getJSON('json'), (await blob.getJSON('absent')) === undefined];
                    case 'missing':
                      try { await blob.get('absent'); return 'resolved'; }
                      catch (e) { return [e.name, e instanceof ValTownBlobNotFoundError, e instanceof ValTownBlobError, e.message]; }
                    case 'copy and move':
                      await blob.copy('json', 'copied');
                      await blob.move('copied', 'moved');
                      return blob.getJSON('moved');
                    case 'list':
                      return [(await blob.list()).map((b: any) => [b.key, b.size, typeof b.lastModified]),
                              (await blob.list('text/')).map((b: any) => b.key)];
                    case 'delete':
                      await blob.delete('from-rest');
                      await blob.delete('never-was');
                      return (await blob.list()).map((b: any) => b.key);
                  }
                }
                """;
        Accounts.createVal(api, alice, "blobs", "private", code);
        assertEquals(json("[200, \"application/octet-stream\", [0, 1, 128, 255]]"), step("read"));
        assertEquals(json("\"héllo ✓\""), step("write"));
        assertEquals(json("[{\"n\": 1, \"list\": [true, null, \"x\"]}, true]"), step("json"));
        assertEquals(json("[\"ValTownBlobNotFoundError\", true, true, \"Blob not found: 'absent'\"]"), step("missing"));
        assertEquals(json("{\"n\": 1, \"list\": [true, null, \"x\"]}"), step("copy and move"));
        assertEquals(
                json("[[[\"from-rest\", 4, \"string\"], [\"from-val\", 4, \"string\"], [\"json\", 30, \"string\"],"
                        + " [\"moved\", 30, \"string\"], [\"text/ünï\", 10, \"string\"]], [\"text/ünï\"]]"),
                step("list"));

        // What the val wrote is the user's, over REST too.
        assertArrayEquals(
                new byte[] {(byte) 255, 0, 127, (byte) 128},
                asAlice.bytes("GET", path("from-val"), BodyPublishers.noBody()).body());
        assertEquals(
                "{\"n\":1,\"list\":[true,null,\"x\"]}",
                new String(
                        asAlice.bytes("GET", path("moved"), BodyPublishers.noBody())
                                .body(),
                        StandardCharsets.UTF_8));
        assertProblem(asAlice.get(path("copied")), 404, "not-found", null);

        assertEquals(json("[\"from-val\", \"json\", \"moved\", \"text/ünï\"]"), step("delete"));
        assertProblem(asAlice.get(path("from-rest")), 404, "not-found", null);
    }

    /** Runs one step of alice's "blobs" val and answers its value. */
    private jakarta.json.JsonValue step(String name) {
        var run = asAlice.post(
                "/v1/run/" + alice.username() + ".blobs",
                Json.createObjectBuilder()
                        .add("args", Json.createArrayBuilder().add(name))
                        .build()
                        .toString());
        assertEquals(200, run.status(), () -> name + ": " + run);
        return json(run.body());
    }

    @Test
    void aValWithoutBlobWriteGetsACatchableErrorNamingTheScope() {
        store(asAlice, "readable", "still here".getBytes(StandardCharsets.UTF_8));
        // Eval runs as the token's user within the token's scopes, like a val token without blob:write.
        var readOnly = token("val:write", "blob:read");
        var code = STD
                + """
                export default async () => {
                  const text = await (await blob.get('readable')).text();
                  try { await blob.set('readable', 'overwritten'); return 'stored'; }
                  catch (e) { return [text, e.name, e instanceof ValTownBlobError, e.message]; }
                }
                """;
        var eval = readOnly.post(
                "/v1/eval", Json.createObjectBuilder().add("code", code).build().toString());
        assertEquals(200, eval.status(), eval::toString);
        var answer = eval.json().asJsonArray();
        assertEquals("still here", answer.getString(0));
        assertEquals("ValTownBlobError", answer.getString(1));
        assertEquals(true, answer.getBoolean(2));
        assertTrue(answer.getString(3).contains("'blob:write'"), answer::toString);
        assertTrue(answer.getString(3).startsWith("Token does not have the required permissions."), answer::toString);
        assertEquals(
                "still here",
                new String(
                        asAlice.bytes("GET", path("readable"), BodyPublishers.noBody())
                                .body(),
                        StandardCharsets.UTF_8));

        var noRead = token("val:write", "blob:write");
        var listing = noRead.post(
                "/v1/eval",
                Json.createObjectBuilder()
                        .add("code", STD + "export default () => blob.list().then(() => 'listed', e => e.message)")
                        .build()
                        .toString());
        assertEquals(200, listing.status(), listing::toString);
        assertTrue(listing.body().contains("'blob:read'"), listing::toString);
    }

    @Test
    void aValHitsTheSameLimitsAsTheRestApi() {
        var code = STD
                + """
                export default async () => {
                  try { await blob.set('huge', 'x'.repeat(1024 * 1024 + 1)); return 'stored'; }
                  catch (e) { return [e.name, e.message]; }
                }
                """;
        Accounts.createVal(api, alice, "huge", "private", code);
        var run = asAlice.get("/v1/run/" + alice.username() + ".huge");
        assertEquals(200, run.status(), run::toString);
        var answer = run.json().asJsonArray();
        assertEquals("ValTownBlobError", answer.getString(0));
        assertTrue(answer.getString(1).contains("at most 1 MB"), answer::toString);
        assertEquals(List.of(), keys(list(asAlice, null)));
    }

    private Api token(String... scopes) {
        return Accounts.token(api, alice, scopes);
    }

    private static HttpResponse<byte[]> store(Api as, String key, byte[] bytes) {
        return as.header("Content-Type", "application/octet-stream")
                .bytes("POST", path(key), BodyPublishers.ofByteArray(bytes));
    }

    private static BodyPublisher chunked(byte[] bytes) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private static List<JsonObject> list(Api as, String prefix) {
        var reply = as.get("/v1/blob" + (prefix == null ? "" : "?prefix=" + encode(prefix)));
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        return reply.json().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static List<String> keys(List<JsonObject> listed) {
        return listed.stream().map(o -> o.getString("key")).toList();
    }

    /** The blob's path with the key percent-encoded, dots and slashes included, so nothing normalises it. */
    static String path(String key) {
        return "/v1/blob/" + encode(key);
    }

    static String encode(String text) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static void assertMissingScope(Api.Reply reply, String scope) {
        assertProblem(reply, 403, "forbidden", null);
        assertTrue(reply.object().getString("detail").contains("'" + scope + "'"), reply::toString);
    }

    private static void assertTooLarge(Api.Reply reply) {
        assertProblem(reply, 413, "too-large", "body");
    }

    private static Api.Reply upload(Api as, String key, BodyPublisher body) {
        return as.header("Content-Type", "application/octet-stream").upload("POST", path(key), body);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String describe(HttpResponse<byte[]> response) {
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + new String(response.body(), StandardCharsets.UTF_8);
    }

    private static jakarta.json.JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static byte[] random(int size) {
        var bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
