package dev.valbox.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The worker's side of host calls (PROTOCOL.md, "Host calls"): sends {@code call} frames and hands each
 * {@code reply}, which the reader thread receives, to whoever is waiting for that call id. Call ids are
 * unique for the life of the worker, so a late reply to a finished run can never be mistaken for a
 * reply to a later one; a reply nobody waits for is dropped.
 */
final class HostCalls {

    /** Per run: a val that fires off calls without awaiting them must not flood the server. */
    static final int MAX_OUTSTANDING = 16;
    /** UTF-8 bytes of one call's {@code args}: room for a 10 MB blob as base64, well under the frame limit. */
    static final int MAX_ARGS_BYTES = 16 << 20;

    private final Consumer<Map<String, Object>> out;
    private final AtomicLong lastId = new AtomicLong();
    private final Map<Long, Consumer<Reply>> waiting = new ConcurrentHashMap<>();

    HostCalls(Consumer<Map<String, Object>> out) {
        this.out = out;
    }

    /** Sends a call; {@code onReply} runs on the reader thread, so it must only hand the reply on. */
    long send(String evaluationId, String service, Object args, Consumer<Reply> onReply) {
        long callId = lastId.incrementAndGet();
        // Registered before the frame goes out: the reply can arrive before write() returns.
        waiting.put(callId, onReply);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("op", "call");
        frame.put("id", evaluationId);
        frame.put("callId", callId);
        frame.put("service", service);
        frame.put("args", args);
        out.accept(frame);
        return callId;
    }

    /** The call's run has ended: a reply that still comes is ignored. */
    void forget(long callId) {
        waiting.remove(callId);
    }

    /** A {@code reply} frame, on the reader thread. */
    void reply(Map<String, Object> message) {
        if (!(message.get("callId") instanceof Number id) || id.doubleValue() != id.longValue()) {
            throw new IllegalArgumentException("callId must be an integer");
        }
        if (!(message.get("ok") instanceof Boolean ok)) {
            throw new IllegalArgumentException("ok must be a boolean");
        }
        Reply reply;
        if (ok) {
            reply = new Reply(true, message.get("value"), null, null);
        } else if (message.get("error") instanceof Map<?, ?> error) {
            reply = new Reply(false, null, textOr(error.get("name"), "Error"), textOr(error.get("message"), ""));
        } else {
            throw new IllegalArgumentException("error must be an object when ok is false");
        }
        Consumer<Reply> onReply = waiting.remove(id.longValue());
        if (onReply != null) {
            onReply.accept(reply);
        }
    }

    private static String textOr(Object value, String fallback) {
        return value instanceof String s ? s : fallback;
    }

    /** A reply: the value (any JSON, as parsed) when ok, else the error's name and message. */
    record Reply(boolean ok, Object value, String errorName, String errorMessage) {}
}
