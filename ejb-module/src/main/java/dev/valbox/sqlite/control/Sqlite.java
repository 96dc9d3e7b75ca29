package dev.valbox.sqlite.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.problems.entity.TooLargeException;
import dev.valbox.sqlite.entity.BatchMode;
import dev.valbox.sqlite.entity.SqliteException;
import dev.valbox.sqlite.entity.SqliteResult;
import dev.valbox.sqlite.entity.SqliteStatement;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Executing statements on the caller's own database, for the REST API and for vals alike. Every statement reads, so
 * every call needs {@code sqlite:read}; whether one also writes is SQLite's own judgement: without
 * {@code sqlite:write} the statements run on a connection SQLite keeps read-only, and a refused write answers 403
 * naming {@code sqlite:write}. SQLite keeps its own transactions, so this bean takes no part in JTA's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sqlite {

    public static final int MAX_BATCH = 1000;

    @Inject
    UserDatabases databases;

    public SqliteResult execute(Caller caller, SqliteStatement statement) {
        caller.require(Scope.SQLITE_READ);
        boolean mayWrite = caller.has(Scope.SQLITE_WRITE);
        try {
            return databases.of(caller.user().id()).execute(statement, mayWrite);
        } catch (SqliteException e) {
            throw refusedWrite(caller, e, mayWrite);
        }
    }

    public List<SqliteResult> batch(Caller caller, List<SqliteStatement> statements, BatchMode mode) {
        caller.require(Scope.SQLITE_READ);
        if (statements.size() > MAX_BATCH) {
            throw new TooLargeException("statements", "a batch may hold at most " + MAX_BATCH + " statements");
        }
        boolean mayWrite = caller.has(Scope.SQLITE_WRITE);
        try {
            return databases.of(caller.user().id()).batch(statements, mode, mayWrite);
        } catch (SqliteException e) {
            throw mode == BatchMode.READ ? e : refusedWrite(caller, e, mayWrite);
        }
    }

    /** SQLite refused a write because the caller may not write: that is the missing scope, named as such. */
    private static RuntimeException refusedWrite(Caller caller, SqliteException e, boolean mayWrite) {
        if (!mayWrite && "SQLITE_READONLY".equals(e.code())) {
            caller.require(Scope.SQLITE_WRITE);
        }
        return e;
    }
}
