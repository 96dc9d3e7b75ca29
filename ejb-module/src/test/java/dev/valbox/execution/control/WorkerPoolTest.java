package dev.valbox.execution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who gets a free worker: the oldest waiting run, or a run the worker holds the val of; never a newcomer. */
class WorkerPoolTest {

    /** A worker is its slot number here. */
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private static WorkerPool<Integer> pool(int queueLimit, long patienceMs) {
        return new WorkerPool<>(slot -> slot, queueLimit, patienceMs);
    }

    /** Starts a run that waits for a worker and records, once it has one, which run it was. */
    private Future<Optional<Integer>> waitFor(
            WorkerPool<Integer> pool, int slot, String name, List<String> served, int waitingBefore)
            throws InterruptedException {
        var future = callers.submit(() -> {
            var worker = pool.acquire(slot, 5_000);
            served.add(name);
            return worker;
        });
        while (pool.waiting() == waitingBefore) {
            Thread.sleep(1);
        }
        return future;
    }

    @Test
    void aFreeWorkerIsTakenAtOnceAndThePreferredOneFirst() throws Exception {
        var pool = pool(4, 20);
        pool.release(0);
        pool.release(1);
        assertEquals(Optional.of(1), pool.acquire(1, 0));
        assertEquals(Optional.of(0), pool.acquire(1, 0), "the preferred worker is busy: another free one serves");
        assertEquals(Optional.empty(), pool.acquire(WorkerPool.ANY, 10), "none free: empty after the timeout");
        assertEquals(0, pool.waiting(), "a run that gave up is no longer waiting");
    }

    @Test
    void waitingRunsAreServedInArrivalOrderAndANewcomerDoesNotOvertake() throws Exception {
        var pool = pool(8, 0);
        var served = new CopyOnWriteArrayList<String>();
        var first = waitFor(pool, WorkerPool.ANY, "first", served, 0);
        var second = waitFor(pool, WorkerPool.ANY, "second", served, 1);
        pool.release(0);
        assertEquals(Optional.of(0), first.get(5, TimeUnit.SECONDS));
        var third = waitFor(pool, WorkerPool.ANY, "third", served, 1);
        pool.release(0);
        assertEquals(Optional.of(0), second.get(5, TimeUnit.SECONDS), "the worker went to the run waiting longest");
        assertEquals(1, pool.waiting());
        pool.release(1);
        assertEquals(Optional.of(1), third.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second", "third"), served);
    }

    /** Both workers running a run each, as under load. */
    private static void bothBusy(WorkerPool<Integer> pool) throws Exception {
        pool.release(0);
        pool.release(1);
        assertEquals(Optional.of(0), pool.acquire(0, 0));
        assertEquals(Optional.of(1), pool.acquire(1, 0));
    }

    @Test
    void aFreedWorkerGoesToTheOldestRunPreferringItWhileTheOldestRunsOwnWorkerIsBusyBriefly() throws Exception {
        var pool = pool(8, 60_000);
        bothBusy(pool);
        var served = new CopyOnWriteArrayList<String>();
        var wantsZero = waitFor(pool, 0, "wants 0", served, 0);
        var wantsOne = waitFor(pool, 1, "wants 1", served, 1);
        pool.release(1);
        assertEquals(Optional.of(1), wantsOne.get(5, TimeUnit.SECONDS));
        pool.release(0);
        assertEquals(Optional.of(0), wantsZero.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("wants 1", "wants 0"), served);
    }

    @Test
    void theOldestRunTakesAnyWorkerWhenItsOwnHasBeenBusyLongerThanThePatience() throws Exception {
        var pool = pool(8, 30);
        bothBusy(pool);
        var served = new CopyOnWriteArrayList<String>();
        var wantsZero = waitFor(pool, 0, "wants 0", served, 0);
        var wantsOne = waitFor(pool, 1, "wants 1", served, 1);
        Thread.sleep(60);
        pool.release(1);
        assertEquals(Optional.of(1), wantsZero.get(5, TimeUnit.SECONDS), "its own worker is stuck: it takes another");
        pool.release(0);
        assertEquals(Optional.of(0), wantsOne.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theOldestRunTakesAnyWorkerWhenItsOwnIsNotRunning() throws Exception {
        var pool = pool(8, 60_000);
        pool.release(1);
        assertEquals(Optional.of(1), pool.acquire(1, 0));
        var served = new CopyOnWriteArrayList<String>();
        // Worker 0 is starting (not yet released to the pool): nothing says it will be free soon.
        var wantsZero = waitFor(pool, 0, "wants 0", served, 0);
        var wantsOne = waitFor(pool, 1, "wants 1", served, 1);
        pool.release(1);
        assertEquals(Optional.of(1), wantsZero.get(5, TimeUnit.SECONDS));
        pool.release(0);
        assertEquals(Optional.of(0), wantsOne.get(5, TimeUnit.SECONDS));
    }

    @Test
    void beyondTheQueueLimitARunIsRefusedAtOnce() throws Exception {
        var pool = pool(1, 0);
        var served = new CopyOnWriteArrayList<String>();
        var waiting = waitFor(pool, WorkerPool.ANY, "waiting", served, 0);
        assertThrows(WorkerPool.QueueFullException.class, () -> pool.acquire(WorkerPool.ANY, 5_000));
        pool.release(0);
        assertEquals(Optional.of(0), waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWorkerHandedToARunInterruptedAtThatMomentIsNotLost() throws Exception {
        var pool = pool(8, 0);
        for (int round = 0; round < 200; round++) {
            // A run that gets the worker after all gives it back, as Workers does.
            var interrupted = callers.submit(() -> {
                pool.acquire(WorkerPool.ANY, 5_000).ifPresent(pool::release);
                return null;
            });
            while (pool.waiting() == 0) {
                Thread.sleep(0, 100_000);
            }
            interrupted.cancel(true);
            pool.release(0);
            assertEquals(Optional.of(0), pool.acquire(WorkerPool.ANY, 5_000), "round " + round);
            assertEquals(0, pool.waiting());
        }
    }
}
