package dev.valbox.execution.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * Free workers and the runs waiting for one. Waiting runs are served first come, first served: a worker that comes
 * free is handed straight to a waiting run, so a run that has just arrived never overtakes one that has waited (a
 * plain blocking queue lets it, which made the slowest 1% of requests five times slower than the median).
 *
 * <p>Each run may prefer a slot, the worker that already holds its val's Global. A worker that comes free goes to
 * the oldest run preferring it, unless the oldest run of all prefers a worker that has been busy with one run for
 * longer than the patience (or none is running there): then the oldest run takes it. A run finding its preferred
 * worker free takes it, else any free one. So under load each val's runs keep to one worker and each worker's cache
 * holds its share of the vals instead of all of them, while a slow run never holds up the runs waiting behind it
 * for long.
 *
 * @param <W> the worker type
 */
final class WorkerPool<W> {

    /** Prefers no worker. */
    static final int ANY = -1;

    private final ReentrantLock lock = new ReentrantLock();
    private final List<W> idle = new ArrayList<>();
    /** When the run now on each slot's worker began, by slot; absent while that worker is free or starting. */
    private final Map<Integer, Long> busySince = new HashMap<>();

    private final ArrayDeque<Waiter<W>> waiters = new ArrayDeque<>();
    private final ToIntFunction<W> slotOf;
    private final int queueLimit;
    private final long patienceNanos;

    /**
     * @param slotOf the slot a worker fills (a replacement fills the slot of the worker it replaces)
     * @param queueLimit how many runs may wait; beyond that {@link #acquire} refuses at once
     * @param patienceMs how long a run may have been running on the worker the oldest waiting run prefers, for younger
     *     runs to still go first to the workers they prefer
     */
    WorkerPool(ToIntFunction<W> slotOf, int queueLimit, long patienceMs) {
        this.slotOf = slotOf;
        this.queueLimit = queueLimit;
        this.patienceNanos = TimeUnit.MILLISECONDS.toNanos(patienceMs);
    }

    /** A worker for a run preferring {@code slot} (or {@link #ANY}), waiting at most {@code timeoutMs}; empty if none. */
    Optional<W> acquire(int slot, long timeoutMs) throws InterruptedException, QueueFullException {
        lock.lock();
        try {
            if (waiters.isEmpty() && !idle.isEmpty()) {
                return Optional.of(handOut(takeIdle(slot)));
            }
            if (waiters.size() >= queueLimit) {
                throw new QueueFullException();
            }
            var waiter = new Waiter<W>(slot, lock.newCondition());
            waiters.addLast(waiter);
            var remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            try {
                while (waiter.worker == null && remaining > 0) {
                    remaining = waiter.handed.awaitNanos(remaining);
                }
            } catch (InterruptedException e) {
                if (waiter.worker != null) {
                    release(waiter.worker); // handed over just as the wait was interrupted: pass it on
                } else {
                    waiters.remove(waiter);
                }
                throw e;
            }
            if (waiter.worker == null) {
                waiters.remove(waiter);
            }
            return Optional.ofNullable(waiter.worker);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A worker is free (a new one, or one whose run has ended): the run it goes to, if any is waiting, has it at
     * once.
     */
    void release(W worker) {
        lock.lock();
        try {
            var slot = slotOf.applyAsInt(worker);
            busySince.remove(slot);
            var waiter = next(slot);
            if (waiter == null) {
                idle.add(worker);
            } else {
                waiter.worker = handOut(worker);
                waiter.handed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes a worker out of the pool without running anything on it (at shutdown). */
    List<W> drain() {
        lock.lock();
        try {
            var all = List.copyOf(idle);
            idle.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** The free workers, as they are now. */
    List<W> idle() {
        lock.lock();
        try {
            return List.copyOf(idle);
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    private W handOut(W worker) {
        busySince.put(slotOf.applyAsInt(worker), System.nanoTime());
        return worker;
    }

    private W takeIdle(int slot) {
        for (int i = 0; i < idle.size(); i++) {
            if (slotOf.applyAsInt(idle.get(i)) == slot) {
                return idle.remove(i);
            }
        }
        return idle.remove(idle.size() - 1);
    }

    /** Which waiting run a worker of this slot goes to: see the class comment. Removes it from the queue. */
    private Waiter<W> next(int slot) {
        var oldest = waiters.peekFirst();
        if (oldest == null) {
            return null;
        }
        var since = busySince.get(oldest.slot);
        if (oldest.slot != slot && since != null && System.nanoTime() - since < patienceNanos) {
            for (Iterator<Waiter<W>> it = waiters.iterator(); it.hasNext(); ) {
                var waiter = it.next();
                if (waiter.slot == slot) {
                    it.remove();
                    return waiter;
                }
            }
        }
        return waiters.pollFirst();
    }

    /** Too many runs are waiting already. */
    static final class QueueFullException extends Exception {
        QueueFullException() {
            super(null, null, false, false);
        }
    }

    private static final class Waiter<W> {
        final int slot;
        final Condition handed;
        W worker;

        Waiter(int slot, Condition handed) {
            this.slot = slot;
            this.handed = handed;
        }
    }
}
