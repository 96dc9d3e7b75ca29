package dev.valbox.blobs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlobInputStreamTest {

    /** Chunks from a list instead of the database; counts the reads. */
    static final class ListedChunks extends BlobChunks {
        final List<byte[]> chunks;
        final List<Integer> reads = new ArrayList<>();

        ListedChunks(byte[]... chunks) {
            this.chunks = new ArrayList<>(Arrays.asList(chunks));
        }

        @Override
        public byte[] read(UUID content, int seq) {
            reads.add(seq);
            return seq < chunks.size() ? chunks.get(seq) : null;
        }
    }

    @Test
    void readsTheChunksInOrderOnlyAsTheyAreNeeded() throws IOException {
        var chunks = new ListedChunks(new byte[] {1, 2, 3}, new byte[] {4, 5, 6}, new byte[] {7});
        try (var in = new BlobInputStream(chunks, UUID.randomUUID(), 7)) {
            assertEquals(List.of(), chunks.reads);
            assertEquals(1, in.read());
            assertEquals(List.of(0), chunks.reads);
            var rest = in.readAllBytes();
            assertArrayEquals(new byte[] {2, 3, 4, 5, 6, 7}, rest);
            assertEquals(-1, in.read());
            // The size says when to stop: no query for a chunk after the last.
            assertEquals(List.of(0, 1, 2), chunks.reads);
        }
    }

    @Test
    void anEmptyBlobNeedsNoQuery() throws IOException {
        var chunks = new ListedChunks();
        try (var in = new BlobInputStream(chunks, UUID.randomUUID(), 0)) {
            assertEquals(0, in.readAllBytes().length);
        }
        assertEquals(List.of(), chunks.reads);
    }

    @Test
    void aBlobReplacedWhileItIsReadFailsInsteadOfMixingContents() throws IOException {
        var chunks = new ListedChunks(new byte[] {1, 2, 3});
        try (var in = new BlobInputStream(chunks, UUID.randomUUID(), 6)) {
            assertEquals(3, in.read(new byte[10], 0, 10));
            assertThrows(IOException.class, in::read);
        }
        var longer = new ListedChunks(new byte[] {1, 2, 3, 4});
        try (var in = new BlobInputStream(longer, UUID.randomUUID(), 3)) {
            assertThrows(IOException.class, in::readAllBytes);
        }
    }
}
