package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The worker protocol's framing (runner/PROTOCOL.md): a 4-byte big-endian length, then one UTF-8 JSON object.
 * The only code on the server that speaks to workers byte by byte.
 */
public final class Frames {

    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private Frames() {}

    public static void write(OutputStream out, JsonObject message) throws IOException {
        var body = message.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_BYTES) {
            throw new IOException("frame of " + body.length + " bytes is over the limit");
        }
        out.write(ByteBuffer.allocate(4).putInt(body.length).array());
        out.write(body);
        out.flush();
    }

    /** The next frame, or null at the end of the stream. */
    public static JsonObject read(InputStream in) throws IOException {
        var data = new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("frame length " + length + " is out of range");
        }
        var body = new byte[length];
        data.readFully(body);
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
