package dev.valbox.email.control;

import dev.valbox.problems.entity.BusyException;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * An SMTP server (SubEthaSMTP speaks the protocol) that takes mail for the recipients {@code recipients} knows and
 * hands each message, parsed, to {@code delivery}. Unknown recipients are refused at {@code RCPT TO} (550), so
 * nothing is parsed or run for them. Everything a client can make it hold is bounded: message size (read up to the
 * limit, the rest discarded, then 552), recipients per message, connections in all and per client address, the wait
 * for each line, the life of a connection, refused recipients and messages per connection. The delivery runs on the
 * connection's thread, so the client hears 250 only once the mail was handed over; a busy delivery answers 451 and
 * the sending server tries again later.
 *
 * @param <R> what a recipient address resolves to (for the server, the email val it names)
 */
public final class SmtpListener<R> {

    private static final Logger LOG = Logger.getLogger(SmtpListener.class.getName());

    /** The bounds of one listener; see the class comment. */
    public record Limits(
            int maxBytes,
            int maxRecipients,
            int maxConnections,
            int maxConnectionsPerClient,
            Duration lineTimeout,
            Duration connectionLifetime,
            int maxRefusedRecipients,
            int maxMessagesPerConnection) {}

    private final Limits limits;
    private final Function<String, Optional<R>> recipients;
    private final BiConsumer<List<R>, JsonObject> delivery;
    private final SMTPServer server;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Map<MessageContext, Connection> connections = new ConcurrentHashMap<>();

    /** What one connection has used of its allowance. */
    private static final class Connection {
        int refused;
        int messages;
        ScheduledFuture<?> deadline;
    }

    public SmtpListener(
            InetAddress bind,
            int port,
            String hostName,
            Limits limits,
            ThreadFactory threads,
            Function<String, Optional<R>> recipients,
            BiConsumer<List<R>, JsonObject> delivery) {
        this.limits = limits;
        this.recipients = recipients;
        this.delivery = delivery;
        this.deadlines = new ScheduledThreadPoolExecutor(1, threads);
        deadlines.setRemoveOnCancelPolicy(true);
        var perClient = SessionHandler.limitConcurrentSessionsBySource(limits.maxConnectionsPerClient());
        this.server = SMTPServer.port(port)
                .bindAddress(bind)
                .hostName(hostName)
                .softwareName("Valbox")
                .maxMessageSize(limits.maxBytes())
                .maxRecipients(limits.maxRecipients())
                .maxConnections(limits.maxConnections())
                .connectionTimeoutMs((int) limits.lineTimeout().toMillis())
                .insertReceivedHeaders(false)
                .executorService(new ThreadPoolExecutor(
                        0, limits.maxConnections() + 1, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads))
                .sessionHandler(new SessionHandler() {
                    @Override
                    public SessionAcceptance accept(Session session) {
                        var acceptance = perClient.accept(session);
                        if (acceptance.accepted()) {
                            opened(session);
                        }
                        return acceptance;
                    }

                    @Override
                    public void onSessionEnd(Session session) {
                        closed(session);
                        perClient.onSessionEnd(session);
                    }
                })
                .messageHandlerFactory(Message::new)
                .build();
    }

    public void start() {
        server.start();
    }

    /** Closes the port and every connection, and waits for the connections' threads to end. */
    public void stop() {
        try {
            server.stop();
        } finally {
            deadlines.shutdownNow();
        }
    }

    /** The port listened on (the one the system chose, when asked for port 0). */
    public int port() {
        return server.getPortAllocated();
    }

    /** A connection that outlives its allowance is cut, whatever it is doing (a client that never reads included). */
    private void opened(Session session) {
        var connection = new Connection();
        connections.put(session, connection);
        connection.deadline = deadlines.schedule(
                () -> {
                    try {
                        session.getSocket().close();
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "closing a connection past its lifetime", e);
                    }
                },
                limits.connectionLifetime().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void closed(Session session) {
        var connection = connections.remove(session);
        if (connection != null) {
            connection.deadline.cancel(false);
        }
    }

    /** One mail transaction: from MAIL FROM to the end of DATA. */
    private final class Message implements MessageHandler {

        private final Connection connection;
        private final List<R> accepted = new ArrayList<>();
        private String sender;

        Message(MessageContext context) {
            this.connection = connections.get(context);
        }

        @Override
        public void from(String from) throws RejectException {
            if (connection != null && ++connection.messages > limits.maxMessagesPerConnection()) {
                throw new DropConnectionException(421, "4.7.0 Too many messages on one connection; reconnect");
            }
            sender = from;
        }

        @Override
        public void recipient(String address) throws RejectException {
            var found = recipients.apply(address);
            if (found.isEmpty()) {
                if (connection != null && ++connection.refused > limits.maxRefusedRecipients()) {
                    throw new DropConnectionException(421, "4.7.0 Too many unknown recipients; closing");
                }
                throw new RejectException(550, "5.1.1 <" + address + ">: no such email val here");
            }
            if (!accepted.contains(found.get())) {
                accepted.add(found.get());
            }
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            var raw = new ByteArrayOutputStream();
            var buffer = new byte[8192];
            long total = 0;
            for (int n; (n = data.read(buffer)) != -1; ) {
                if (total + n <= limits.maxBytes()) {
                    raw.write(buffer, 0, n);
                }
                // Past the limit the rest is read and dropped, so that the client hears the refusal.
                total += n;
            }
            if (total > limits.maxBytes()) {
                throw new RejectException(552, "5.3.4 Message too big: at most " + limits.maxBytes() + " bytes");
            }
            JsonObject mail;
            try {
                mail = InboundMail.parse(raw.toByteArray(), sender);
            } catch (InboundMail.MalformedException e) {
                throw new RejectException(554, "5.6.0 Malformed message: " + oneLine(e.getMessage()));
            }
            try {
                delivery.accept(List.copyOf(accepted), mail);
            } catch (BusyException e) {
                throw new RejectException(451, "4.3.2 Busy; try again later");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an inbound mail could not be delivered", e);
                throw new RejectException(451, "4.3.0 Local error; try again later");
            }
            return null;
        }

        @Override
        public void done() {}
    }

    private static String oneLine(String text) {
        var line = text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
