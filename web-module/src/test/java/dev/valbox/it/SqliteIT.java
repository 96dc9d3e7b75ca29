package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5: one SQLite database per user, over {@code /v1/sqlite/execute} and {@code /v1/sqlite/batch} and from vals
 * through {@code std/sqlite}, with the same scope checks and libSQL's shapes and error codes.
 */
class SqliteIT extends SignedUpValbox {

    private static String execute(String sql, Object... args) {
        var statement = args.length == 0
                ? Json.createValue(sql)
                : Json.createObjectBuilder()
                        .add("sql", sql)
                        .add("args", Json.createArrayBuilder(List.of(args)))
                        .build();
        return Json.createObjectBuilder().add("statement", statement).build().toString();
    }

    private static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        return reply.object();
    }

    private Api token(String... scopes) {
        return Accounts.token(api, alice, scopes);
    }

    @Test
    void executeAnswersLibsqlResultSets() {
        var created = ok(
                asAlice.post("/v1/sqlite/execute", execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")));
        assertEquals(0, created.getInt("rowsAffected"));
        assertTrue(created.isNull("lastInsertRowid"), created::toString);

        var inserted =
                ok(asAlice.post("/v1/sqlite/execute", execute("INSERT INTO notes (body) VALUES (?), (?)", "a", "b")));
        assertEquals(2, inserted.getInt("rowsAffected"));
        assertEquals(2, inserted.getInt("lastInsertRowid"));

        var named = "{\"statement\":{\"sql\":\"SELECT id, body AS text, 1.5 AS r, NULL AS n, x'00ff' AS b"
                + " FROM notes WHERE body = :body\",\"args\":{\"body\":\"b\"}}}";
        var selected = ok(asAlice.post("/v1/sqlite/execute", named));
        assertEquals(
                "[\"id\",\"text\",\"r\",\"n\",\"b\"]",
                selected.getJsonArray("columns").toString());
        assertEquals(
                "[\"INTEGER\",\"TEXT\",\"\",\"\",\"\"]",
                selected.getJsonArray("columnTypes").toString());
        assertEquals(
                "[[2,\"b\",1.5,null,{\"base64\":\"AP8=\"}]]",
                selected.getJsonArray("rows").toString());
        assertEquals(0, selected.getInt("rowsAffected"));
    }

    @Test
    void aBatchIsOneTransactionInTheModeAsked() {
        var batch = "{\"statements\":[\"CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)\","
                + "{\"sql\":\"INSERT INTO t (n) VALUES (?)\",\"args\":[10]},"
                + "{\"sql\":\"INSERT INTO t (n) VALUES (:n)\",\"args\":{\"n\":20}},"
                + "\"SELECT sum(n) AS total FROM t\"],\"mode\":\"write\"}";
        var reply = asAlice.post("/v1/sqlite/batch", batch);
        assertEquals(200, reply.status(), reply::toString);
        JsonArray results = reply.json().asJsonArray();
        assertEquals(4, results.size());
        assertEquals(
                30,
                results.getJsonObject(3).getJsonArray("rows").getJsonArray(0).getInt(0));

        var failing = "{\"statements\":[\"INSERT INTO t (n) VALUES (30)\",\"INSERT INTO t (n) VALUES (NULL)\"]}";
        var failed = asAlice.post("/v1/sqlite/batch", failing);
        assertProblem(failed, 400, "invalid", "statements[1]");
        assertEquals("SQLITE_CONSTRAINT", failed.object().getString("code"));
        assertEquals(
                "SQLITE_CONSTRAINT: NOT NULL constraint failed: t.n",
                failed.object().getString("message"));
        var count = ok(asAlice.post("/v1/sqlite/execute", execute("SELECT count(*) FROM t")));
        assertEquals(2, count.getJsonArray("rows").getJsonArray(0).getInt(0), "the first insert was rolled back");

        var read = asAlice.post("/v1/sqlite/batch", "{\"statements\":[\"DELETE FROM t\"],\"mode\":\"read\"}");
        assertProblem(read, 400, "invalid", "statements[0]");
        assertEquals("SQLITE_READONLY", read.object().getString("code"));
    }

    @Test
    void sqliteErrorsAreProblemsWithLibsqlCodes() {
        var missing = asAlice.post("/v1/sqlite/execute", execute("SELECT * FROM nowhere"));
        assertProblem(missing, 400, "invalid", "statement");
        assertEquals("SQLITE_ERROR", missing.object().getString("code"));
        assertEquals("SQLITE_ERROR: no such table: nowhere", missing.object().getString("message"));

        var two = asAlice.post("/v1/sqlite/execute", execute("SELECT 1; SELECT 2"));
        assertProblem(two, 400, "invalid", "statement");
        assertEquals("SQL_MANY_STATEMENTS", two.object().getString("code"));

        assertProblem(asAlice.post("/v1/sqlite/execute", "{}"), 400, "invalid", "statement");
        assertProblem(
                asAlice.post("/v1/sqlite/execute", "{\"statement\":\"SELECT 1\",\"mode\":\"read\"}"),
                400,
                "invalid",
                "mode");
        assertProblem(
                asAlice.post("/v1/sqlite/execute", "{\"statement\":{\"sql\":\"SELECT ?\",\"args\":[[1]]}}"),
                400,
                "invalid",
                "statement.args[0]");
        assertProblem(
                asAlice.post("/v1/sqlite/batch", "{\"statements\":[\"SELECT 1\"],\"mode\":\"fast\"}"),
                400,
                "invalid",
                "mode");
    }

    @Test
    void escapesAreRefused() {
        var attach = asAlice.post("/v1/sqlite/execute", execute("ATTACH DATABASE '/etc/passwd' AS x"));
        assertProblem(attach, 400, "invalid", "statement");
        assertEquals(
                "SQLITE_ERROR: too many attached databases - max 0",
                attach.object().getString("message"));
        for (var sql : List.of(
                "ATTACH ':memory:' AS m",
                "SELECT load_extension('/lib/x86_64-linux-gnu/libc.so.6')",
                "VACUUM INTO '/tmp/valbox-escape.db'",
                "PRAGMA temp_store_directory = '/tmp'")) {
            assertProblem(asAlice.post("/v1/sqlite/execute", execute(sql)), 400, "invalid", "statement");
        }
        assertTrue(!new java.io.File("/tmp/valbox-escape.db").exists());
    }

    @Test
    void readingNeedsSqliteReadAndWritingAlsoSqliteWrite() {
        ok(asAlice.post("/v1/sqlite/execute", execute("CREATE TABLE t (x)")));
        ok(asAlice.post("/v1/sqlite/execute", execute("INSERT INTO t VALUES (1)")));

        var reader = token("sqlite:read");
        var rows = ok(reader.post("/v1/sqlite/execute", execute("SELECT x FROM t")));
        assertEquals("[[1]]", rows.getJsonArray("rows").toString());
        for (var write : List.of("INSERT INTO t VALUES (2)", "CREATE TABLE u (y)", "PRAGMA user_version = 1")) {
            var refused = reader.post("/v1/sqlite/execute", execute(write));
            assertProblem(refused, 403, "forbidden", null);
            assertTrue(refused.object().getString("detail").contains("'sqlite:write'"), refused::toString);
        }
        var inBatch = reader.post("/v1/sqlite/batch", "{\"statements\":[\"SELECT 1\",\"DELETE FROM t\"]}");
        assertProblem(inBatch, 403, "forbidden", null);
        assertEquals(
                "[[1]]",
                ok(reader.post("/v1/sqlite/execute", execute("SELECT x FROM t")))
                        .getJsonArray("rows")
                        .toString());

        var writeOnly = token("sqlite:write").post("/v1/sqlite/execute", execute("SELECT 1"));
        assertProblem(writeOnly, 403, "forbidden", null);
        assertTrue(writeOnly.object().getString("detail").contains("'sqlite:read'"), writeOnly::toString);
        assertProblem(token("blob:read").post("/v1/sqlite/batch", "{\"statements\":[]}"), 403, "forbidden", null);

        var anonymous = api.post("/v1/sqlite/execute", execute("SELECT 1"));
        assertProblem(anonymous, 401, "unauthenticated", null);
        assertProblem(api.post("/v1/sqlite/batch", "{\"statements\":[\"SELECT 1\"]}"), 401, "unauthenticated", null);
    }

    @Test
    void eachUserSeesOnlyTheirOwnDatabase() {
        ok(asAlice.post("/v1/sqlite/execute", execute("CREATE TABLE secrets (s)")));
        ok(asAlice.post("/v1/sqlite/execute", execute("INSERT INTO secrets VALUES ('alice only')")));
        var bob = api.token(Accounts.signup(api, "bob").token());
        var missing = bob.post("/v1/sqlite/execute", execute("SELECT * FROM secrets"));
        assertProblem(missing, 400, "invalid", "statement");
        assertEquals("SQLITE_ERROR: no such table: secrets", missing.object().getString("message"));
        var schema = ok(bob.post("/v1/sqlite/execute", execute("SELECT count(*) FROM sqlite_schema")));
        assertEquals(0, schema.getJsonArray("rows").getJsonArray(0).getInt(0));
    }

    @Test
    void aRunawayStatementIsStoppedAtTheTimeLimit() {
        long start = System.nanoTime();
        var stopped = asAlice.post(
                "/v1/sqlite/execute",
                execute("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertProblem(stopped, 409, "limit", "statement");
        assertEquals("SQLITE_INTERRUPT", stopped.object().getString("code"));
        assertTrue(ms >= 4900 && ms < 30_000, "stopped after " + ms + " ms");
        ok(asAlice.post("/v1/sqlite/execute", execute("SELECT 1")));
    }

    @Test
    void aValUsesItsAuthorsDatabaseThroughStdSqlite() {
        var code = "import { sqlite } from \"https://esm.town/v/std/sqlite\";\n"
                + "export default async function () {\n"
                + "  await sqlite.execute(\"CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT UNIQUE)\");\n"
                + "  const inserted = await sqlite.execute({ sql: \"INSERT INTO notes (body) VALUES (?)\", args: [\"hello\"] });\n"
                + "  const batch = await sqlite.batch([\n"
                + "    { sql: \"INSERT INTO notes (body) VALUES (:body)\", args: { body: \"world\" } },\n"
                + "    \"UPDATE notes SET body = upper(body) WHERE id = 1\",\n"
                + "  ], \"write\");\n"
                + "  const all = await sqlite.execute(\"SELECT id, body FROM notes ORDER BY id\");\n"
                + "  let duplicate;\n"
                + "  try {\n"
                + "    await sqlite.execute({ sql: \"INSERT INTO notes (body) VALUES (?)\", args: [\"world\"] });\n"
                + "  } catch (e) {\n"
                + "    duplicate = [e.name, e.code, e.message];\n"
                + "  }\n"
                + "  return { inserted: inserted.lastInsertRowid, batch: batch.map(r => r.rowsAffected),\n"
                + "    rows: all.rows, bodies: all.rows.map(r => r.body), columns: all.columns, duplicate };\n"
                + "}\n";
        Accounts.createVal(api, alice, "notes", "public", code);
        var run = api.post("/v1/run/" + alice.username() + ".notes", "{\"args\":[]}");
        assertEquals(200, run.status(), run::toString);
        var value = run.object();
        assertEquals(1, value.getInt("inserted"), run::toString);
        assertEquals("[1,1]", value.getJsonArray("batch").toString());
        assertEquals("[[1,\"HELLO\"],[2,\"world\"]]", value.getJsonArray("rows").toString());
        assertEquals("[\"HELLO\",\"world\"]", value.getJsonArray("bodies").toString());
        assertEquals("[\"id\",\"body\"]", value.getJsonArray("columns").toString());
        assertEquals(
                "[\"LibsqlError\",\"SQLITE_CONSTRAINT\",\"SQLITE_CONSTRAINT: UNIQUE constraint failed: notes.body\"]",
                value.getJsonArray("duplicate").toString());

        // The same database as the author's REST API.
        var rest = ok(asAlice.post("/v1/sqlite/execute", execute("SELECT count(*) FROM notes")));
        assertEquals(2, rest.getJsonArray("rows").getJsonArray(0).getInt(0));
    }
}
