package dev.valbox.database.control;

import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Commits that a concurrent transaction made fail, and that succeed when run again because the database has moved on:
 * <ul>
 *   <li>a duplicate key: two requests inserted the same unique key at the same moment; both looked, found nothing and
 *       inserted, and the database refused the second at commit (SQLSTATE 23505 on PostgreSQL and H2);
 *   <li>a new reference: a row was deleted while another transaction committed a row referring to it, such as the
 *       record of a run that finished while its val was being deleted (SQLSTATE 23503). PostgreSQL makes that insert
 *       wait for the row lock the delete holds; H2 checks the reference without a lock and lets it in.
 * </ul>
 */
public final class Conflicts {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Conflicts() {}

    /** Whether this failure, however the container wrapped it, is a refused duplicate of a unique key. */
    public static boolean duplicateKey(Throwable failure) {
        return sqlState(failure, UNIQUE_VIOLATION);
    }

    /** Whether this failure is a row deleted while something referring to it was committed. */
    public static boolean newReference(Throwable failure) {
        return sqlState(failure, FOREIGN_KEY_VIOLATION);
    }

    /**
     * Runs a transaction; if it failed because of a concurrent one ({@code conflict}), runs it once more, now seeing
     * what the other committed. Call it outside any transaction.
     */
    public static <T> T retryOnce(Predicate<Throwable> conflict, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            if (!conflict.test(e)) {
                throw e;
            }
            return transaction.get();
        }
    }

    private static boolean sqlState(Throwable failure, String state) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
