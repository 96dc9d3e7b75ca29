package dev.valbox.sqlite.control;

import dev.valbox.database.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every user's database, {@code ${valbox.data}/sqlite/<user id>.db}, with at most
 * {@code valbox.sqlite.open-databases} connections open at a time (each may hold SQLite's default 2 MB page cache,
 * outside the Java heap): past that, the least recently used one is closed, and opened again when its user next
 * needs it.
 */
@ApplicationScoped
public class UserDatabases {

    @Inject
    DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = "valbox.sqlite.quota-mb", defaultValue = "100")
    long quotaMb;

    @Inject
    @ConfigProperty(name = "valbox.sqlite.timeout-ms", defaultValue = "5000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "valbox.sqlite.open-databases", defaultValue = "100")
    int maxOpen;

    private Path directory;
    private UserDatabase.Limits limits;
    private final Map<UUID, UserDatabase> databases = new ConcurrentHashMap<>();

    public UserDatabases() {}

    /** For tests: databases under {@code directory}, outside a container. */
    UserDatabases(Path directory, UserDatabase.Limits limits, int maxOpen) {
        this.directory = directory;
        this.limits = limits;
        this.maxOpen = maxOpen;
    }

    @PostConstruct
    void configure() {
        directory = dataDirectory.path().resolve("sqlite");
        limits = new UserDatabase.Limits(quotaMb << 20, timeoutMs);
    }

    UserDatabase of(UUID user) {
        var database = databases.computeIfAbsent(user, id -> new UserDatabase(directory.resolve(id + ".db"), limits));
        if (!database.open()) {
            closeIdle(database);
        }
        return database;
    }

    UserDatabase.Limits limits() {
        return limits;
    }

    private void closeIdle(UserDatabase keep) {
        var open = databases.values().stream().filter(UserDatabase::open).toList();
        if (open.size() < maxOpen) {
            return;
        }
        open.stream()
                .filter(d -> d != keep)
                .sorted(Comparator.comparingLong(UserDatabase::lastUsed))
                .limit(open.size() - maxOpen + 1L)
                .forEach(UserDatabase::close);
    }

    @PreDestroy
    void closeAll() {
        databases.values().forEach(UserDatabase::close);
        // sqlite-jdbc registers its driver with DriverManager when first used; an undeploy must not leave it there.
        for (var drivers = DriverManager.getDrivers(); drivers.hasMoreElements(); ) {
            var driver = drivers.nextElement();
            if (driver instanceof org.sqlite.JDBC) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // Already gone.
                }
            }
        }
    }
}
