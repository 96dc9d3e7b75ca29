package dev.valbox.cluster.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * A plain connection to the cluster's PostgreSQL database, outside the application's pool: the listener holds one for
 * the member's lifetime, and the shared keys are read before the pool exists.
 */
final class DatabaseConnection {

    /** Seconds: a connection whose database vanished without a word (a partition) fails its next query this soon. */
    static final int SOCKET_TIMEOUT_SECONDS = 5;

    private DatabaseConnection() {}

    /** Refuses anything but PostgreSQL, naming the setting: the one database every member shares. */
    static void requirePostgresql(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("valbox.cluster is set but valbox.db.url is not PostgreSQL (" + url
                    + "): the members of a cluster share one PostgreSQL database; an embedded H2 database belongs to"
                    + " one process");
        }
    }

    static Connection open(String url, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "valbox cluster");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        // The driver directly, not DriverManager: it is found from this class loader in a WAR and in an EAR alike.
        var connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }
}
