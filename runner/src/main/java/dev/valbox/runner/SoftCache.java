package dev.valbox.runner;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map whose values the JVM may take back. Each value is held through a
 * {@link SoftReference}: the collector clears soft references before it throws OutOfMemoryError, and under
 * pressure clears the least recently used first. So the cache grows as far as the heap allows, and what it holds
 * can never make the worker run out of memory. The count cap only bounds the map itself; a value the collector
 * took is a miss. Not thread-safe.
 */
final class SoftCache<V> {

    private final ReferenceQueue<V> cleared = new ReferenceQueue<>();
    private final Map<String, Entry<V>> entries;

    SoftCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value, or null when there is none or the collector took it. */
    V get(String key) {
        forgetCleared();
        Entry<V> entry = entries.get(key);
        return entry == null ? null : entry.get();
    }

    void put(String key, V value) {
        forgetCleared();
        entries.put(key, new Entry<>(key, value, cleared));
    }

    void remove(String key) {
        entries.remove(key);
    }

    /** How many values are still held. */
    int size() {
        forgetCleared();
        int held = 0;
        for (Entry<V> entry : entries.values()) {
            if (!entry.refersTo(null)) {
                held++;
            }
        }
        return held;
    }

    /** Drops the keys whose values the collector took, so that dead entries do not crowd out live ones. */
    private void forgetCleared() {
        for (Reference<? extends V> reference = cleared.poll(); reference != null; reference = cleared.poll()) {
            Entry<?> entry = (Entry<?>) reference;
            entries.remove(entry.key, entry);
        }
    }

    private static final class Entry<V> extends SoftReference<V> {
        private final String key;

        Entry(String key, V value, ReferenceQueue<V> queue) {
            super(value, queue);
            this.key = key;
        }
    }
}
