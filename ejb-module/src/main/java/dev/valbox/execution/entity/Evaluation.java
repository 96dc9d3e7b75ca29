package dev.valbox.execution.entity;

import dev.valbox.accounts.entity.User;
import dev.valbox.vals.entity.Val;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One run of a val (or of eval'd code): what ran, why, how it ended, and what it logged. */
@Entity
@Table(name = "vb_evaluation")
@NamedQuery(
        name = Evaluation.OF_VAL,
        query = "SELECT e FROM Evaluation e WHERE e.val = :val ORDER BY e.startedAt DESC, e.id")
@NamedQuery(name = Evaluation.DELETE_OF_VAL, query = "DELETE FROM Evaluation e WHERE e.val = :val")
public class Evaluation {

    public static final String OF_VAL = "Evaluation.ofVal";
    public static final String DELETE_OF_VAL = "Evaluation.deleteOfVal";
    /** Return values beyond this are not kept; the run's caller still got them. */
    public static final int MAX_RETURN_CHARS = 64 * 1024;

    @Id
    private UUID id;

    @ManyToOne
    @JoinColumn(name = "val_id")
    private Val val;

    private Integer valVersion;

    /** Whose run it is: the val's author, or the user who eval'd code; null for anonymous eval. */
    @ManyToOne
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Trigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EvaluationStatus status;

    @Column(nullable = false)
    private Instant startedAt;

    private Long durationMs;

    @Lob
    private String logs;

    @Lob
    private String error;

    @Lob
    private String returnValue;

    protected Evaluation() {}

    public Evaluation(Val val, Integer valVersion, User user, Trigger trigger) {
        this.id = timeOrderedId();
        this.val = val;
        this.valVersion = valVersion;
        this.user = user;
        this.trigger = trigger;
        this.status = EvaluationStatus.RUNNING;
        this.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A version 7 UUID: the first 48 bits are the time in milliseconds, the rest random. Runs are written in the
     * order they end, so the table's index grows at one end instead of at random pages.
     */
    static UUID timeOrderedId() {
        var random = UUID.randomUUID();
        var high = (System.currentTimeMillis() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }

    /**
     * This evaluation, for writing: the same id and state, pointing at the val and user of the persistence context
     * that writes it. Evaluations are kept in memory while they run and written once they have finished.
     */
    public Evaluation recordedWith(Val managedVal, User managedUser) {
        var copy = new Evaluation();
        copy.id = id;
        copy.val = managedVal;
        copy.valVersion = valVersion;
        copy.user = managedUser;
        copy.trigger = trigger;
        copy.status = status;
        copy.startedAt = startedAt;
        copy.durationMs = durationMs;
        copy.logs = logs;
        copy.error = error;
        copy.returnValue = returnValue;
        return copy;
    }

    /** Records the end of the run, once: a finished evaluation never changes again. */
    public void finish(EvaluationStatus status, long durationMs, String logs, String error, String returnValue) {
        if (this.status != EvaluationStatus.RUNNING) {
            return;
        }
        this.status = status;
        this.durationMs = durationMs;
        this.logs = logs;
        this.error = error;
        this.returnValue = returnValue != null && returnValue.length() > MAX_RETURN_CHARS ? null : returnValue;
    }

    public UUID id() {
        return id;
    }

    public Val val() {
        return val;
    }

    public Integer valVersion() {
        return valVersion;
    }

    public User user() {
        return user;
    }

    public Trigger trigger() {
        return trigger;
    }

    public EvaluationStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Long durationMs() {
        return durationMs;
    }

    public String logs() {
        return logs;
    }

    public String error() {
        return error;
    }

    public String returnValue() {
        return returnValue;
    }
}
