package dev.valbox.execution.control;

import dev.valbox.accounts.entity.User;
import dev.valbox.cluster.control.Cluster;
import dev.valbox.execution.entity.Evaluation;
import dev.valbox.execution.entity.EvaluationStatus;
import dev.valbox.execution.entity.Trigger;
import dev.valbox.vals.entity.Val;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps evaluations in memory while they run and writes each one once, when it has finished, in batches on a
 * thread of its own: a run costs no database transaction on the request's path. Until it is written an evaluation
 * is read from here, so its author sees it at once; what a crash loses is at most the last batch's worth of run
 * records, never anything a user saved. A CDI bean rather than an EJB: it is called several times per request, and
 * needs neither transactions nor container concurrency of its own. On a member of a cluster, a run that is still
 * going when its batch is written is written as running too, so that the other members list it and can cancel it.
 */
@ApplicationScoped
public class EvaluationRecorder {

    private static final Logger LOG = Logger.getLogger(EvaluationRecorder.class.getName());
    /** At most this many evaluations go into one transaction. */
    static final int BATCH = 256;
    /** How long the writer gathers evaluations before a write: at most this much later than the run. */
    static final long GATHER_MS = 50;
    /** Finished evaluations waiting beyond this are written by the run that finishes next, on its own thread. */
    static final int BACKLOG = 10_000;

    @Inject
    Evaluations evaluations;

    @Inject
    Cluster cluster;

    @Resource
    ManagedThreadFactory threads;

    /** Running and finished-but-unwritten evaluations, by id. */
    private final Map<UUID, Evaluation> unwritten = new ConcurrentHashMap<>();

    /** Evaluations to write: started ones (on a cluster member) and finished ones, in that order. */
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();

    /** Ids of evaluations written as running, whose finished state is still to be written over them. */
    private final Set<UUID> writtenRunning = ConcurrentHashMap.newKeySet();

    private record Pending(Evaluation evaluation, boolean finished) {}

    private volatile boolean stopped;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = threads.newThread(this::writeUntilStopped);
        writer.setName("valbox-evaluation-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        writer.interrupt();
        flush();
    }

    /** A run begins: its evaluation is kept here, as running, until it has finished and been written. */
    public UUID start(Val val, Integer version, User user, Trigger trigger) {
        var evaluation = new Evaluation(val, version, user, trigger);
        unwritten.put(evaluation.id(), evaluation);
        if (cluster.member()) {
            pending.add(new Pending(evaluation, false));
        }
        return evaluation.id();
    }

    /** A run has ended: its evaluation is written in the next batch. Only the first end counts. */
    public void finish(UUID id, RunResult result) {
        var evaluation = unwritten.get(id);
        if (evaluation == null || evaluation.status() != EvaluationStatus.RUNNING) {
            return;
        }
        evaluation.finish(
                result.status(),
                result.wallMs(),
                result.logs().toString(),
                result.error() == null ? null : result.error().toString(),
                result.ok() ? result.value().toString() : null);
        pending.add(new Pending(evaluation, true));
        if (pending.size() > BACKLOG) {
            flush();
        }
    }

    /** An evaluation not written yet: running, or finished a moment ago. */
    public Optional<Evaluation> find(UUID id) {
        return Optional.ofNullable(unwritten.get(id));
    }

    /**
     * The evaluations of a val not written yet, newest first: running, or finished and waiting for (or in) a write.
     * An evaluation leaves this list only once its write has committed.
     */
    public List<Evaluation> unwritten(UUID valId) {
        return unwritten.values().stream()
                .filter(e -> e.val() != null && e.val().id().equals(valId))
                .sorted(Comparator.comparing(Evaluation::startedAt).reversed().thenComparing(Evaluation::id))
                .toList();
    }

    /** Writes every finished evaluation now, on the calling thread: when the backlog is too long, and at shutdown. */
    public void flush() {
        List<Pending> batch = new ArrayList<>();
        while (pending.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>();
        while (!stopped) {
            try {
                var first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // A commit costs far more than a row: gather what finishes in the next moment into the same one.
                Thread.sleep(GATHER_MS);
                pending.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not write evaluations", e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * One transaction for the batch; if it fails (a val deleted while its run was finishing), each evaluation alone,
     * dropping those that cannot be written. A started evaluation is written only if it is still running then; a
     * finished one replaces the running row written before, if there is one.
     */
    private void write(List<Pending> batch) {
        var fresh = new ArrayList<Evaluation>();
        var updated = new ArrayList<Evaluation>();
        var runningNow = new HashSet<UUID>();
        for (var entry : batch) {
            var evaluation = entry.evaluation();
            if (!entry.finished()) {
                var snapshot = evaluation.recordedWith(evaluation.val(), evaluation.user());
                if (snapshot.status() == EvaluationStatus.RUNNING) {
                    fresh.add(snapshot);
                    runningNow.add(snapshot.id());
                }
            } else if (writtenRunning.contains(evaluation.id()) || runningNow.contains(evaluation.id())) {
                updated.add(evaluation);
            } else {
                fresh.add(evaluation);
            }
        }
        try {
            evaluations.write(fresh, updated);
        } catch (RuntimeException batchFailed) {
            for (var evaluation : fresh) {
                writeAlone(evaluation, List.of(evaluation), List.of());
            }
            for (var evaluation : updated) {
                writeAlone(evaluation, List.of(), List.of(evaluation));
            }
        }
        writtenRunning.addAll(runningNow);
        for (var entry : batch) {
            if (entry.finished()) {
                writtenRunning.remove(entry.evaluation().id());
                unwritten.remove(entry.evaluation().id());
            }
        }
    }

    private void writeAlone(Evaluation evaluation, List<Evaluation> fresh, List<Evaluation> updated) {
        try {
            evaluations.write(fresh, updated);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "dropped the record of evaluation " + evaluation.id(), e);
        }
    }
}
