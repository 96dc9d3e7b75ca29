package dev.valbox.blobs.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of a blob's bytes: piece {@code seq} (0, 1, 2, ...) of the content {@code content}. Every piece but the
 * last holds exactly {@link #SIZE} bytes. Rows are written and copied with plain SQL (see {@code BlobChunks}) and read
 * one at a time, so no persistence context or cache ever holds more than one chunk; this mapping exists for the
 * schema and for reading.
 */
@Entity
@IdClass(BlobChunk.Key.class)
@Table(name = BlobChunk.TABLE)
@NamedQuery(name = BlobChunk.DATA, query = "SELECT c.data FROM BlobChunk c WHERE c.content = :content AND c.seq = :seq")
public class BlobChunk {

    public static final String TABLE = "vb_blob_chunk";
    public static final String DATA = "BlobChunk.data";

    /** 192 KiB: a multiple of 3, so each chunk encodes to base64 on its own, and small enough to hold per request. */
    public static final int SIZE = 192 * 1024;

    @Id
    @Column(name = "content_id", nullable = false)
    private UUID content;

    @Id
    @Column(nullable = false)
    private int seq;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] data;

    protected BlobChunk() {}

    /** The primary key: a content id and a piece number. */
    public static class Key implements Serializable {

        private UUID content;
        private int seq;

        public Key() {}

        public Key(UUID content, int seq) {
            this.content = content;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.seq == seq && Objects.equals(key.content, content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(content, seq);
        }
    }
}
