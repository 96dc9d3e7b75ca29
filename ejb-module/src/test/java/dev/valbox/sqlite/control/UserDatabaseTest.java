package dev.valbox.sqlite.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.ValboxException.Kind;
import dev.valbox.sqlite.entity.BatchMode;
import dev.valbox.sqlite.entity.SqliteException;
import dev.valbox.sqlite.entity.SqliteResult;
import dev.valbox.sqlite.entity.SqliteStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One user's database, opened for real on a temporary directory: the sandbox, the limits and the results. */
class UserDatabaseTest {

    private static final long QUOTA = 1 << 20;
    private static final long TIMEOUT_MS = 1000;

    @TempDir
    Path dir;

    private UserDatabase db;

    @BeforeEach
    void open() {
        db = new UserDatabase(dir.resolve("sqlite").resolve("alice.db"), new UserDatabase.Limits(QUOTA, TIMEOUT_MS));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SqliteResult write(String sql, Object... args) {
        return db.execute(SqliteStatement.of(sql, args), true);
    }

    private SqliteResult read(String sql, Object... args) {
        return db.execute(SqliteStatement.of(sql, args), false);
    }

    private SqliteException refused(boolean mayWrite, String sql) {
        return assertThrows(SqliteException.class, () -> db.execute(SqliteStatement.of(sql), mayWrite), sql);
    }

    @Test
    void valuesComeBackWithTheirSqliteTypes() {
        write("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, score REAL, data BLOB, extra)");
        var inserted = write(
                "INSERT INTO notes (body, score, data, extra) VALUES (?, ?, ?, ?)",
                "hello",
                1.5,
                new byte[] {0, 1, (byte) 255},
                null);
        assertEquals(1, inserted.rowsAffected());
        assertEquals(1L, inserted.lastInsertRowid());
        assertEquals(List.of(), inserted.columns());

        var selected = read("SELECT id, body AS text, score, data, extra, 40 + 2 AS answer FROM notes");
        assertEquals(List.of("id", "text", "score", "data", "extra", "answer"), selected.columns());
        assertEquals(List.of("INTEGER", "TEXT", "REAL", "BLOB", "", ""), selected.columnTypes());
        var row = selected.rows().get(0);
        assertEquals(1L, row.get(0));
        assertEquals("hello", row.get(1));
        assertEquals(1.5, row.get(2));
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, (byte[]) row.get(3));
        assertNull(row.get(4));
        assertEquals(42L, row.get(5));
        assertEquals(0, selected.rowsAffected());
        assertNull(selected.lastInsertRowid());
    }

    @Test
    void bigIntegersAndDeclaredTypesAreKeptAsSqliteHasThem() {
        write("CREATE TABLE t (n BIGINT, name varchar(20), day DATE)");
        write("INSERT INTO t VALUES (?, ?, ?)", Long.MAX_VALUE, "x", "2030-01-01");
        var result = read("SELECT n, name, day FROM t");
        assertEquals(List.of("BIGINT", "varchar(20)", "DATE"), result.columnTypes());
        assertEquals(
                Arrays.asList(Long.MAX_VALUE, "x", "2030-01-01"), result.rows().get(0));
    }

    @Test
    void rowsAffectedAndLastInsertRowidFollowTheStatement() {
        write("CREATE TABLE t (id INTEGER PRIMARY KEY, n)");
        write("INSERT INTO t (n) VALUES (1), (2), (3)");
        var updated = write("UPDATE t SET n = n + 1 WHERE n > 1");
        assertEquals(2, updated.rowsAffected());
        var none = write("DELETE FROM t WHERE n > 100");
        assertEquals(0, none.rowsAffected());
        assertNull(none.lastInsertRowid());
        var returning = write("INSERT INTO t (n) VALUES (9) RETURNING id, n");
        assertEquals(List.of(Arrays.asList(4L, 9L)), returning.rows());
        assertEquals(4L, returning.lastInsertRowid());
        assertEquals(1, returning.rowsAffected());
    }

    @Test
    void namedArgumentsBindWithOrWithoutTheirPrefix() {
        var args = new LinkedHashMap<String, Object>();
        args.put("a", 1L);
        args.put(":b", "two");
        args.put("c", null);
        args.put("unused", "ignored");
        var result = db.execute(SqliteStatement.named("SELECT :a, :b, @c, :a + 1", args), false);
        assertEquals(List.of(Arrays.asList(1L, "two", null, 2L)), result.rows());

        var missing = assertThrows(
                SqliteException.class,
                () -> db.execute(SqliteStatement.named("SELECT :a, :zzz", Map.of("a", 1L)), false));
        assertEquals("SQLITE_RANGE", missing.code());
        assertTrue(missing.getMessage().contains(":zzz"), missing.getMessage());
        var positional = assertThrows(
                SqliteException.class, () -> db.execute(SqliteStatement.named("SELECT ?", Map.of()), false));
        assertEquals("SQLITE_RANGE", positional.code());
    }

    @Test
    void positionalArgumentsMustMatchTheParameters() {
        assertEquals(
                List.of(Arrays.asList("x", 2L)), read("SELECT ?, ?2", "x", 2L).rows());
        var tooFew = assertThrows(SqliteException.class, () -> read("SELECT ?, ?", 1L));
        assertEquals("SQLITE_RANGE", tooFew.code());
        assertEquals(Kind.INVALID, tooFew.kind());
        assertEquals("statement", tooFew.field());
        assertThrows(SqliteException.class, () -> read("SELECT 1", 1L));
    }

    @Test
    void errorsCarrySqlitesCodeAndMessage() {
        write("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        write("INSERT INTO t VALUES (1)");
        var duplicate = assertThrows(SqliteException.class, () -> write("INSERT INTO t VALUES (1)"));
        assertEquals("SQLITE_CONSTRAINT", duplicate.code());
        assertEquals("SQLITE_CONSTRAINT: UNIQUE constraint failed: t.id", duplicate.getMessage());
        assertEquals(Kind.INVALID, duplicate.kind());
        var missing = refused(true, "SELECT * FROM nowhere");
        assertEquals("SQLITE_ERROR: no such table: nowhere", missing.getMessage());
        assertEquals("SQLITE_ERROR", refused(true, "SELEC 1").code());
    }

    @Test
    void oneStatementPerExecute() {
        assertEquals(
                "SQL_MANY_STATEMENTS",
                refused(true, "CREATE TABLE a (x); CREATE TABLE b (x)").code());
        assertEquals("SQL_NO_STATEMENT", refused(true, " ; -- nothing").code());
        assertEquals("SQL_NO_STATEMENT", refused(true, "").code());
        assertEquals(List.of(), read("SELECT name FROM sqlite_schema").rows(), "nothing was created");
        assertEquals(1L, read(" -- leading\n SELECT 1; ").rows().get(0).get(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ATTACH DATABASE '/etc/passwd' AS x",
                "ATTACH ':memory:' AS m",
                "ATTACH 'file:other.db?mode=rwc' AS o",
                "VACUUM INTO '%s/copy.db'",
                "VACUUM",
                "SELECT load_extension('x')",
                "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so.0', 'sqlite3_extension_init')",
                "PRAGMA temp_store_directory = '%s'",
                "PRAGMA \"TEMP_STORE_DIRECTORY\" = '/nonexistent'",
                "PRAGMA temp_store_directory",
                "PRAGMA data_store_directory = '/tmp'",
                "PRAGMA hard_heap_limit = 1",
                "PRAGMA soft_heap_limit = 1",
                "backup to %s/backup.db",
                "restore from /etc/passwd",
                "SELECT fts3_tokenizer('evil', x'4141414141414141')",
                "SELECT 1; ATTACH '/etc/passwd' AS x",
            })
    void escapesAreRefused(String template) throws Exception {
        write("CREATE TABLE t (x)");
        var sql = template.replace("%s", dir.toString());
        var refused = refused(true, sql);
        assertEquals(Kind.INVALID, refused.kind(), refused::getMessage);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("sqlite")), files.toList(), "no file was written beside the database");
        }
        assertEquals(1, read("SELECT 1").rows().size(), "the connection still works");
        assertEquals(
                List.of(),
                read("SELECT name FROM pragma_database_list WHERE name NOT IN ('main', 'temp')")
                        .rows());
    }

    @Test
    void attachIsRefusedWithSqlitesReason() {
        var refused = refused(true, "ATTACH DATABASE '/etc/passwd' AS x");
        assertEquals("SQLITE_ERROR: too many attached databases - max 0", refused.getMessage());
        assertEquals(
                "SQLITE_ERROR: not authorized",
                refused(true, "SELECT load_extension('x')").getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "INSERT INTO t VALUES (2)",
                "UPDATE t SET x = 3",
                "DELETE FROM t",
                "CREATE TABLE u (y)",
                "CREATE TEMP TABLE u (y)",
                "CREATE INDEX i ON t (x)",
                "DROP TABLE t",
                "PRAGMA user_version = 1",
                "REPLACE INTO t VALUES (1)",
                "WITH n AS (SELECT 5) INSERT INTO t SELECT * FROM n",
            })
    void sqliteItselfRefusesWritesWithoutTheWriteScope(String sql) {
        write("CREATE TABLE t (x)");
        write("INSERT INTO t VALUES (1)");
        var refused = refused(false, sql);
        assertEquals("SQLITE_READONLY", refused.code(), refused::getMessage);
        assertEquals(List.of(List.of(1L)), read("SELECT x FROM t").rows());
        assertEquals(0L, read("PRAGMA user_version").rows().get(0).get(0));
    }

    @Test
    void aReaderCannotLiftReadOnlyForItsNextStatement() {
        write("CREATE TABLE t (x)");
        read("PRAGMA query_only = OFF");
        assertEquals(
                "SQLITE_READONLY", refused(false, "INSERT INTO t VALUES (1)").code());
        read("BEGIN");
        assertEquals(
                "SQLITE_READONLY", refused(false, "INSERT INTO t VALUES (1)").code());
        assertEquals(0L, read("SELECT count(*) FROM t").rows().get(0).get(0));
    }

    @Test
    void readsNeedNoWriteScope() {
        write("CREATE TABLE t (x)");
        write("INSERT INTO t VALUES (1)");
        assertEquals(1L, read("SELECT count(*) FROM t").rows().get(0).get(0));
        assertEquals(1, read("PRAGMA table_info(t)").rows().size());
        assertEquals(1, read("EXPLAIN QUERY PLAN SELECT * FROM t").rows().size());
    }

    @Test
    void theQuotaStopsAStatementThatWouldGrowTheDatabasePastIt() {
        write("CREATE TABLE t (data BLOB)");
        var full = refused(
                true,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
                        + "INSERT INTO t SELECT randomblob(20000) FROM n");
        assertEquals("SQLITE_FULL", full.code());
        assertEquals(Kind.TOO_LARGE, full.kind());
        assertTrue(full.getMessage().contains("at most 1 MB"), full::getMessage);
        assertEquals(0L, read("SELECT count(*) FROM t").rows().get(0).get(0), "the statement had no effect");

        // Raising the page limit lasts only for the statement that does it.
        write("PRAGMA max_page_count = 1000000");
        assertEquals(
                "SQLITE_FULL",
                refused(true, "INSERT INTO t SELECT randomblob(2000000)").code());
        write("CREATE TEMP TABLE scratch (data BLOB)");
        assertEquals(
                "SQLITE_FULL",
                refused(true, "INSERT INTO scratch SELECT randomblob(2000000)").code());
        write("INSERT INTO t SELECT randomblob(100000)");
    }

    @Test
    void oversizedValuesAndResultsAreRefused() {
        assertEquals(
                "SQLITE_TOOBIG", refused(true, "SELECT randomblob(20000000)").code());
        var result = refused(
                true,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
                        + "SELECT randomblob(1000000) FROM n");
        assertEquals("SQLITE_TOOBIG", result.code());
        assertEquals(Kind.TOO_LARGE, result.kind());
    }

    @Test
    void aRunawayStatementIsStoppedAtTheTimeLimit() {
        long start = System.nanoTime();
        var stopped = refused(
                false, "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("SQLITE_INTERRUPT", stopped.code());
        assertEquals(Kind.LIMIT, stopped.kind());
        assertTrue(ms >= TIMEOUT_MS - 50 && ms < TIMEOUT_MS * 3, "stopped after " + ms + " ms");
        assertEquals(1L, read("SELECT 1").rows().get(0).get(0), "the next statement has its own time");
    }

    @Test
    void aCallThatCannotGetItsTurnWithinTheTimeLimitGivesUp() throws Exception {
        read("SELECT 1");
        db.turn.lock();
        try {
            long start = System.nanoTime();
            var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> assertThrows(SqliteException.class, () -> read("SELECT 1")));
            var busy = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals("SQLITE_BUSY", busy.code());
            assertEquals(Kind.UNAVAILABLE, busy.kind());
            assertTrue(ms >= TIMEOUT_MS - 50 && ms < TIMEOUT_MS * 3, "gave up after " + ms + " ms");
        } finally {
            db.turn.unlock();
        }
        assertEquals(1L, read("SELECT 1").rows().get(0).get(0));
    }

    @Test
    void aBatchIsOneTransaction() {
        var results = db.batch(
                List.of(
                        SqliteStatement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, n)"),
                        SqliteStatement.of("INSERT INTO t (n) VALUES (?)", 10L),
                        SqliteStatement.named("INSERT INTO t (n) VALUES (:n)", Map.of("n", 20L)),
                        SqliteStatement.of("SELECT sum(n) FROM t")),
                BatchMode.WRITE,
                true);
        assertEquals(4, results.size());
        assertEquals(2L, results.get(2).lastInsertRowid());
        assertEquals(30L, results.get(3).rows().get(0).get(0));

        var failed = assertThrows(
                SqliteException.class,
                () -> db.batch(
                        List.of(
                                SqliteStatement.of("INSERT INTO t (n) VALUES (30)"),
                                SqliteStatement.of("CREATE TABLE u (x)"),
                                SqliteStatement.of("INSERT INTO t (id) VALUES (1)")),
                        BatchMode.DEFERRED,
                        true));
        assertEquals("SQLITE_CONSTRAINT", failed.code());
        assertEquals("statements[2]", failed.field());
        assertEquals(2L, read("SELECT count(*) FROM t").rows().get(0).get(0), "the insert was rolled back");
        assertEquals(1, read("SELECT name FROM sqlite_schema").rows().size(), "so was the table");
    }

    @Test
    void aReadBatchRefusesWritesEvenForAWriter() {
        write("CREATE TABLE t (x)");
        var refused = assertThrows(
                SqliteException.class,
                () -> db.batch(
                        List.of(SqliteStatement.of("SELECT 1"), SqliteStatement.of("INSERT INTO t VALUES (1)")),
                        BatchMode.READ,
                        true));
        assertEquals("SQLITE_READONLY", refused.code());
        assertEquals(
                1L,
                db.batch(List.of(SqliteStatement.of("SELECT 1")), BatchMode.READ, false)
                        .get(0)
                        .rows()
                        .get(0)
                        .get(0));
        var writeMode = assertThrows(
                SqliteException.class, () -> db.batch(List.of(SqliteStatement.of("SELECT 1")), BatchMode.WRITE, false));
        assertEquals("SQLITE_READONLY", writeMode.code(), "a write batch asks for the write lock");
    }

    @Test
    void aTransactionLeftOpenEndsWithItsCall() {
        write("CREATE TABLE t (x)");
        write("BEGIN");
        write("INSERT INTO t VALUES (1)");
        assertEquals(1L, read("SELECT count(*) FROM t").rows().get(0).get(0), "the insert committed on its own");
        write("BEGIN");
        assertEquals(
                "SQLITE_ERROR: cannot rollback - no transaction is active",
                refused(true, "ROLLBACK").getMessage());
        var results = db.batch(
                List.of(SqliteStatement.of("INSERT INTO t VALUES (2)"), SqliteStatement.of("COMMIT")),
                BatchMode.DEFERRED,
                true);
        assertEquals(2, results.size());
        assertEquals(2L, read("SELECT count(*) FROM t").rows().get(0).get(0));
    }

    @Test
    void theSchemaCannotBeWrittenDirectly() {
        write("CREATE TABLE t (x)");
        write("PRAGMA writable_schema = ON");
        var refused = refused(true, "UPDATE sqlite_schema SET sql = 'CREATE TABLE t (x, y)' WHERE name = 't'");
        assertEquals("SQLITE_ERROR", refused.code(), refused::getMessage);
        assertFalse(read("SELECT sql FROM sqlite_schema")
                .rows()
                .get(0)
                .get(0)
                .toString()
                .contains("y"));
    }

    @Test
    void closingAndReopeningKeepsTheData() {
        write("CREATE TABLE t (x)");
        write("INSERT INTO t VALUES ('kept')");
        db.close();
        assertFalse(db.open());
        assertEquals("kept", read("SELECT x FROM t").rows().get(0).get(0));
        assertTrue(db.open());
        assertTrue(Files.isRegularFile(dir.resolve("sqlite").resolve("alice.db")));
    }
}
