package dev.valbox.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data directory, {@code valbox.data}: the embedded database, the keys, users' SQLite files, npm packages and the
 * runner's jar live under it. Its default ({@code ./data}) is in {@code META-INF/microprofile-config.properties}
 * instead of here, since the default database URL is built from it there, and the val token key source, which
 * MicroProfile Config asks before CDI starts, reads it too.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "valbox.data")
    String data;

    public DataDirectory() {}

    public DataDirectory(Path path) {
        this.data = path.toString();
    }

    /** The directory as configured (relative to the working directory unless absolute). */
    public Path path() {
        return Path.of(data);
    }
}
