package dev.valbox.sqlite.control;

import dev.valbox.problems.entity.ValboxException.Kind;
import dev.valbox.sqlite.entity.BatchMode;
import dev.valbox.sqlite.entity.SqliteException;
import dev.valbox.sqlite.entity.SqliteResult;
import dev.valbox.sqlite.entity.SqliteStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * One user's SQLite database file and the one connection this server keeps to it. Calls take turns on it, and one
 * that cannot get its turn within the time limit gives up with {@code SQLITE_BUSY}, so a val firing many slow
 * statements cannot pile up the server's threads behind its own.
 *
 * <p>The connection is the sandbox. It is opened with no extension loading and {@code SQLITE_LIMIT_ATTACHED} at 0,
 * which stops {@code ATTACH} and also {@code VACUUM [INTO file]} (both attach a database), and with
 * {@code trusted_schema} off. Before every statement the guard resets what a statement may have changed on the
 * connection: {@code query_only} (on for callers who may not write, so that SQLite itself refuses any statement that
 * is not read-only), the size quota as {@code max_page_count} of the main and temp databases, {@code writable_schema}
 * and the busy timeout. One statement cannot both change a setting and profit from it, and a pragma cannot appear
 * inside another statement (SQLite's pragma functions only read). Statements are prepared one at a time, never through
 * {@code Statement.execute}, which would also run sqlite-jdbc's own {@code backup to}/{@code restore from} commands on
 * arbitrary files. The only pragmas refused by name are the ones that change the whole process
 * ({@link #SERVER_WIDE}).
 */
final class UserDatabase {

    /** The quota in bytes and the time one call (a statement, or a whole batch) may take. */
    record Limits(long quotaBytes, long timeoutMs) {}

    /** The largest string, blob or row (SQLITE_LIMIT_LENGTH), and the largest SQL text. */
    static final int MAX_VALUE_BYTES = 10 << 20;
    /** The largest result one call answers, estimated as its JSON size. */
    static final long MAX_RESULT_BYTES = 10L << 20;

    /** Pragmas that set process-wide state (and, for the directories, probe and use the server's file system). */
    private static final List<String> SERVER_WIDE =
            List.of("temp_store_directory", "data_store_directory", "hard_heap_limit", "soft_heap_limit");

    private final Path file;
    private final Limits limits;
    final ReentrantLock turn = new ReentrantLock(true);
    private volatile SQLiteConnection connection;
    private long maxPages;
    private volatile boolean armed;
    private volatile long deadline;
    private volatile long lastUsed = System.nanoTime();

    UserDatabase(Path file, Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Runs one statement on its own (SQLite's autocommit); a transaction it leaves open is rolled back. */
    SqliteResult execute(SqliteStatement statement, boolean mayWrite) {
        return call("statement", () -> {
            try {
                return new Run(statement, "statement", !mayWrite).result();
            } finally {
                quietly("ROLLBACK");
            }
        });
    }

    /** Runs statements as one transaction: all take effect, or none when one fails. */
    List<SqliteResult> batch(List<SqliteStatement> statements, BatchMode mode, boolean mayWrite) {
        boolean readOnly = !mayWrite || mode == BatchMode.READ;
        return call("statements", () -> {
            var results = new ArrayList<SqliteResult>(statements.size());
            try {
                guard(readOnly);
                exec(mode == BatchMode.WRITE ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
                for (int i = 0; i < statements.size(); i++) {
                    results.add(new Run(statements.get(i), "statements[" + i + "]", readOnly).result());
                }
                try {
                    exec("COMMIT");
                } catch (SQLException e) {
                    // A statement of the batch may have ended the transaction itself (COMMIT); its work stands.
                    if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                        throw e;
                    }
                }
                return results;
            } finally {
                quietly("ROLLBACK");
            }
        });
    }

    boolean open() {
        return connection != null;
    }

    long lastUsed() {
        return lastUsed;
    }

    void close() {
        turn.lock();
        try {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Closing releases the file whatever SQLite says about it.
                }
                connection = null;
            }
        } finally {
            turn.unlock();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T call(String field, Work<T> work) {
        lastUsed = System.nanoTime();
        awaitTurn(field);
        try {
            connect();
            deadline = System.nanoTime() + limits.timeoutMs() * 1_000_000;
            armed = true;
            return work.run();
        } catch (SQLException e) {
            throw failure(e, field);
        } finally {
            armed = false;
            turn.unlock();
        }
    }

    private void awaitTurn(String field) {
        boolean mine;
        try {
            mine = turn.tryLock(limits.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine = false;
        }
        if (!mine) {
            throw new SqliteException(
                    Kind.UNAVAILABLE,
                    field,
                    "SQLITE_BUSY",
                    "database is busy: other statements on it did not finish within " + limits.timeoutMs() + " ms");
        }
    }

    private RuntimeException failure(SQLException e, String field) {
        return SqliteErrors.of(e, field, limits, armed && System.nanoTime() - deadline > 0);
    }

    private void connect() throws SQLException {
        if (connection != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        var config = new SQLiteConfig();
        config.enableLoadExtension(false);
        config.setPragma(SQLiteConfig.Pragma.LIMIT_ATTACHED, "0");
        config.setPragma(SQLiteConfig.Pragma.LIMIT_WORKER_THREADS, "0");
        config.setPragma(SQLiteConfig.Pragma.LIMIT_LENGTH, String.valueOf(MAX_VALUE_BYTES));
        config.setPragma(SQLiteConfig.Pragma.LIMIT_SQL_LENGTH, String.valueOf(MAX_VALUE_BYTES));
        // WAL also writes the header at once, which fixes the page size before any statement could change it.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) limits.timeoutMs());
        config.setGetGeneratedKeys(false);
        connection = (SQLiteConnection) config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            exec("PRAGMA trusted_schema=OFF");
            long pageSize;
            try (var statement = connection.prepareStatement("PRAGMA page_size");
                    var rows = statement.executeQuery()) {
                pageSize = rows.next() ? rows.getLong(1) : 4096;
            }
            maxPages = Math.max(1, limits.quotaBytes() / pageSize);
            ProgressHandler.setHandler(connection, 1000, new ProgressHandler() {
                @Override
                protected int progress() {
                    return armed && System.nanoTime() - deadline > 0 ? 1 : 0;
                }
            });
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Resets, before each statement, what a previous statement may have changed on the connection. */
    private void guard(boolean readOnly) throws SQLException {
        exec("PRAGMA query_only=" + (readOnly ? 1 : 0) + ";PRAGMA main.max_page_count=" + maxPages
                + ";PRAGMA temp.max_page_count=" + maxPages + ";PRAGMA writable_schema=0;PRAGMA busy_timeout="
                + limits.timeoutMs());
    }

    private void exec(String sql) throws SQLException {
        connection.getDatabase()._exec(sql);
    }

    private void quietly(String sql) {
        try {
            if (connection != null) {
                exec(sql);
            }
        } catch (SQLException e) {
            // Nothing to roll back.
        }
    }

    /** One statement: checked, guarded, prepared, bound, stepped to the end. */
    private final class Run {

        private final SqliteStatement statement;
        private final String field;
        private final boolean readOnly;

        Run(SqliteStatement statement, String field, boolean readOnly) {
            this.statement = statement;
            this.field = field;
            this.readOnly = readOnly;
        }

        SqliteResult result() {
            try {
                return run();
            } catch (SQLException e) {
                throw failure(e, field);
            }
        }

        private SqliteResult run() throws SQLException {
            var first = SqlText.first(statement.sql())
                    .orElseThrow(
                            () -> SqliteException.invalid(field, "SQL_NO_STATEMENT", "the SQL holds no statement"));
            if (first.more()) {
                throw SqliteException.invalid(
                        field,
                        "SQL_MANY_STATEMENTS",
                        "the SQL holds more than one statement; send them as a batch, one statement each");
            }
            var lower = first.statement().toLowerCase(Locale.ROOT);
            for (var pragma : SERVER_WIDE) {
                if (lower.contains(pragma)) {
                    throw SqliteException.invalid(
                            field, "SQLITE_AUTH", "not authorized: " + pragma + " would change the whole server");
                }
            }
            guard(readOnly);
            var db = connection.getDatabase();
            long changesBefore = db.total_changes();
            try (var prepared = connection.prepareStatement(first.statement())) {
                Arguments.bind(prepared, statement, first.names(), field);
                var rows = new Rows(prepared, field);
                boolean changed = db.total_changes() != changesBefore;
                return new SqliteResult(
                        rows.columns(),
                        rows.columnTypes(),
                        rows.values(),
                        changed ? db.changes() : 0,
                        changed ? lastInsertRowid() : null);
            }
        }

        private long lastInsertRowid() throws SQLException {
            try (var query = connection.prepareStatement("SELECT last_insert_rowid()");
                    var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
