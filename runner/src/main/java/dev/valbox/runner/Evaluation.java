package dev.valbox.runner;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.script.ScriptException;

/**
 * One run of a val: start the call, then drive its event loop (microtasks, timers, host replies, fetch
 * completions) until it settles or breaks a limit. Runs on the run thread; {@link #cancel()} and
 * {@link #post(Runnable)} may be called from any thread.
 */
final class Evaluation {

    private final String id;
    private final String entry;
    private final Collection<ValModule> modules;
    private final String callJson;
    private final String envJson;
    private final boolean valToken;
    private final Limits limits;
    private final HostCalls calls;
    private final Fetcher fetcher;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private volatile Budget budget;
    private volatile boolean cancelRequested;

    Evaluation(
            String id,
            String entry,
            Collection<ValModule> modules,
            Object call,
            Object env,
            boolean valToken,
            Limits limits,
            HostCalls calls,
            Fetcher fetcher) {
        this.id = id;
        this.entry = entry;
        this.modules = modules;
        this.callJson = json(call);
        this.envJson = json(env == null ? Map.of() : env);
        this.valToken = valToken;
        this.limits = limits;
        this.calls = calls;
        this.fetcher = fetcher;
    }

    String id() {
        return id;
    }

    void cancel() {
        cancelRequested = true;
        Budget current = budget;
        if (current != null) {
            current.cancel();
        }
        post(() -> {});
    }

    /** Work for the run thread's event loop, such as a host reply or a fetch's outcome. */
    void post(Runnable task) {
        tasks.add(task);
    }

    /** Runs the val on the calling thread and answers the {@code result} message. */
    Map<String, Object> run(Globals globals) {
        Budget budget = new Budget(limits.timeoutMs(), limits.cpuMs(), limits.allocationBytes());
        this.budget = budget;
        if (cancelRequested) {
            budget.cancel();
        }
        RunLog log = new RunLog(limits.logBytes());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("op", "result");
        result.put("id", id);
        ValGlobal global = null;
        boolean reusable = false;
        RunIo io = new RunIo(id, limits.allowPrivateFetch(), budget, calls, fetcher, this::post);
        try {
            global = globals.obtain(entry, modules, envJson);
            global.attach(budget, log, io);
            String outcome = loop(global, budget, io);
            BudgetExceeded exceeded = budget.tripped();
            if (exceeded != null) {
                stopped(result, exceeded);
            } else {
                settled(result, outcome);
                reusable = true;
            }
        } catch (ScriptException syntax) {
            failed(result, RunStatus.ERROR, "SyntaxError", syntax.getMessage());
        } catch (Throwable thrown) {
            Throwable cause = rootOf(thrown);
            if (cause instanceof BudgetExceeded exceeded) {
                stopped(result, exceeded);
            } else if (cause instanceof StackOverflowError) {
                failed(result, RunStatus.LIMIT, "RangeError", "Maximum call stack size exceeded");
            } else if (cause instanceof OutOfMemoryError) {
                failed(result, RunStatus.LIMIT, "RangeError", "Out of memory");
            } else {
                thrown.printStackTrace();
                failed(result, RunStatus.ERROR, "Error", "Internal error in the val runtime");
            }
        } finally {
            io.close();
            if (global != null) {
                global.detach();
                try {
                    reusable &= global.finish();
                } catch (Throwable broken) {
                    reusable = false;
                }
            }
            if (!reusable) {
                globals.discard(entry, modules);
            }
        }
        result.put("logs", log.entries());
        result.put("wallMs", budget.wallMs());
        result.put("cpuMs", budget.cpuMs());
        return result;
    }

    /** Drives the event loop; answers the outcome JSON, or null when a limit stopped the run. */
    private String loop(ValGlobal global, Budget budget, RunIo io) throws InterruptedException {
        global.start(callJson, envJson, valToken);
        while (true) {
            global.drain();
            if (budget.tripped() != null) {
                return null;
            }
            String outcome = global.outcome();
            if (outcome != null) {
                return outcome;
            }
            long nextTimer = global.nextTimer();
            if (nextTimer < 0 && tasks.isEmpty() && io.outstanding() == 0) {
                return "{\"status\":\"error\",\"error\":{\"name\":\"Error\",\"message\":"
                        + "\"The val's promise never settled and nothing is left to wait for\",\"stack\":\"\"}}";
            }
            long waitNanos = Math.min(
                    nextTimer < 0 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(nextTimer), budget.remainingNanos());
            Runnable task = waitNanos > 0 ? tasks.poll(waitNanos, TimeUnit.NANOSECONDS) : tasks.poll();
            if (budget.poll() != null) {
                return null;
            }
            if (task != null) {
                task.run();
            }
            global.fireTimers();
        }
    }

    private static void settled(Map<String, Object> result, String outcome) throws IOException {
        Map<String, Object> parsed = Frames.JSON_TEXT.mapFrom(outcome);
        boolean ok = "ok".equals(parsed.get("status"));
        result.put("status", ok ? RunStatus.OK.wire() : RunStatus.ERROR.wire());
        if (ok) {
            result.put("value", parsed.get("value"));
        } else {
            result.put("error", parsed.get("error"));
        }
    }

    private static void stopped(Map<String, Object> result, BudgetExceeded exceeded) {
        String name =
                switch (exceeded.status()) {
                    case TIMEOUT -> "TimeoutError";
                    case CANCELLED -> "CancelledError";
                    default -> "LimitError";
                };
        failed(result, exceeded.status(), name, exceeded.getMessage());
    }

    private static void failed(Map<String, Object> result, RunStatus status, String name, String message) {
        result.put("status", status.wire());
        result.put("error", Map.of("name", name, "message", message == null ? "" : message, "stack", ""));
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof BudgetExceeded)) {
            t = t.getCause();
        }
        return t;
    }

    private static String json(Object value) {
        try {
            return Frames.JSON_TEXT.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The limits of one run; the wire names are in PROTOCOL.md. */
    record Limits(long timeoutMs, long cpuMs, long allocationBytes, long logBytes, boolean allowPrivateFetch) {

        static final long DEFAULT_TIMEOUT_MS = 10_000;
        static final long DEFAULT_LOG_BYTES = 100 * 1024;

        static Limits from(Map<?, ?> limits) {
            Map<?, ?> given = limits == null ? Map.of() : limits;
            long timeout = number(given.get("timeoutMs"), DEFAULT_TIMEOUT_MS);
            return new Limits(
                    timeout,
                    number(given.get("cpuMs"), timeout),
                    number(given.get("allocationBytes"), Budget.DEFAULT_ALLOCATION_BYTES),
                    number(given.get("logBytes"), DEFAULT_LOG_BYTES),
                    Boolean.TRUE.equals(given.get("allowPrivateFetch")));
        }

        private static long number(Object value, long fallback) {
            return value instanceof Number n && n.longValue() > 0 ? n.longValue() : fallback;
        }
    }
}
