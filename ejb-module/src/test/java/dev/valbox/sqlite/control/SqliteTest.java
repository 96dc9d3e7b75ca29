package dev.valbox.sqlite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.TooLargeException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.sqlite.entity.BatchMode;
import dev.valbox.sqlite.entity.SqliteException;
import dev.valbox.sqlite.entity.SqliteStatement;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The use cases as the REST API and vals reach them: scopes, one database per user, the host service. */
class SqliteTest {

    @TempDir
    Path dir;

    private final User alice = new User("alice", "alice@example.com", "hash");
    private final User bob = new User("bob", "bob@example.com", "hash");
    private UserDatabases databases;
    private Sqlite sqlite;

    @BeforeEach
    void wire() {
        databases = new UserDatabases(dir, new UserDatabase.Limits(1 << 20, 1000), 2);
        sqlite = new Sqlite();
        sqlite.databases = databases;
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }

    private static Caller caller(User user, Scope... scopes) {
        var set = EnumSet.noneOf(Scope.class);
        Collections.addAll(set, scopes);
        return new Caller(user, set, Caller.Via.API_TOKEN);
    }

    private static SqliteStatement sql(String sql, Object... args) {
        return SqliteStatement.of(sql, args);
    }

    @Test
    void everyCallNeedsAnAuthenticatedCallerWithSqliteRead() {
        assertThrows(UnauthenticatedException.class, () -> sqlite.execute(Caller.ANONYMOUS, sql("SELECT 1")));
        var writeOnly = assertThrows(
                ForbiddenException.class, () -> sqlite.execute(caller(alice, Scope.SQLITE_WRITE), sql("SELECT 1")));
        assertTrue(writeOnly.getMessage().contains("'sqlite:read'"), writeOnly::getMessage);
        assertThrows(
                ForbiddenException.class,
                () -> sqlite.batch(caller(alice, Scope.BLOB_READ), List.of(sql("SELECT 1")), BatchMode.READ));
    }

    @Test
    void aWriteWithoutSqliteWriteIsForbiddenNamingTheScope() {
        var writer = caller(alice, Scope.SQLITE_READ, Scope.SQLITE_WRITE);
        var reader = caller(alice, Scope.SQLITE_READ);
        sqlite.execute(writer, sql("CREATE TABLE t (x)"));
        for (var statement : List.of("INSERT INTO t VALUES (1)", "CREATE TABLE u (y)", "PRAGMA user_version = 1")) {
            var refused = assertThrows(ForbiddenException.class, () -> sqlite.execute(reader, sql(statement)));
            assertTrue(refused.getMessage().startsWith(Caller.MISSING_SCOPE), refused::getMessage);
            assertTrue(refused.getMessage().contains("'sqlite:write'"), refused::getMessage);
        }
        var inBatch = assertThrows(
                ForbiddenException.class,
                () -> sqlite.batch(
                        reader, List.of(sql("SELECT 1"), sql("INSERT INTO t VALUES (2)")), BatchMode.DEFERRED));
        assertTrue(inBatch.getMessage().contains("'sqlite:write'"));
        assertEquals(
                0L,
                sqlite.execute(reader, sql("SELECT count(*) FROM t"))
                        .rows()
                        .get(0)
                        .get(0));
    }

    @Test
    void aReadBatchRefusesAWriteAsSqliteDoesNotAsAScope() {
        var reader = caller(alice, Scope.SQLITE_READ);
        sqlite.execute(caller(alice, Scope.SQLITE_READ, Scope.SQLITE_WRITE), sql("CREATE TABLE t (x)"));
        var refused = assertThrows(
                SqliteException.class,
                () -> sqlite.batch(reader, List.of(sql("INSERT INTO t VALUES (1)")), BatchMode.READ));
        assertEquals("SQLITE_READONLY", refused.code());
    }

    @Test
    void eachUserHasTheirOwnDatabase() {
        var asAlice = caller(alice, Scope.SQLITE_READ, Scope.SQLITE_WRITE);
        var asBob = caller(bob, Scope.SQLITE_READ, Scope.SQLITE_WRITE);
        sqlite.execute(asAlice, sql("CREATE TABLE secrets (s)"));
        sqlite.execute(asAlice, sql("INSERT INTO secrets VALUES ('alice only')"));
        var missing = assertThrows(SqliteException.class, () -> sqlite.execute(asBob, sql("SELECT * FROM secrets")));
        assertEquals("SQLITE_ERROR: no such table: secrets", missing.getMessage());
        assertEquals(
                0L,
                sqlite.execute(asBob, sql("SELECT count(*) FROM sqlite_schema"))
                        .rows()
                        .get(0)
                        .get(0));
        assertTrue(Files.isRegularFile(dir.resolve(alice.id() + ".db")));
        assertTrue(Files.isRegularFile(dir.resolve(bob.id() + ".db")));
    }

    @Test
    void idleDatabasesAreClosedPastTheLimitAndReopenedOnUse() {
        var users = List.of(alice, bob, new User("carol", "carol@example.com", "hash"));
        for (var user : users) {
            sqlite.execute(caller(user, Scope.SQLITE_READ, Scope.SQLITE_WRITE), sql("CREATE TABLE mine (x)"));
        }
        assertFalse(databases.of(alice.id()).open(), "the least recently used was closed");
        assertTrue(databases.of(users.get(2).id()).open());
        assertEquals(
                List.of(List.of("mine")),
                sqlite.execute(caller(alice, Scope.SQLITE_READ), sql("SELECT name FROM sqlite_schema"))
                        .rows());
    }

    @Test
    void aBatchHasABoundedLength() {
        var statements = Collections.nCopies(Sqlite.MAX_BATCH + 1, sql("SELECT 1"));
        assertThrows(
                TooLargeException.class,
                () -> sqlite.batch(caller(alice, Scope.SQLITE_READ), statements, BatchMode.DEFERRED));
        assertEquals(List.of(), sqlite.batch(caller(alice, Scope.SQLITE_READ), List.of(), BatchMode.DEFERRED));
    }

    @Test
    void theHostServiceTakesTheApiBodiesAndAnswersTheApiResults() {
        var service = new SqliteHostService();
        service.sqlite = sqlite;
        var writer = caller(alice, Scope.SQLITE_READ, Scope.SQLITE_WRITE);
        service.call(
                writer,
                "execute",
                Json.createObjectBuilder()
                        .add("statement", "CREATE TABLE t (x)")
                        .build());
        var batch = service.call(
                writer,
                "batch",
                Json.createReader(new java.io.StringReader(
                                "{\"statements\":[{\"sql\":\"INSERT INTO t VALUES (?)\",\"args\":[7]},"
                                        + "\"SELECT x FROM t\"],\"mode\":\"write\"}"))
                        .readObject());
        assertEquals(
                "[{\"columns\":[],\"columnTypes\":[],\"rows\":[],\"rowsAffected\":1,\"lastInsertRowid\":1},"
                        + "{\"columns\":[\"x\"],\"columnTypes\":[\"\"],\"rows\":[[7]],\"rowsAffected\":0,"
                        + "\"lastInsertRowid\":null}]",
                batch.toString());
        var refused = assertThrows(
                ForbiddenException.class,
                () -> service.call(
                        caller(alice, Scope.SQLITE_READ),
                        "execute",
                        Json.createObjectBuilder()
                                .add("statement", "DELETE FROM t")
                                .build()));
        assertTrue(refused.getMessage().contains("'sqlite:write'"));
        assertThrows(
                dev.valbox.problems.entity.InvalidInputException.class,
                () -> service.call(writer, "drop", Json.createObjectBuilder().build()));
    }
}
