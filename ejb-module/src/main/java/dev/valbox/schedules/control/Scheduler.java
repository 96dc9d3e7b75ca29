package dev.valbox.schedules.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.execution.control.Runs;
import dev.valbox.execution.control.Workers;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.vals.control.Schedules;
import dev.valbox.vals.control.Vals;
import dev.valbox.vals.entity.ValType;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs interval vals: on each tick of the server's scheduled executor it claims the due ticks ({@link Ticks}) and
 * hands them to the worker pool, and "Run now" runs one at once. The ticking thread never waits for a run: won ticks
 * queue here and go to the pool at most one per worker at a time, so they wait their turn like every other run and a
 * slow or failing val holds up other vals' ticks only by the pool's own queue. A run is an ordinary run (its author,
 * env, val token, limits and evaluation), with trigger {@code interval}. {@link SchedulerStartup} starts it.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    /** Due ticks claimed per transaction. */
    static final int BATCH = 200;
    /** Batches one tick claims at most; the rest wait for the next tick. */
    static final int MAX_BATCHES = 50;

    /** How often due ticks are looked for. Schedules are in whole minutes; this only decides how soon in it. */
    @Inject
    @ConfigProperty(name = "valbox.interval.tick-ms", defaultValue = "1000")
    long tickMs;

    @Resource(lookup = "java:app/jdbc/valbox")
    DataSource database;

    @Resource
    ManagedScheduledExecutorService timer;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Runs runs;

    @Inject
    Vals vals;

    @Inject
    Schedules schedules;

    @Inject
    Workers workers;

    private final Queue<Ticks.Tick> waiting = new ConcurrentLinkedQueue<>();
    private Semaphore slots;
    private Ticks ticks;
    private ScheduledFuture<?> ticking;

    /** Starts ticking; called once, by {@link SchedulerStartup}. */
    public void start() {
        ticks = new Ticks(database, BATCH);
        slots = new Semaphore(Math.max(1, workers.size()));
        ticking = timer.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        waiting.clear();
    }

    /** "Run now": runs the caller's interval val at once, as a run of its schedule (it becomes its last run). */
    public Runs.Outcome runNow(Caller caller, UUID valId) {
        var version = vals.own(caller, valId);
        if (version.val().type() != ValType.INTERVAL) {
            throw new InvalidInputException(
                    "type",
                    version.val().name() + " is a " + version.val().type().wire()
                            + " val: only interval vals run on a schedule");
        }
        var previous = schedules.startRun(valId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return runs.interval(version, previous);
    }

    /** One tick: claim what is due and queue it. Never throws, or the executor would stop ticking. */
    void tick() {
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                var claimed = ticks.claim(Instant.now().truncatedTo(ChronoUnit.MILLIS));
                waiting.addAll(claimed.won());
                dispatch();
                if (!claimed.more()) {
                    return;
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not claim the due interval runs; trying again next tick", e);
        }
    }

    private void dispatch() {
        while (!waiting.isEmpty() && slots.tryAcquire()) {
            var tick = waiting.poll();
            if (tick == null) {
                slots.release();
                continue;
            }
            try {
                executor.execute(() -> run(tick));
            } catch (RejectedExecutionException e) {
                slots.release();
                LOG.warning("the server refused to run the tick of val " + tick.valId() + " (" + e.getMessage()
                        + "); it is skipped");
            }
        }
    }

    /** The val as it is now, if it still exists and is still an interval val. */
    private void run(Ticks.Tick tick) {
        try {
            vals.current(tick.valId())
                    .filter(version -> version.val().type() == ValType.INTERVAL)
                    .ifPresent(version -> runs.interval(version, tick.lastRunAt()));
        } catch (RuntimeException e) {
            // The run's evaluation already says what went wrong (a full pool is a BusyError).
            LOG.log(Level.FINE, "the tick of val " + tick.valId() + " did not run", e);
        } finally {
            slots.release();
            dispatch();
        }
    }
}
