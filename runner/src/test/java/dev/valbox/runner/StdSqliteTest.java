package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * std:sqlite over the real framed protocol, with the test playing the server: what the module sends for each call,
 * and how it shapes the server's answers (libSQL rows, blobs, errors) for the val.
 */
class StdSqliteTest {

    private static final String IMPORT = "import { sqlite } from 'https://esm.town/v/std/sqlite';";

    /** A worker, with the test playing the server at its other end. */
    private PipedWorker server;

    @BeforeEach
    void startWorker() throws IOException {
        server = new PipedWorker();
    }

    @AfterEach
    void stopWorker() throws IOException {
        server.close();
    }

    private void run(String id, String source) {
        ValModule module =
                Vals.module("val:" + id, IMPORT + source, Map.of("https://esm.town/v/std/sqlite", "std:sqlite"));
        server.run(id, module, 5000);
    }

    private Map<String, Object> read() throws IOException {
        return server.read();
    }

    private void answer(Map<String, Object> call, Object value) {
        server.answer(call, value);
    }

    private void fail(Map<String, Object> call, String name, String message) {
        server.fail(call, name, message);
    }

    private static Map<String, Object> resultSet(List<String> columns, List<List<Object>> rows) {
        var result = new HashMap<String, Object>();
        result.put("columns", columns);
        result.put("columnTypes", columns.stream().map(c -> "").toList());
        result.put("rows", rows);
        result.put("rowsAffected", 0);
        result.put("lastInsertRowid", null);
        return result;
    }

    @Test
    void executeSendsTheApiBodyAndAnswersLibsqlRows() throws IOException {
        run(
                "s1",
                "export default async () => {"
                        + " const r = await sqlite.execute({ sql: 'SELECT * FROM t WHERE a = ? AND b = ?',"
                        + "   args: [1, new Uint8Array([0, 1, 255])] });"
                        + " const row = r.rows[0];"
                        + " return [r.columns, row[0], row.id, row.name, row.length, JSON.stringify(row), Object.keys(row),"
                        + "   row.map(v => typeof v), new Uint8Array(row.data)[2], r.rowsAffected, r.lastInsertRowid] }");
        Map<String, Object> call = read();
        assertEquals("sqlite.execute", call.get("service"));
        assertEquals(
                Map.of(
                        "statement",
                        Map.of(
                                "sql",
                                "SELECT * FROM t WHERE a = ? AND b = ?",
                                "args",
                                List.of(1, Map.of("base64", "AAH/")))),
                call.get("args"));
        answer(
                call,
                resultSet(
                        List.of("id", "name", "length", "data"),
                        List.of(List.of(7, "seven", 3, Map.of("base64", "AAH/")))));
        Map<String, Object> result = read();
        assertEquals("ok", result.get("status"), result::toString);
        @SuppressWarnings("unchecked")
        var value = (List<Object>) result.get("value");
        assertEquals(List.of("id", "name", "length", "data"), value.get(0));
        assertEquals(7, value.get(1));
        assertEquals(7, value.get(2), "a row's values are also its columns");
        assertEquals("seven", value.get(3));
        assertEquals(4, value.get(4), "a column never hides what an array has");
        assertEquals("[7,\"seven\",3,{}]", value.get(5), "rows serialise as arrays");
        assertEquals(List.of("0", "1", "2", "3"), value.get(6));
        assertEquals(List.of("number", "string", "number", "object"), value.get(7));
        assertEquals(255, value.get(8), "blobs arrive as ArrayBuffers");
        assertEquals(0, value.get(9));
        assertEquals(null, value.get(10));
    }

    @Test
    void batchSendsStatementsAndMode() throws IOException {
        run(
                "s2",
                "export default async () => {"
                        + " const rs = await sqlite.batch(['CREATE TABLE t (a)', { sql: 'INSERT INTO t VALUES (:a)',"
                        + "   args: { a: true } }], 'write');"
                        + " return rs.map(r => r.rowsAffected) }");
        Map<String, Object> call = read();
        assertEquals("sqlite.batch", call.get("service"));
        assertEquals(
                Map.of(
                        "statements",
                        List.of(
                                "CREATE TABLE t (a)",
                                Map.of("sql", "INSERT INTO t VALUES (:a)", "args", Map.of("a", true))),
                        "mode",
                        "write"),
                call.get("args"));
        var inserted = resultSet(List.of(), List.of());
        inserted.put("rowsAffected", 1);
        answer(call, List.of(resultSet(List.of(), List.of()), inserted));
        assertEquals(List.of(0, 1), read().get("value"));
    }

    @Test
    void sqliteErrorsAreLibsqlErrorsWithTheirCode() throws IOException {
        run(
                "s3",
                "export default async () => { try { await sqlite.execute('INSERT INTO t VALUES (1)') }"
                        + " catch (e) { return [e instanceof Error, e.name, e.code, e.message] } }");
        fail(read(), "TypeError", "SQLITE_CONSTRAINT: UNIQUE constraint failed: t.id");
        assertEquals(
                List.of(true, "LibsqlError", "SQLITE_CONSTRAINT", "SQLITE_CONSTRAINT: UNIQUE constraint failed: t.id"),
                read().get("value"));
    }

    @Test
    void aMissingScopeIsACatchableErrorNamingIt() throws IOException {
        run(
                "s4",
                "export default async () => { try { await sqlite.execute('DELETE FROM t') }"
                        + " catch (e) { return [e.name, e.message, e.code === undefined] } }");
        var message = "Token does not have the required permissions. This request needs the 'sqlite:write' scope.";
        fail(read(), "PermissionError", message);
        assertEquals(List.of("PermissionError", message, true), read().get("value"));
    }

    @Test
    void malformedStatementsAreRefusedBeforeAnyCall() throws IOException {
        run(
                "s5",
                "export default async () => Promise.all([sqlite.execute(42 as any), sqlite.batch('x' as any),"
                        + " sqlite.execute({ sql: 'x', args: 'y' } as any)].map(p => p.then(() => 'resolved', e => e.name)))");
        assertEquals(List.of("TypeError", "TypeError", "TypeError"), read().get("value"));
    }
}
