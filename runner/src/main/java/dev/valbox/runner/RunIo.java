package dev.valbox.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What one run does outside its Global: host calls to the server and fetches. Each is started on the run
 * thread and finishes elsewhere (the reader thread, a fetch thread); its outcome is posted to the run's
 * task queue, so JS objects are only ever touched on the run thread. When the run ends, whatever is
 * still outstanding is abandoned: fetches are interrupted and late host replies are ignored.
 */
final class RunIo {

    /** How often a wait in {@link #callNow} looks at the budget, so a cancel is noticed promptly. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final String evaluationId;
    private final boolean allowPrivateFetch;
    private final Budget budget;
    private final HostCalls calls;
    private final Fetcher fetcher;
    private final Consumer<Runnable> post;
    // The fields below are only touched on the run thread.
    private final Set<Long> waitingCalls = new HashSet<>();
    private final Set<Future<?>> fetching = new HashSet<>();
    private int fetchesStarted;
    private boolean closed;

    RunIo(
            String evaluationId,
            boolean allowPrivateFetch,
            Budget budget,
            HostCalls calls,
            Fetcher fetcher,
            Consumer<Runnable> post) {
        this.evaluationId = evaluationId;
        this.allowPrivateFetch = allowPrivateFetch;
        this.budget = budget;
        this.calls = calls;
        this.fetcher = fetcher;
        this.post = post;
    }

    /** Operations started and not yet delivered; the run waits for them (up to its deadline). */
    int outstanding() {
        return waitingCalls.size() + fetching.size();
    }

    /**
     * Sends a host call; {@code settle} later runs on the run thread with the reply.
     *
     * @throws IllegalArgumentException when the call is refused before it is sent (too many outstanding,
     *     arguments too large or not JSON, a bad service name)
     */
    void call(String service, String argsJson, Consumer<Settlement> settle) {
        if (!service.matches("[A-Za-z0-9_.\\-]{1,100}")) {
            throw new IllegalArgumentException("invalid host service name");
        }
        if (waitingCalls.size() >= HostCalls.MAX_OUTSTANDING) {
            throw new IllegalArgumentException(
                    "too many host calls in flight (at most " + HostCalls.MAX_OUTSTANDING + ")");
        }
        if (argsJson.length() > HostCalls.MAX_ARGS_BYTES / 3
                && argsJson.getBytes(StandardCharsets.UTF_8).length > HostCalls.MAX_ARGS_BYTES) {
            throw new IllegalArgumentException(
                    "host call arguments larger than " + (HostCalls.MAX_ARGS_BYTES >> 20) + " MB");
        }
        Object args;
        try {
            args = Frames.JSON_TEXT.anyFrom(argsJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("host call arguments must be JSON");
        }
        long[] callId = new long[1];
        callId[0] = calls.send(
                evaluationId,
                service,
                args,
                reply -> post.accept(() -> {
                    if (closed || !waitingCalls.remove(callId[0])) {
                        return;
                    }
                    settle.accept(
                            reply.ok()
                                    ? Settlement.value(json(reply.value()), null)
                                    : Settlement.failure(reply.errorName(), reply.errorMessage()));
                }));
        // On the run thread, before any reply can be delivered (delivery is on this thread too).
        waitingCalls.add(callId[0]);
    }

    /**
     * Starts a fetch; {@code settle} later runs on the run thread with the response or the failure.
     *
     * @throws FetchFailed when the fetch is refused before it starts (the per-run limit, a bad request)
     */
    void fetch(String requestJson, String body, Consumer<Settlement> settle) throws FetchFailed {
        if (fetchesStarted >= Fetcher.MAX_FETCHES_PER_RUN) {
            throw new FetchFailed("a run may make at most " + Fetcher.MAX_FETCHES_PER_RUN + " fetch calls");
        }
        FetchRequest request = FetchRequest.parse(requestJson, body);
        fetchesStarted++;
        Future<?>[] started = new Future<?>[1];
        started[0] = fetcher.start(
                request,
                allowPrivateFetch,
                budget.deadlineNanos(),
                outcome -> post.accept(() -> {
                    if (closed || !fetching.remove(started[0])) {
                        return;
                    }
                    settle.accept(settlement(outcome));
                }));
        fetching.add(started[0]);
    }

    /**
     * Asks the server for a value the runtime needs at once (the run's val token) and waits for it on the run
     * thread, within the run's budget: a cancel or the deadline ends the wait as it would end a loop. Answers null
     * when the server refuses.
     */
    Object callNow(String service) {
        CompletableFuture<HostCalls.Reply> answer = new CompletableFuture<>();
        long callId = calls.send(evaluationId, service, Map.of(), answer::complete);
        try {
            while (true) {
                budget.check();
                try {
                    HostCalls.Reply reply = answer.get(
                            Math.max(1, Math.min(WAIT_SLICE_NANOS, budget.remainingNanos())), TimeUnit.NANOSECONDS);
                    return reply.ok() ? reply.value() : null;
                } catch (TimeoutException e) {
                    // Look at the budget again, then wait on.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server");
        } catch (ExecutionException e) {
            return null;
        } finally {
            calls.forget(callId);
        }
    }

    /** The run is over: stop what is still going. */
    void close() {
        closed = true;
        waitingCalls.forEach(calls::forget);
        waitingCalls.clear();
        fetching.forEach(future -> future.cancel(true));
        fetching.clear();
    }

    private static Settlement settlement(Fetcher.Outcome outcome) {
        if (outcome.failure() != null) {
            return Settlement.failure("TypeError", "fetch failed: " + outcome.failure());
        }
        Fetcher.FetchResponse response = outcome.response();
        Map<String, Object> head = Map.of(
                "status", response.status(),
                "url", response.url(),
                "redirected", response.redirected(),
                "headers", response.headers());
        // A byte string: one char per byte, which is what ISO-8859-1 decodes to.
        return Settlement.value(json(head), new String(response.body(), StandardCharsets.ISO_8859_1));
    }

    private static String json(Object value) {
        try {
            return Frames.JSON_TEXT.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /**
     * How an operation ends, as the runtime's {@code settle} takes it: either a failure (the JSON of
     * {@code {name, message}}) or a value (JSON) with an optional byte-string body.
     */
    record Settlement(String failureJson, String valueJson, String body) {

        static Settlement failure(String name, String message) {
            return new Settlement(json(Map.of("name", name, "message", message)), null, null);
        }

        static Settlement value(String valueJson, String body) {
            return new Settlement(null, valueJson, body);
        }
    }
}
