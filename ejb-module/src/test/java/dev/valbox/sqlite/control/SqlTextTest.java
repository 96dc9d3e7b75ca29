package dev.valbox.sqlite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SqlTextTest {

    private static SqlText.First first(String sql) {
        return SqlText.first(sql).orElseThrow();
    }

    @Test
    void theFirstStatementEndsAtItsSemicolon() {
        var first = first("  -- a note\n select 1;  /* done */ ; \n");
        assertEquals("select 1;", first.statement());
        assertFalse(first.more());
        assertEquals("select 1", first("select 1").statement());
    }

    @Test
    void aSecondStatementIsNoticed() {
        assertTrue(first("select 1; select 2").more());
        assertTrue(first("insert into t values (';'); attach 'x' as y").more());
        assertEquals(
                "insert into t values (';');",
                first("insert into t values (';'); drop table t").statement());
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotEndAStatement() {
        for (var sql : new String[] {
            "select 'a;b', \"c;d\", `e;f`, [g;h] -- i;j\n from t",
            "select 'it''s; fine' /* ; */ from t",
            "select x'3b' from t",
        }) {
            var first = first(sql);
            assertEquals(sql, first.statement());
            assertFalse(first.more(), sql);
        }
    }

    @Test
    void aTriggerBodyIsOneStatement() {
        var trigger = "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); "
                + "UPDATE c SET n = CASE WHEN 1 THEN 2 END; END;";
        var first = first(trigger + " SELECT 1");
        assertEquals(trigger, first.statement());
        assertTrue(first.more());
        assertFalse(first("EXPLAIN CREATE TRIGGER t BEGIN SELECT 1; END").more());
    }

    @Test
    void onlySpacesCommentsAndSemicolonsHoldNoStatement() {
        for (var sql : new String[] {"", "   ", ";", " ; ;; ", "-- nothing", "/* nothing */", "/* open"}) {
            assertTrue(SqlText.first(sql).isEmpty(), sql);
        }
        assertEquals("select 1", first(";; select 1").statement());
    }

    @Test
    void parametersAreNumberedAsSqliteNumbersThem() {
        // SQLite: :b -> 1, ?5 -> 5, @c -> 6, $d -> 7, :b again -> 1, ? -> 8, :a -> 9.
        var names = first("select :b, ?5, @c, $d, :b, ? from t where name = :a").names();
        assertEquals(Arrays.asList(":b", null, null, null, "?5", "@c", "$d", null, ":a"), names);
        assertEquals(Arrays.asList(null, null), first("select ?, ?").names());
        assertEquals(
                Arrays.asList("$a::b(c)", ":x"), first("select $a::b(c), :x").names());
        assertEquals(
                Arrays.asList(":a"),
                first("select ':b', \":c\" from t where x = :a -- :d").names());
    }

    @Test
    void parametersOfLaterStatementsDoNotCount() {
        assertEquals(Arrays.asList(":a"), first("select :a; select :b").names());
    }
}
