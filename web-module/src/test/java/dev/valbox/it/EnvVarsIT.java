package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.it.Accounts.Account;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC §5 env vars: the API, what a run sees, and encryption at rest. */
class EnvVarsIT extends SignedUpValbox {

    /** 'unset' rather than null: a run's result loses object properties whose value is null (runner, jackson-jr). */
    private static final String READS_KEY = "export default () => ({ deno: Deno.env.get('KEY') ?? 'unset',"
            + " node: process.env.KEY ?? 'unset', api: Deno.env.get('VALTOWN_API_URL') ?? 'unset' })";

    @Test
    void everyEnvEndpointNeedsUserWrite() {
        assertProblem(api.get("/v1/me/env"), 401, "unauthenticated", null);
        assertProblem(api.put("/v1/me/env/KEY", "{\"value\":\"v\"}"), 401, "unauthenticated", null);
        assertProblem(api.delete("/v1/me/env/KEY"), 401, "unauthenticated", null);

        var narrow = api.token(token(alice, "[\"user:read\",\"val:read\",\"val:write\"]"));
        for (var reply : List.of(
                narrow.get("/v1/me/env"),
                narrow.put("/v1/me/env/KEY", "{\"value\":\"v\"}"),
                narrow.delete("/v1/me/env/KEY"))) {
            assertProblem(reply, 403, "forbidden", null);
            var detail = reply.object().getString("detail");
            assertTrue(detail.startsWith("Token does not have the required permissions."), detail);
            assertTrue(detail.contains("user:write"), detail);
        }
        assertEquals("[]", asAlice.get("/v1/me/env").body());

        var writeOnly = api.token(token(alice, "[\"user:write\"]"));
        assertEquals(204, writeOnly.put("/v1/me/env/KEY", "{\"value\":\"v\"}").status());
        assertEquals(1, writeOnly.get("/v1/me/env").json().asJsonArray().size());
    }

    @Test
    void badKeysOversizeValuesAndUnknownFieldsAreRefusedAndChangeNothing() {
        assertProblem(put(asAlice, "1KEY", "v"), 400, "invalid", "key");
        assertProblem(put(asAlice, "MY-KEY", "v"), 400, "invalid", "key");
        assertProblem(put(asAlice, "K".repeat(65), "v"), 400, "invalid", "key");
        for (var reserved : List.of("valtown", "VALTOWN_API_URL", "VALBOX_API_URL")) {
            assertProblem(put(asAlice, reserved, "v"), 400, "invalid", "key");
        }
        assertProblem(put(asAlice, "BIG", "x".repeat(32 * 1024 + 1)), 413, "too-large", "value");
        assertProblem(put(asAlice, "BIG", "é".repeat(16 * 1024 + 1)), 413, "too-large", "value");
        assertProblem(asAlice.put("/v1/me/env/KEY", "{\"value\":\"v\",\"secret\":true}"), 400, "invalid", "secret");
        assertProblem(asAlice.put("/v1/me/env/KEY", "{\"value\":42}"), 400, "invalid", "value");
        assertProblem(asAlice.put("/v1/me/env/KEY", "{}"), 400, "invalid", "value");
        assertProblem(asAlice.put("/v1/me/env/KEY", "{\"value\":"), 400, "invalid", "body");
        assertProblem(asAlice.delete("/v1/me/env/1KEY"), 400, "invalid", "key");
        assertEquals("[]", asAlice.get("/v1/me/env").body());

        assertEquals(204, put(asAlice, "K".repeat(64), "x".repeat(32 * 1024)).status());
        assertEquals(204, put(asAlice, "EMPTY", "").status());
        assertEquals(List.of("EMPTY", "K".repeat(64)), keys(asAlice));
    }

    @Test
    void theListShowsKeysAndTimesButNeverValues() {
        put(asAlice, "OPENAI_API_KEY", "sk-value-one");
        put(asAlice, "DB_PASSWORD", "value-two");
        var list = asAlice.get("/v1/me/env");
        assertEquals(200, list.status(), list::toString);
        assertTrue(list.contentType().startsWith("application/json"), list::toString);
        assertFalse(list.body().contains("value-one"), list::toString);
        assertFalse(list.body().contains("value-two"), list::toString);
        assertEquals(List.of("DB_PASSWORD", "OPENAI_API_KEY"), keys(asAlice));
        for (var item : list.json().asJsonArray()) {
            var envVar = item.asJsonObject();
            assertEquals(List.of("key", "createdAt", "updatedAt"), List.copyOf(envVar.keySet()), envVar::toString);
            Instant.parse(envVar.getString("createdAt"));
            assertEquals(envVar.getString("createdAt"), envVar.getString("updatedAt"));
        }

        var bob = Accounts.signup(api, "bob");
        assertEquals("[]", api.token(bob.token()).get("/v1/me/env").body());
    }

    @Test
    void putReplacesTheValueAndDeleteRemovesIt() throws InterruptedException {
        assertEquals(204, put(asAlice, "KEY", "first").status());
        var created = entry(asAlice, "KEY");
        assertEquals("first", evalKey(asAlice).getString("deno"));

        Thread.sleep(5);
        assertEquals(204, put(asAlice, "KEY", "second").status());
        var replaced = entry(asAlice, "KEY");
        assertEquals(created.getString("createdAt"), replaced.getString("createdAt"));
        assertTrue(
                Instant.parse(replaced.getString("updatedAt")).isAfter(Instant.parse(created.getString("createdAt"))),
                replaced::toString);
        assertEquals(List.of("KEY"), keys(asAlice));
        assertEquals("second", evalKey(asAlice).getString("deno"));

        assertEquals(204, put(asAlice, "key", "lower case is another key").status());
        assertEquals(List.of("KEY", "key"), keys(asAlice));

        assertEquals(204, asAlice.delete("/v1/me/env/KEY").status());
        assertProblem(asAlice.delete("/v1/me/env/KEY"), 404, "not-found", null);
        assertProblem(asAlice.delete("/v1/me/env/NEVER_SET"), 404, "not-found", null);
        assertEquals(List.of("key"), keys(asAlice));
        assertEquals("unset", evalKey(asAlice).getString("deno"));
    }

    @Test
    void simultaneousFirstWritesOfOneKeyAllSucceedAndLeaveOneVar() throws Exception {
        // With EclipseLink's shared cache on, about one round in 30 left a PUT, and every later request of the user,
        // hanging.
        for (int round = 0; round < 12; round++) {
            var key = "RACE_" + round;
            for (var reply : Simultaneous.send(6, writer -> put(asAlice, key, "writer " + writer))) {
                assertEquals(204, reply.status(), reply::toString);
            }
            assertEquals(1, keys(asAlice).stream().filter(key::equals).count(), key);
            assertTrue(evalEnv(asAlice, key).startsWith("writer "), key);
        }
    }

    @Test
    void aValThatKeptAnEnvVarWhenItLoadedSeesItsNewValue() {
        put(asAlice, "KEY", "first");
        Accounts.createVal(
                api,
                alice,
                "keeps_env",
                "public",
                "const kept = Deno.env.get('KEY'); export default () => ({ kept });");
        for (var expected : List.of("first", "first")) {
            var run = asAlice.post("/v1/run/" + alice.username() + ".keeps_env", "{\"args\":[]}");
            assertEquals(expected, run.object().getString("kept"), run::toString);
        }
        put(asAlice, "KEY", "second");
        var run = asAlice.post("/v1/run/" + alice.username() + ".keeps_env", "{\"args\":[]}");
        assertEquals("second", run.object().getString("kept"), run::toString);
    }

    @Test
    void aRunGetsTheEnvOfTheValsAuthorWhoeverAsksForIt() {
        put(asAlice, "KEY", "alice's secret");
        Accounts.createVal(api, alice, "reads_env", "public", READS_KEY);
        var bob = Accounts.signup(api, "bob");
        var asBob = api.token(bob.token());
        put(asBob, "KEY", "bob's secret");

        for (var caller : List.of(asAlice, asBob, api)) {
            var run = caller.post("/v1/run/" + alice.username() + ".reads_env", "{\"args\":[]}");
            assertEquals(200, run.status(), run::toString);
            assertEquals("alice's secret", run.object().getString("deno"), run::toString);
            assertEquals("alice's secret", run.object().getString("node"), run::toString);
            assertEquals("http://localhost:8080", run.object().getString("api"), run::toString);
        }
    }

    @Test
    void importedCodeSeesTheEnvOfTheValBeingRunNotOfItsAuthor() {
        put(asAlice, "KEY", "alice's secret");
        Accounts.createVal(
                api, alice, "env_lib", "public", "export function readKey() { return Deno.env.get('KEY') ?? 'unset' }");
        var bob = Accounts.signup(api, "bob");
        var asBob = api.token(bob.token());
        put(asBob, "KEY", "bob's secret");
        Accounts.createVal(
                api,
                bob,
                "uses_lib",
                "public",
                "import { readKey } from 'https://esm.town/v/" + alice.username() + "/env_lib';\n"
                        + "export default () => ({ lib: readKey(), own: process.env.KEY })");

        var viaBob = api.get("/v1/run/" + bob.username() + ".uses_lib");
        assertEquals(200, viaBob.status(), viaBob::toString);
        assertEquals("bob's secret", viaBob.object().getString("lib"), viaBob::toString);
        assertEquals("bob's secret", viaBob.object().getString("own"), viaBob::toString);

        var direct = api.get("/v1/run/" + alice.username() + ".env_lib");
        assertEquals("\"alice's secret\"", direct.body(), direct::toString);
    }

    @Test
    void evalWithATokenGetsThatUsersEnvAndAnonymousEvalGetsNone() {
        put(asAlice, "KEY", "alice's secret");
        assertEquals("alice's secret", evalKey(asAlice).getString("node"));
        var anonymous = evalKey(api);
        assertEquals("unset", anonymous.getString("deno"), anonymous::toString);
        assertEquals("unset", anonymous.getString("node"), anonymous::toString);
        var names = api.post("/v1/eval", "{\"code\":\"Object.keys(Deno.env.toObject()).sort()\"}");
        assertEquals("[\"VALBOX_API_URL\",\"VALTOWN_API_URL\"]", names.body(), names::toString);
    }

    @Test
    void valuesAreEncryptedAtRest() throws Exception {
        var dataDir = serverArg("valbox.data");
        var keyFile = Path.of(dataDir, "secrets.key");
        assertTrue(Files.isRegularFile(keyFile), keyFile::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        // The key is stored in the clear and the value must not be: the same scan must find the one and not the
        // other, so a scan that sees nothing cannot pass. The val's code is a second control, stored in the clear.
        var key = "AT_REST_PROBE_" + UUID.randomUUID().toString().replace('-', '_');
        var value = "plaintext-marker-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        var inClear = "clear-marker-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        assertEquals(204, put(asAlice, key, value).status());
        Accounts.createVal(api, alice, "control", "private", "export const note = '" + inClear + "';");
        var markers = List.of(key, inClear, value);

        List<Boolean> found;
        if ("postgresql".equals(System.getProperty("valbox.it.database"))) {
            found = inPostgres(markers);
        } else {
            found = awaitInH2Files(Path.of(dataDir, "db"), markers);
        }
        assertEquals(List.of(true, true, false), found, "found in the database: key, clear control, value");
    }

    /** Which markers occur anywhere in any table of the application's PostgreSQL database. */
    private List<Boolean> inPostgres(List<String> markers) throws SQLException {
        var found = new ArrayList<>(List.of(false, false, false));
        var url = serverArg("valbox.db.url");
        try (var db = DriverManager.getConnection(url, serverArg("valbox.db.user"), "");
                var tables = db.getMetaData().getTables(null, "public", "vb_%", new String[] {"TABLE"})) {
            var names = new ArrayList<String>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertTrue(names.contains("vb_env_var"), names::toString);
            try (var sealed = db.prepareStatement("SELECT sealed_value FROM vb_env_var WHERE env_key = ?")) {
                sealed.setString(1, markers.get(0));
                try (var row = sealed.executeQuery()) {
                    assertTrue(row.next(), "the env var's row is in the table the scan reads");
                    assertEquals(12 + bytes(markers.get(2)).length + 16, row.getBytes(1).length);
                }
            }
            for (var table : names) {
                try (var statement = db.createStatement();
                        var rows = statement.executeQuery("SELECT * FROM " + table)) {
                    var columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            var binary =
                                    switch (columns.getColumnType(c)) {
                                        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
                                        default -> false;
                                    };
                            var cell = binary ? rows.getBytes(c) : bytes(rows.getString(c));
                            for (int m = 0; m < markers.size(); m++) {
                                if (cell != null && contains(cell, bytes(markers.get(m)))) {
                                    found.set(m, true);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Which markers occur in the bytes of H2's files. H2 writes in the background, so this waits until the controls
     * stored in the clear reach the disk, then looks once more for everything.
     */
    private static List<Boolean> awaitInH2Files(Path dbDir, List<String> markers)
            throws IOException, InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var bytes = filesUnder(dbDir);
            var found = markers.stream().map(m -> contains(bytes, bytes(m))).toList();
            if ((found.get(0) && found.get(1)) || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(250);
        }
    }

    private static byte[] filesUnder(Path dir) throws IOException {
        var all = new ByteArrayOutputStream();
        try (var files = Files.walk(dir)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static Api.Reply put(Api as, String key, String value) {
        return as.put("/v1/me/env/" + key, "{\"value\":" + Json.createValue(value) + "}");
    }

    private static List<String> keys(Api as) {
        var list = as.get("/v1/me/env");
        assertEquals(200, list.status(), list::toString);
        return list.json().asJsonArray().stream()
                .map(item -> item.asJsonObject().getString("key"))
                .toList();
    }

    private static JsonObject entry(Api as, String key) {
        return as.get("/v1/me/env").json().asJsonArray().stream()
                .map(item -> item.asJsonObject())
                .filter(item -> item.getString("key").equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static String evalEnv(Api as, String key) {
        var code = "export default () => ({ value: Deno.env.get('" + key + "') ?? 'unset' })";
        var reply = as.post("/v1/eval", "{\"code\":" + Json.createValue(code) + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("value");
    }

    private static JsonObject evalKey(Api as) {
        var reply = as.post("/v1/eval", "{\"code\":" + Json.createValue(READS_KEY) + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object();
    }

    private String token(Account owner, String scopes) {
        var reply = api.token(owner.token()).post("/v1/me/tokens", "{\"name\":\"env test\",\"scopes\":" + scopes + "}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.object().getString("token");
    }
}
