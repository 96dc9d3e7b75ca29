package dev.valbox.database.control;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Two requests inserting the same unique key at the same moment: both looked, found nothing and inserted, and the
 * database refused the second at commit (SQLSTATE 23505 on PostgreSQL and H2). Only then is it safe to try again.
 */
public final class DuplicateKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKeys() {}

    /** Whether this failure, however the container wrapped it, is a refused duplicate of a unique key. */
    public static boolean causedBy(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a transaction that creates or replaces; if a concurrent one created the same row first, runs it once more,
     * now finding that row. Call it outside any transaction.
     */
    public static <T> T retryOnce(Supplier<T> createOrReplace) {
        try {
            return createOrReplace.get();
        } catch (RuntimeException e) {
            if (!causedBy(e)) {
                throw e;
            }
            return createOrReplace.get();
        }
    }
}
