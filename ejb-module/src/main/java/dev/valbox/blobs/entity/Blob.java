package dev.valbox.blobs.entity;

import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A user's blob: its key, size and last change. The bytes are the {@link BlobChunk}s of {@link #content()}; a write
 * stores new chunks under a new content id and then points the blob at them. There is no shared cache
 * (persistence.xml), so a writer never acts on another transaction's outdated content id.
 */
@Entity
@Table(name = "vb_blob", uniqueConstraints = @UniqueConstraint(columnNames = {"owner_id", "blob_key"}))
@NamedQuery(name = Blob.BY_KEY, query = "SELECT b FROM Blob b WHERE b.owner = :owner AND b.key = :key")
@NamedQuery(name = Blob.LIST, query = "SELECT b FROM Blob b WHERE b.owner = :owner AND b.key LIKE :pattern ESCAPE '!'")
@NamedQuery(name = Blob.USAGE, query = "SELECT SUM(b.size) FROM Blob b WHERE b.owner = :owner AND b.key <> :except")
public class Blob {

    public static final String BY_KEY = "Blob.byKey";
    public static final String LIST = "Blob.list";
    public static final String USAGE = "Blob.usage";

    /** In characters (Unicode code points), as Val Town counts them. */
    public static final int MAX_KEY = 512;

    /** Room for {@link #MAX_KEY} code points even when each takes two UTF-16 chars. */
    static final int KEY_COLUMN = 2 * MAX_KEY;

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "blob_key", nullable = false, length = KEY_COLUMN)
    private String key;

    @Column(name = "content_id", nullable = false)
    private UUID content;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false)
    private Instant lastModified;

    protected Blob() {}

    public Blob(User owner, String key, UUID content, long size) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.key = requireKey("key", key);
        this.content = content;
        this.size = size;
        this.lastModified = now();
    }

    /** A key as Val Town allows it: 1-512 characters, any but NUL, and well-formed Unicode (the database stores UTF-8). */
    public static String requireKey(String field, String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException(field, field + " must not be empty");
        }
        if (key.codePointCount(0, key.length()) > MAX_KEY) {
            throw new InvalidInputException(field, field + " must be at most " + MAX_KEY + " characters");
        }
        requireText(field, key);
        return key;
    }

    /** Text the database can hold: no NUL, no unpaired surrogate. */
    public static String requireText(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new InvalidInputException(field, field + " must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, field + " must be well-formed Unicode (an unpaired surrogate)");
            }
        }
        return text;
    }

    /** Points this blob at new bytes; answers the content id it held before, whose chunks are now unused. */
    public UUID replace(UUID newContent, long newSize) {
        var old = content;
        content = newContent;
        size = newSize;
        lastModified = now();
        return old;
    }

    public void rename(String newKey) {
        key = requireKey("to", newKey);
        lastModified = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public UUID id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String key() {
        return key;
    }

    public UUID content() {
        return content;
    }

    public long size() {
        return size;
    }

    public Instant lastModified() {
        return lastModified;
    }
}
