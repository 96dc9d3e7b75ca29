package dev.valbox.execution.control;

import dev.valbox.database.control.DatabaseAddress;
import dev.valbox.database.entity.Changes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What serving a run reads from the database (the val a host names, its module graph, its author's env), kept in
 * memory so that a request to a val costs no query. An entry is stale as soon as any val, version, user or env var
 * changes in this instance ({@link Changes}). When other instances may share the database, an entry also expires
 * after {@code valbox.run.cache-seconds} (default 5): the bound on how long another instance may serve what was just
 * changed here. An embedded H2 database is open in this process only, so by default its entries do not expire:
 * re-reading a thousand vals every 5 s cost more CPU than running them.
 */
@ApplicationScoped
public class RunCache {

    /** Beyond this many entries the cache starts over: requests for made-up hosts must not fill the heap. */
    static final int MAX_ENTRIES = 20_000;

    /** The expiry when other instances may share the database. */
    static final long SHARED_DATABASE_SECONDS = 5;

    @Inject
    @ConfigProperty(name = "valbox.run.cache-seconds")
    Optional<Long> seconds;

    @Inject
    DatabaseAddress database;

    /** How long an entry lives, in nanoseconds; 0 for as long as nothing changes. */
    private long lifetime;

    @PostConstruct
    void configure() {
        lifetime =
                TimeUnit.SECONDS.toNanos(seconds.orElse(sharedDatabase(database.url()) ? SHARED_DATABASE_SECONDS : 0L));
    }

    /**
     * Whether another process may change the database: anything but an embedded H2 database, which H2 opens for one
     * process only (unless AUTO_SERVER lets others in).
     */
    static boolean sharedDatabase(String url) {
        var lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.contains("auto_server=true")) {
            return true;
        }
        var location = lower.substring("jdbc:h2:".length());
        return location.startsWith("tcp:") || location.startsWith("ssl:");
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The cached value for {@code key}, or what {@code load} answers now (also cached). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        var entry = entries.get(key);
        var now = System.nanoTime();
        if (entry != null && entry.count() == Changes.count() && (lifetime == 0 || now - entry.loadedAt() < lifetime)) {
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
