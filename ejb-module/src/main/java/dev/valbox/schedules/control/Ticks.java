package dev.valbox.schedules.control;

import dev.valbox.vals.entity.Schedule;
import dev.valbox.vals.entity.Timing;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Claims the ticks that are due, so that each tick runs exactly once however many schedulers share the database
 * (SPEC §7). A claim is a conditional update: it moves {@code next_run_at} on only if it still holds the tick that
 * was read, so of several schedulers claiming one tick exactly one updates the row; the others block on its row lock
 * and then find the tick gone (PostgreSQL and H2 re-check the condition at READ COMMITTED). Rows are claimed in the
 * order of their ids, so two claiming transactions never deadlock. The next tick is counted from now: missed ticks are
 * not replayed.
 *
 * <p>Plain JDBC rather than JPA, so that the test can run two schedulers against one PostgreSQL with this very code.
 */
public final class Ticks {

    private static final Logger LOG = Logger.getLogger(Ticks.class.getName());

    static final String DUE = "SELECT val_id, schedule, next_run_at, last_run_at FROM " + Schedule.TABLE
            + " WHERE next_run_at <= ? ORDER BY val_id";
    static final String CLAIM =
            "UPDATE " + Schedule.TABLE + " SET next_run_at = ?, last_run_at = ? WHERE val_id = ? AND next_run_at = ?";

    /** A tick this scheduler won: run the val, passing it the start of its previous run. */
    public record Tick(UUID valId, Instant due, Instant lastRunAt) {}

    private record Due(Object rawId, UUID valId, String schedule, Instant due, Instant lastRunAt) {}

    private final DataSource database;
    private final int batch;

    /** @param batch how many due ticks one claiming transaction takes at most */
    public Ticks(DataSource database, int batch) {
        this.database = database;
        this.batch = batch;
    }

    /**
     * Claims at most one batch of the ticks due at {@code now}, in one transaction, and answers those this caller won.
     * Call again while it answers a full batch's worth of due rows.
     */
    public Claimed claim(Instant now) throws SQLException {
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var due = due(connection, now);
                var won = new ArrayList<Tick>();
                try (var claim = connection.prepareStatement(CLAIM)) {
                    for (var row : due) {
                        var next = next(row, now);
                        if (next == null) {
                            claim.setNull(1, Types.TIMESTAMP);
                        } else {
                            claim.setTimestamp(1, Timestamp.from(next));
                        }
                        claim.setTimestamp(2, Timestamp.from(now));
                        claim.setObject(3, row.rawId());
                        claim.setTimestamp(4, Timestamp.from(row.due()));
                        if (claim.executeUpdate() == 1) {
                            won.add(new Tick(row.valId(), row.due(), row.lastRunAt()));
                        }
                    }
                }
                connection.commit();
                return new Claimed(won, due.size() == batch);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // The server's pool hands the connection on as it gets it back.
                connection.setAutoCommit(true);
            }
        }
    }

    /** What one claim won, and whether more ticks may be due. */
    public record Claimed(List<Tick> won, boolean more) {}

    private List<Due> due(Connection connection, Instant now) throws SQLException {
        try (var select = connection.prepareStatement(DUE)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setMaxRows(batch);
            try (var rows = select.executeQuery()) {
                var due = new ArrayList<Due>();
                while (rows.next()) {
                    var raw = rows.getObject(1);
                    var last = rows.getTimestamp(4);
                    due.add(new Due(
                            raw,
                            raw instanceof UUID id ? id : UUID.fromString(raw.toString()),
                            rows.getString(2),
                            rows.getTimestamp(3).toInstant(),
                            last == null ? null : last.toInstant()));
                }
                return due;
            }
        }
    }

    /** A schedule that no longer reads (it was valid when saved) stops instead of failing every tick. */
    private static Instant next(Due row, Instant now) {
        try {
            return Timing.parse(row.schedule(), 0).next(row.due(), now);
        } catch (RuntimeException e) {
            LOG.warning("the schedule of val " + row.valId() + " no longer reads (" + e.getMessage() + "); it stops");
            return null;
        }
    }
}
