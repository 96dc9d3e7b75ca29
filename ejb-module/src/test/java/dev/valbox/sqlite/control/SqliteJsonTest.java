package dev.valbox.sqlite.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.sqlite.entity.BatchMode;
import dev.valbox.sqlite.entity.SqliteResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteJsonTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static InvalidInputException invalid(Runnable parse) {
        return assertThrows(InvalidInputException.class, parse::run);
    }

    @Test
    void aStatementIsAStringOrSqlWithPositionalOrNamedArgs() {
        var plain = SqliteJson.execute(json("{\"statement\":\"SELECT 1\"}"));
        assertEquals("SELECT 1", plain.sql());
        assertEquals(List.of(), plain.args());

        var positional = SqliteJson.execute(
                json(
                        "{\"statement\":{\"sql\":\"?\",\"args\":[1, 1.5, 1e2, \"s\", true, false, null, {\"base64\":\"AAH/\"}]}}"));
        var args = positional.args();
        assertEquals(Arrays.asList(1L, 1.5, 100L, "s", 1L, 0L, null), args.subList(0, 7));
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, (byte[]) args.get(7));

        var named = SqliteJson.execute(json("{\"statement\":{\"sql\":\":a\",\"args\":{\"a\":\"x\",\":b\":2}}}"));
        assertTrue(named.named());
        assertEquals("x", named.namedArgs().get("a"));
        assertEquals(2L, named.namedArgs().get(":b"));
        assertEquals(
                List.of(),
                SqliteJson.execute(json("{\"statement\":{\"sql\":\"SELECT 1\"}}"))
                        .args());
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("statement", invalid(() -> SqliteJson.execute(json("{}"))).field());
        assertEquals(
                "statement",
                invalid(() -> SqliteJson.execute(json("{\"statement\":1}"))).field());
        assertEquals(
                "extra",
                invalid(() -> SqliteJson.execute(json("{\"statement\":\"x\",\"extra\":1}")))
                        .field());
        assertEquals(
                "statement.sql",
                invalid(() -> SqliteJson.execute(json("{\"statement\":{\"args\":[]}}")))
                        .field());
        assertEquals(
                "statement.args",
                invalid(() -> SqliteJson.execute(json("{\"statement\":{\"sql\":\"x\",\"args\":\"1\"}}")))
                        .field());
        assertEquals(
                "statement.args[1]",
                invalid(() -> SqliteJson.execute(json("{\"statement\":{\"sql\":\"x\",\"args\":[1,[2]]}}")))
                        .field());
        assertEquals(
                "statement.params",
                invalid(() -> SqliteJson.execute(json("{\"statement\":{\"sql\":\"x\",\"params\":[]}}")))
                        .field());
        assertEquals(
                "statements",
                invalid(() -> SqliteJson.batch(json("{\"statements\":\"x\"}"))).field());
        assertEquals(
                "statements[1]",
                invalid(() -> SqliteJson.batch(json("{\"statements\":[\"x\", 2]}")))
                        .field());
        assertEquals(
                "mode",
                invalid(() -> SqliteJson.batch(json("{\"statements\":[],\"mode\":\"fast\"}")))
                        .field());
    }

    @Test
    void aBatchHasStatementsAndAMode() {
        var batch = SqliteJson.batch(
                json("{\"statements\":[\"SELECT 1\",{\"sql\":\"SELECT ?\",\"args\":[2]}],\"mode\":\"read\"}"));
        assertEquals(2, batch.statements().size());
        assertEquals(BatchMode.READ, batch.mode());
        assertEquals(
                BatchMode.DEFERRED,
                SqliteJson.batch(json("{\"statements\":[]}")).mode());
    }

    @Test
    void resultsHaveLibsqlsShape() {
        var result = new SqliteResult(
                List.of("id", "data", "r", "big"),
                List.of("INTEGER", "BLOB", "", ""),
                List.of(Arrays.asList(1L, new byte[] {1, 2}, Double.POSITIVE_INFINITY, null)),
                0,
                null);
        assertEquals(
                "{\"columns\":[\"id\",\"data\",\"r\",\"big\"],\"columnTypes\":[\"INTEGER\",\"BLOB\",\"\",\"\"],"
                        + "\"rows\":[[1,{\"base64\":\"AQI=\"},null,null]],\"rowsAffected\":0,\"lastInsertRowid\":null}",
                SqliteJson.result(result).toString());
        var huge = new SqliteResult(List.of(), List.of(), List.of(), 1, Long.MAX_VALUE);
        assertEquals("9223372036854775807", SqliteJson.result(huge).getString("lastInsertRowid"));
        assertEquals(
                42,
                SqliteJson.result(new SqliteResult(List.of(), List.of(), List.of(), 1, 42L))
                        .getInt("lastInsertRowid"));
    }
}
