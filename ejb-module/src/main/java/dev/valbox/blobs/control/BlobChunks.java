package dev.valbox.blobs.control;

import dev.valbox.blobs.entity.BlobChunk;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The chunk table: a blob's bytes in pieces of {@link BlobChunk#SIZE}. Writes go straight to the database as SQL
 * inserts, one chunk at a time, so a blob being stored is never gathered in memory or in a persistence context.
 * Content ids are UUIDs stored as text, as EclipseLink stores every UUID attribute.
 */
@Stateless
public class BlobChunks {

    private static final String INSERT =
            "INSERT INTO " + BlobChunk.TABLE + " (content_id, seq, data) VALUES (?1, ?2, ?3)";

    @PersistenceContext
    EntityManager em;

    /**
     * Stores {@code body} as the chunks of {@code content} and answers its length in bytes. Once the body has more than
     * {@code limit} bytes it stops reading and answers a number above {@code limit}; the caller then throws, which rolls
     * back the chunks written so far.
     */
    public long write(UUID content, InputStream body, long limit) {
        var buffer = new byte[BlobChunk.SIZE];
        long total = 0;
        int seq = 0;
        try {
            while (true) {
                int read = body.readNBytes(buffer, 0, buffer.length);
                if (read == 0) {
                    return total;
                }
                total += read;
                if (total > limit) {
                    return total;
                }
                insert(content, seq++, read == buffer.length ? buffer : Arrays.copyOf(buffer, read));
                if (read < buffer.length) {
                    return total;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a blob's bytes failed", e);
        }
    }

    /** Chunk {@code seq} of {@code content}, or null when there is none (the content was replaced or deleted). */
    public byte[] read(UUID content, int seq) {
        return em.createNamedQuery(BlobChunk.DATA, byte[].class)
                .setParameter("content", content)
                .setParameter("seq", seq)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Copies every chunk of {@code from} to {@code to}, one chunk in memory at a time. */
    public void copy(UUID from, UUID to) {
        for (int seq = 0; ; seq++) {
            var data = read(from, seq);
            if (data == null) {
                return;
            }
            insert(to, seq, data);
        }
    }

    public void delete(UUID content) {
        em.createQuery("DELETE FROM BlobChunk c WHERE c.content = :content")
                .setParameter("content", content)
                .executeUpdate();
    }

    private void insert(UUID content, int seq, byte[] data) {
        em.createNativeQuery(INSERT)
                .setParameter(1, content.toString())
                .setParameter(2, seq)
                .setParameter(3, data)
                .executeUpdate();
    }
}
