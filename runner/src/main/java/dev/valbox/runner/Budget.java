package dev.valbox.runner;

import java.lang.management.ManagementFactory;

/**
 * What one run may spend: wall time, thread CPU time, allocated bytes, plus the cancel flag. Checked by
 * the gate every ~10k {@code __chk()} calls, on the run thread. Once tripped it stays tripped.
 */
final class Budget {

    /** Coarse on purpose: Nashorn boxes numbers held in closures, so busy but harmless code allocates fast. */
    static final long DEFAULT_ALLOCATION_BYTES = 1L << 30;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final long cpuLimitNanos;
    private final long allocationLimit;
    private final long startCpu;
    private final long startAllocated;
    private final long threadId;
    private volatile boolean cancelled;
    private volatile BudgetExceeded tripped;

    /** Must be created on the thread that runs the val. */
    Budget(long timeoutMs, long cpuMs, long allocationBytes) {
        this.deadlineNanos = startNanos + timeoutMs * 1_000_000L;
        this.cpuLimitNanos = cpuMs * 1_000_000L;
        this.allocationLimit = allocationBytes;
        this.threadId = Thread.currentThread().getId();
        this.startCpu = THREADS.getCurrentThreadCpuTime();
        this.startAllocated = THREADS.getThreadAllocatedBytes(threadId);
    }

    /** The gate: throws once any limit is passed, and on every call after that. */
    void check() {
        BudgetExceeded exceeded = poll();
        if (exceeded != null) {
            throw exceeded;
        }
    }

    /** Like {@link #check()} but answers instead of throwing; null while within budget. */
    BudgetExceeded poll() {
        BudgetExceeded already = tripped;
        if (already != null) {
            return already;
        }
        if (cancelled) {
            return trip(RunStatus.CANCELLED, "The evaluation was cancelled");
        }
        if (System.nanoTime() > deadlineNanos) {
            return trip(RunStatus.TIMEOUT, "The val ran longer than its time limit");
        }
        if (THREADS.getCurrentThreadCpuTime() - startCpu > cpuLimitNanos) {
            return trip(RunStatus.LIMIT, "The val used more CPU time than its limit");
        }
        if (THREADS.getThreadAllocatedBytes(threadId) - startAllocated > allocationLimit) {
            return trip(RunStatus.LIMIT, "The val allocated more memory than its limit");
        }
        return null;
    }

    BudgetExceeded trip(RunStatus status, String message) {
        synchronized (this) {
            if (tripped == null) {
                tripped = new BudgetExceeded(status, message);
            }
            return tripped;
        }
    }

    void cancel() {
        cancelled = true;
    }

    BudgetExceeded tripped() {
        return tripped;
    }

    /** On the {@link System#nanoTime()} clock. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    long wallMs() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Only meaningful on the run thread. */
    long cpuMs() {
        return (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000L;
    }
}
