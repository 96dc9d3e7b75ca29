package dev.valbox.blobs.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.blobs.entity.Blob;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.problems.entity.TooLargeException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The blob use cases, for the REST API and std/blob alike: each checks the caller's scope, then works on the caller's
 * own blobs only. Writes of one user are serialised by a lock on the user's row, taken after the bytes are stored and
 * held only until commit, so the quota holds under concurrent writes without making writers wait for each other's
 * uploads.
 */
@Stateless
public class Blobs {

    private static final long MB = 1024 * 1024;

    /** Code point order, which is UTF-8 byte order: the same listing on every database, whatever its collation. */
    private static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** A blob and its bytes, to be read once and closed. */
    public record Content(Blob blob, InputStream bytes) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobChunks chunks;

    @Inject
    @ConfigProperty(name = "valbox.blob.max-mb", defaultValue = "10")
    long maxMb;

    @Inject
    @ConfigProperty(name = "valbox.blob.quota-mb", defaultValue = "100")
    long quotaMb;

    /** The caller's blobs whose keys start with {@code prefix} (all of them when it is null or empty), by key. */
    public List<Blob> list(Caller caller, String prefix) {
        caller.require(Scope.BLOB_READ);
        var start = prefix == null ? "" : Blob.requireText("prefix", prefix);
        var pattern = start.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return em.createNamedQuery(Blob.LIST, Blob.class)
                .setParameter("owner", caller.user())
                .setParameter("pattern", pattern)
                .getResultStream()
                .sorted(Comparator.comparing(Blob::key, KEY_ORDER))
                .toList();
    }

    /** The blob and a stream of its bytes. */
    public Content read(Caller caller, String key) {
        caller.require(Scope.BLOB_READ);
        var blob = get(caller.user(), Blob.requireKey("key", key));
        return new Content(blob, new BlobInputStream(chunks, blob.content(), blob.size()));
    }

    /**
     * Stores {@code body} under {@code key}, replacing what was there. {@code declaredLength} (-1 if unknown) lets an
     * oversize body be refused before it is read; the body is counted as it is stored either way.
     */
    public Blob store(Caller caller, String key, InputStream body, long declaredLength) {
        caller.require(Scope.BLOB_WRITE);
        Blob.requireKey("key", key);
        var owner = caller.user();
        requireBlobLimit(declaredLength);
        if (declaredLength > 0) {
            requireRoom(owner, key, declaredLength);
        }
        var content = UUID.randomUUID();
        var size = chunks.write(content, body, maxMb * MB);
        requireBlobLimit(size);
        lockBlobsOf(owner);
        requireRoom(owner, key, size);
        return put(owner, key, content, size);
    }

    /** Deletes the blob if there is one: deleting a missing key is not an error, as in Val Town. */
    public void delete(Caller caller, String key) {
        caller.require(Scope.BLOB_WRITE);
        Blob.requireKey("key", key);
        // Locked like a write, so a delete racing a store of the same key cannot leave the new chunks unowned.
        lockBlobsOf(caller.user());
        find(caller.user(), key).ifPresent(this::remove);
    }

    /** Copies the blob at {@code from} to {@code to}, replacing what was there. */
    public Blob copy(Caller caller, String from, String to) {
        caller.require(Scope.BLOB_READ);
        caller.require(Scope.BLOB_WRITE);
        Blob.requireKey("to", to);
        var owner = caller.user();
        lockBlobsOf(owner);
        var source = get(owner, Blob.requireKey("from", from));
        if (from.equals(to)) {
            return source;
        }
        requireRoom(owner, to, source.size());
        var content = UUID.randomUUID();
        chunks.copy(source.content(), content);
        return put(owner, to, content, source.size());
    }

    /** Renames the blob at {@code from} to {@code to}, replacing what was there. */
    public Blob move(Caller caller, String from, String to) {
        caller.require(Scope.BLOB_READ);
        caller.require(Scope.BLOB_WRITE);
        Blob.requireKey("to", to);
        var owner = caller.user();
        lockBlobsOf(owner);
        var source = get(owner, Blob.requireKey("from", from));
        if (!from.equals(to)) {
            find(owner, to).ifPresent(this::remove);
            // The unique key must be free in the database before the rename is written.
            em.flush();
            source.rename(to);
        }
        return source;
    }

    /** Points {@code key} at stored content, freeing the chunks it held before. Call with the owner locked. */
    private Blob put(User owner, String key, UUID content, long size) {
        var existing = find(owner, key);
        if (existing.isPresent()) {
            chunks.delete(existing.get().replace(content, size));
            return existing.get();
        }
        var blob = new Blob(owner, key, content, size);
        em.persist(blob);
        return blob;
    }

    private Optional<Blob> find(User owner, String key) {
        return em.createNamedQuery(Blob.BY_KEY, Blob.class)
                .setParameter("owner", owner)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    private Blob get(User owner, String key) {
        return find(owner, key).orElseThrow(() -> new NotFoundException("Blob not found: " + quoted(key)));
    }

    private void remove(Blob blob) {
        chunks.delete(blob.content());
        em.remove(blob);
    }

    /** Serialises the owner's blob writes until commit: the quota check and the key's row see every earlier write. */
    private void lockBlobsOf(User owner) {
        em.find(User.class, owner.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireBlobLimit(long size) {
        if (size > maxMb * MB) {
            throw new TooLargeException("body", "a blob must be at most " + maxMb + " MB (" + maxMb * MB + " bytes)");
        }
    }

    /** The owner's blobs but {@code key} plus {@code size} more bytes must fit the quota. */
    private void requireRoom(User owner, String key, long size) {
        // SUM's type differs by database (PostgreSQL answers numeric for bigint), hence Number.
        var sum = (Number) em.createNamedQuery(Blob.USAGE)
                .setParameter("owner", owner)
                .setParameter("except", key)
                .getSingleResult();
        long others = sum == null ? 0 : sum.longValue();
        if (others + size > quotaMb * MB) {
            throw new TooLargeException(
                    "body",
                    "storing this blob (" + size + " bytes) would put your blob storage over its quota of " + quotaMb
                            + " MB; " + others + " bytes are used by your other blobs");
        }
    }

    private static String quoted(String key) {
        return key.codePointCount(0, key.length()) > 80
                ? "'" + key.substring(0, key.offsetByCodePoints(0, 80)) + "...'"
                : "'" + key + "'";
    }
}
