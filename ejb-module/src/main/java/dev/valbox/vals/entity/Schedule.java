package dev.valbox.vals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A val's schedule and where it stands. It has a next run only while the val is an {@code interval} val; the
 * schedulers claim that tick by moving {@code next_run_at} on with a conditional update ({@link
 * dev.valbox.schedules.control.Ticks}), so no two of them run one tick. A row of its own, not columns of the val, so
 * that a claim never waits for an edit of the val.
 */
@Entity
@Table(name = Schedule.TABLE, indexes = @Index(name = "vb_val_schedule_next", columnList = "next_run_at"))
@NamedQuery(name = Schedule.DELETE_OF_VAL, query = "DELETE FROM Schedule s WHERE s.val = :val")
public class Schedule {

    public static final String TABLE = "vb_val_schedule";
    public static final String DELETE_OF_VAL = "Schedule.deleteOfVal";

    @Id
    @Column(name = "val_id")
    private UUID valId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "val_id")
    private Val val;

    @Column(name = "schedule", nullable = false, length = Timing.MAX_LENGTH)
    private String text;

    @Column(name = "next_run_at")
    private Instant nextRunAt;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    protected Schedule() {}

    public Schedule(Val val) {
        this.val = val;
        this.valId = val.id();
    }

    /** A new schedule: its first tick is counted from now, if the val runs on it. */
    public void change(String text, Timing timing, boolean runs, Instant now) {
        this.text = text.trim();
        this.nextRunAt = runs ? timing.first(now) : null;
    }

    /** The val became an interval val (its ticks start from now), or stopped being one (it keeps its schedule). */
    public void runs(boolean runs, Instant now) {
        if (runs && nextRunAt == null) {
            nextRunAt = Timing.parse(text, 0).first(now);
        } else if (!runs) {
            nextRunAt = null;
        }
    }

    /** A run of the schedule started now, outside its ticks ("Run now"); answers the previous run's start. */
    public Instant startedRun(Instant now) {
        var previous = lastRunAt;
        lastRunAt = now;
        return previous;
    }

    public UUID valId() {
        return valId;
    }

    public String text() {
        return text;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }
}
