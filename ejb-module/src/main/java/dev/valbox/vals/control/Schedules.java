package dev.valbox.vals.control;

import dev.valbox.vals.entity.Schedule;
import dev.valbox.vals.entity.Timing;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vals' schedules as their authors set them: checked, kept when the type changes, running only for interval vals. A
 * schedule given as the empty string is removed.
 */
@Stateless
public class Schedules {

    @PersistenceContext
    EntityManager em;

    /** The least time between two runs of one val that a schedule may ask for. */
    @Inject
    @ConfigProperty(name = "valbox.interval.min-minutes", defaultValue = "1")
    int minMinutes;

    /** Refuses a bad schedule before anything is saved; null (not given) and "" (remove) pass. */
    public void check(String text) {
        if (text != null && !text.isEmpty()) {
            Timing.parse(text, minMinutes);
        }
    }

    /**
     * Gives a val (persisted already) the schedule {@code text} (null: keep it; "": remove it), and starts or stops
     * its ticks for its type as it is now.
     */
    public void apply(Val val, String text) {
        var now = Instant.now();
        var runs = val.type() == ValType.INTERVAL;
        if (text == null) {
            val.schedule().ifPresent(schedule -> schedule.runs(runs, now));
        } else if (text.isEmpty()) {
            val.schedule().ifPresent(em::remove);
            val.scheduleWith(null);
        } else {
            var timing = Timing.parse(text, minMinutes);
            var existing = val.schedule();
            var schedule = existing.orElseGet(() -> new Schedule(val));
            schedule.change(text, timing, runs, now);
            if (existing.isEmpty()) {
                em.persist(schedule);
                val.scheduleWith(schedule);
            }
        }
    }

    /** A run of the val's schedule starts now, outside its ticks; answers when the previous one started. */
    public Instant startRun(UUID valId, Instant now) {
        return Optional.ofNullable(em.find(Schedule.class, valId))
                .map(schedule -> schedule.startedRun(now))
                .orElse(null);
    }

    public void deleteOf(Val val) {
        em.createNamedQuery(Schedule.DELETE_OF_VAL).setParameter("val", val).executeUpdate();
    }
}
