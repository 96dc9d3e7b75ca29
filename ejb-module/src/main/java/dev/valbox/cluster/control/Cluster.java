package dev.valbox.cluster.control;

import dev.valbox.database.control.DatabaseAddress;
import dev.valbox.database.entity.Changes;
import dev.valbox.env.control.Secrets;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * This instance as a member of a cluster ({@code valbox.cluster} set), or alone. A member holds one connection to the
 * shared PostgreSQL database that LISTENs on {@value #CHANNEL}. When this member has committed a change to what runs are
 * served from ({@link Changes#local()}), it says so there, and a member that hears it drops every cached entry
 * ({@link Changes#elsewhere()}); other messages become {@link ClusterMessage} events. If the connection breaks (the
 * database restarted, or a partition), the member drops its cache, reconnects with a growing pause, and drops its cache
 * again once listening, since it may have missed messages meanwhile. The run cache's expiry stays as the backstop.
 */
@ApplicationScoped
public class Cluster {

    static final String CHANNEL = "valbox";
    /** How long the listener waits for a message before it looks at what this member has to say. */
    static final int POLL_MS = 50;
    /** A query this often notices a connection that died silently (with the driver's socket timeout). */
    static final long HEARTBEAT_MS = 2_000;

    static final long FIRST_RETRY_MS = 250;
    static final long LAST_RETRY_MS = 5_000;

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
    private static final String CHANGED = "changed";

    @Inject
    @ConfigProperty(name = "valbox.cluster")
    Optional<String> members;

    @Inject
    @ConfigProperty(name = "valbox.cluster.port", defaultValue = "5900")
    String port;

    @Inject
    DatabaseAddress database;

    @Inject
    Secrets secrets;

    @Inject
    Event<ClusterMessage> messages;

    @Resource
    ManagedThreadFactory threads;

    /** This member's name in messages, so that it ignores its own. */
    private final String self = UUID.randomUUID().toString();

    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private volatile boolean member;
    private volatile boolean stopped;
    private volatile boolean listening;
    private Thread listener;

    /** Checks the settings; for a member, starts listening. Throws, naming the setting, if one is wrong. */
    void start() {
        if (members.isEmpty()) {
            return;
        }
        MemberList list;
        try {
            list = MemberList.parse(members.get(), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        DatabaseConnection.requirePostgresql(database.url());
        if (!secrets.keyConfigured()) {
            throw new IllegalStateException("valbox.cluster is set but valbox.secrets.key is not: every member must"
                    + " encrypt and decrypt env vars with the same key, kept apart from the database");
        }
        member = true;
        listener = threads.newThread(this::listenUntilStopped);
        listener.setName("valbox-cluster-listener");
        listener.setDaemon(true);
        listener.start();
        LOG.info(() -> "Cluster member " + self + ": coordinating through PostgreSQL (LISTEN " + CHANNEL + "); members "
                + list.members() + " and port " + list.port() + " are reserved for a data grid");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Whether this instance is a member of a cluster. */
    public boolean member() {
        return member;
    }

    /** Sends a message to every other member, within about {@value #POLL_MS} ms while the database is reachable. */
    public void publish(String topic, String payload) {
        if (member) {
            outgoing.add(topic + " " + self + " " + payload);
        }
    }

    private void listenUntilStopped() {
        long pause = FIRST_RETRY_MS;
        long told = Changes.local();
        while (!stopped) {
            try (var connection = DatabaseConnection.open(database.url(), database.user(), database.password())) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Whatever the others said while this member was not listening is lost: start over.
                Changes.elsewhere();
                if (!listening) {
                    LOG.info("Cluster member " + self + " is listening");
                }
                listening = true;
                pause = FIRST_RETRY_MS;
                told = listen(connection, told);
            } catch (SQLException | RuntimeException e) {
                Changes.elsewhere();
                if (listening || pause == FIRST_RETRY_MS) {
                    LOG.log(Level.WARNING, "Cluster member " + self + " lost its database connection; retrying", e);
                }
                listening = false;
                sleep(pause);
                pause = Math.min(pause * 2, LAST_RETRY_MS);
            }
        }
        listening = false;
    }

    /** Listens and speaks on one connection until it fails; answers the count of local changes last told. */
    private long listen(Connection connection, long told) throws SQLException {
        var notifications = connection.unwrap(PGConnection.class);
        long lastQuery = System.nanoTime();
        while (!stopped) {
            var received = notifications.getNotifications(POLL_MS);
            if (received != null) {
                for (var notification : received) {
                    receive(notification.getParameter());
                }
                lastQuery = System.nanoTime();
            }
            var local = Changes.local();
            if (local != told) {
                send(connection, CHANGED + " " + self + " -");
                told = local;
                lastQuery = System.nanoTime();
            }
            for (var message = outgoing.peek(); message != null; message = outgoing.peek()) {
                send(connection, message);
                outgoing.poll();
                lastQuery = System.nanoTime();
            }
            if (System.nanoTime() - lastQuery > HEARTBEAT_MS * 1_000_000) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                lastQuery = System.nanoTime();
            }
        }
        return told;
    }

    private static void send(Connection connection, String message) throws SQLException {
        try (var notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            notify.setString(1, message);
            notify.execute();
        }
    }

    private void receive(String message) {
        var parts = message.split(" ", 3);
        if (parts.length < 3 || parts[1].equals(self)) {
            return;
        }
        if (parts[0].equals(CHANGED)) {
            Changes.elsewhere();
            return;
        }
        try {
            messages.fire(new ClusterMessage(parts[0], parts[2]));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cluster message not handled: " + message, e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
