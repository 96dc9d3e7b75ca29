package dev.valbox.sqlite.control;

import dev.valbox.problems.entity.ValboxException.Kind;
import dev.valbox.sqlite.entity.SqliteException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;

/**
 * What SQLite reported, as a libSQL client expects it: SQLite's own message under its primary result code
 * ({@code SQLITE_CONSTRAINT: UNIQUE constraint failed: notes.id}). The kind decides the HTTP status: the statement's
 * fault is 400, the quota 413, the time limit 409, a lock held elsewhere 503. Failures of the server itself (I/O,
 * a file that cannot be opened) are not the caller's business and stay internal.
 */
final class SqliteErrors {

    private SqliteErrors() {}

    static RuntimeException of(SQLException e, String field, UserDatabase.Limits limits, boolean timedOut) {
        if (!(e instanceof org.sqlite.SQLiteException sqlite)) {
            return new IllegalStateException("sqlite-jdbc failed", e);
        }
        var extended = sqlite.getResultCode();
        var primary = SQLiteErrorCode.getErrorCode(extended.code & 0xff);
        var code = primary == SQLiteErrorCode.UNKNOWN_ERROR ? "SQLITE_ERROR" : primary.name();
        var message = message(sqlite, extended);
        return switch (primary) {
            case SQLITE_INTERRUPT -> timedOut
                    ? new SqliteException(
                            Kind.LIMIT,
                            field,
                            code,
                            "interrupted: a statement may run for at most " + limits.timeoutMs() + " ms")
                    : new SqliteException(Kind.UNAVAILABLE, field, code, message);
            case SQLITE_FULL -> new SqliteException(
                    Kind.TOO_LARGE,
                    field,
                    code,
                    message + ": the database may hold at most " + (limits.quotaBytes() >> 20) + " MB");
            case SQLITE_TOOBIG -> new SqliteException(Kind.TOO_LARGE, field, code, message);
            case SQLITE_NOMEM -> new SqliteException(Kind.LIMIT, field, code, message);
            case SQLITE_BUSY, SQLITE_LOCKED -> new SqliteException(Kind.UNAVAILABLE, field, code, message);
            case SQLITE_IOERR,
                    SQLITE_CANTOPEN,
                    SQLITE_PERM,
                    SQLITE_INTERNAL,
                    SQLITE_MISUSE,
                    SQLITE_NOLFS,
                    SQLITE_PROTOCOL -> new IllegalStateException("SQLite failed: " + e.getMessage(), e);
            default -> SqliteException.invalid(field, code, message);
        };
    }

    /** sqlite-jdbc wraps SQLite's text as {@code "[CODE] description (text)"}; the client gets the text alone. */
    private static String message(SQLException e, SQLiteErrorCode code) {
        var text = e.getMessage() == null ? "" : e.getMessage();
        var prefix = code + " (";
        if (text.startsWith(prefix) && text.endsWith(")")) {
            return text.substring(prefix.length(), text.length() - 1);
        }
        return code.message;
    }
}
