package dev.valbox.sqlite.entity;

import dev.valbox.problems.entity.ValboxException;

/**
 * An error SQLite reported for a statement, or a guard refused it. It carries the code a libSQL client expects
 * ({@code SQLITE_CONSTRAINT}, {@code SQL_MANY_STATEMENTS}) and, as libSQL does, starts its message with that code.
 */
public class SqliteException extends ValboxException {

    public SqliteException(Kind kind, String field, String code, String message) {
        super(kind, field, code + ": " + message, code);
    }

    /** The statement itself is at fault: SQLite refused it or it broke a rule of the API. */
    public static SqliteException invalid(String field, String code, String message) {
        return new SqliteException(Kind.INVALID, field, code, message);
    }
}
