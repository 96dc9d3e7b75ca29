package dev.valbox.cluster.control;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * Secrets every member must hold alike, kept in the shared database ({@code vb_cluster_secret}) instead of each
 * member's data directory: the first member to start generates one, the others read it. A transaction-scoped advisory
 * lock makes members that start together agree on the first value written.
 */
public final class SharedSecrets {

    /** The lock's key in PostgreSQL's advisory lock space: any number other code does not use. */
    static final long LOCK = 0x76_62_78_6b_65_79L;

    private SharedSecrets() {}

    /** The secret called {@code name}, generated with {@code generate} and stored if no member has stored it yet. */
    public static String getOrCreate(Config config, String name, Supplier<String> generate) {
        var url = config.getValue("valbox.db.url", String.class);
        DatabaseConnection.requirePostgresql(url);
        try (var connection = DatabaseConnection.open(
                url,
                config.getValue("valbox.db.user", String.class),
                config.getValue("valbox.db.password", String.class))) {
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS vb_cluster_secret"
                        + " (name VARCHAR(64) PRIMARY KEY, secret TEXT NOT NULL)");
            }
            try (var insert = connection.prepareStatement(
                    "INSERT INTO vb_cluster_secret (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, generate.get());
                insert.executeUpdate();
            }
            String secret;
            try (var select = connection.prepareStatement("SELECT secret FROM vb_cluster_secret WHERE name = ?")) {
                select.setString(1, name);
                try (var rows = select.executeQuery()) {
                    rows.next();
                    secret = rows.getString(1);
                }
            }
            connection.commit();
            return secret;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read or store the cluster's " + name + " in the database " + url + ": " + e.getMessage(),
                    e);
        }
    }
}
