package dev.valbox.blobs.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * A blob's bytes, read one chunk at a time as they are consumed, each chunk in a short transaction of its own: a slow
 * reader holds no transaction and at most one chunk. If the blob is replaced or deleted while it is being read, its old
 * chunks are gone and reading fails, so a reader gets the whole old content or an error, never a mix.
 */
final class BlobInputStream extends InputStream {

    private final BlobChunks chunks;
    private final UUID content;
    private long remaining;
    private int nextSeq;
    private byte[] chunk = new byte[0];
    private int position;

    BlobInputStream(BlobChunks chunks, UUID content, long size) {
        this.chunks = chunks;
        this.content = content;
        this.remaining = size;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        remaining--;
        return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        remaining -= count;
        return count;
    }

    @Override
    public int available() {
        return chunk.length - position;
    }

    /** Makes sure unread bytes are at hand; false at the end of the blob. */
    private boolean fill() throws IOException {
        if (position < chunk.length) {
            return true;
        }
        if (remaining <= 0) {
            return false;
        }
        var next = chunks.read(content, nextSeq++);
        if (next == null || next.length == 0 || next.length > remaining) {
            throw new IOException("the blob was changed while it was being read");
        }
        chunk = next;
        position = 0;
        return true;
    }
}
