package dev.valbox.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The wire format of PROTOCOL.md: a 4-byte big-endian length, then that many bytes of UTF-8 JSON holding
 * one object. Writes are serialised because the run thread, the compiler thread and the reader all answer.
 */
final class Frames {

    /** Larger than any legitimate message (run frames carry code, request bodies are capped at 2 MB). */
    static final int MAX_FRAME_BYTES = 64 << 20;
    /** JSON as the worker reads and writes it everywhere: null-valued members are kept ({@code {a: null}} stays). */
    static final JSON JSON_TEXT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private final DataInputStream in;
    private final OutputStream out;

    Frames(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = out;
    }

    /**
     * The next message, or null at end of stream.
     *
     * @throws BadFrameException when a frame is too large or not a JSON object; the stream stays in step.
     */
    Map<String, Object> read() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME_BYTES) {
            if (length > 0) {
                in.skipNBytes(length);
            }
            throw new BadFrameException("frame length " + Integer.toUnsignedString(length) + " out of range");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        try {
            Object parsed = JSON_TEXT.anyFrom(body);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                var message = (Map<String, Object>) map;
                return message;
            }
        } catch (IOException | RuntimeException notJson) {
            throw new BadFrameException("frame is not valid JSON: " + notJson.getMessage());
        }
        throw new BadFrameException("frame is not a JSON object");
    }

    void write(Map<String, ?> message) {
        byte[] body;
        try {
            body = JSON_TEXT.asBytes(message);
        } catch (IOException e) {
            throw new IllegalArgumentException("message cannot be written as JSON", e);
        }
        synchronized (out) {
            try {
                out.write(new byte[] {
                    (byte) (body.length >>> 24),
                    (byte) (body.length >>> 16),
                    (byte) (body.length >>> 8),
                    (byte) body.length
                });
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server closed our stdout: nobody is listening any more.
                Runtime.getRuntime().halt(1);
            }
        }
    }

    static final class BadFrameException extends IOException {
        BadFrameException(String message) {
            super(message);
        }
    }
}
