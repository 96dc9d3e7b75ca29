package dev.valbox.execution.control;

import dev.valbox.database.control.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What serving a run reads from the database (the val a host names, its module graph, its author's env), kept in
 * memory so that a request to a val costs no query. An entry is stale as soon as any val, version, user or env var
 * changes in this instance ({@link Changes}), and after {@code valbox.run.cache-seconds} in any case: the bound on
 * how long another instance sharing the database may serve what was just changed here.
 */
@ApplicationScoped
public class RunCache {

    /** Beyond this many entries the cache starts over: requests for made-up hosts must not fill the heap. */
    static final int MAX_ENTRIES = 20_000;

    @Inject
    @ConfigProperty(name = "valbox.run.cache-seconds", defaultValue = "5")
    long seconds;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The cached value for {@code key}, or what {@code load} answers now (also cached). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        var entry = entries.get(key);
        var now = System.nanoTime();
        if (entry != null
                && entry.count() == Changes.count()
                && now - entry.loadedAt() < TimeUnit.SECONDS.toNanos(seconds)) {
            return (T) entry.value();
        }
        var count = Changes.count();
        var value = load.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(value, count, now));
        return value;
    }

    private record Entry(Object value, long count, long loadedAt) {}
}
