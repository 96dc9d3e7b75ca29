package dev.valbox.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.BusyException;
import jakarta.json.JsonObject;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener against real clients on a real socket: Jakarta Mail (Angus) as a mail server would send, and raw SMTP
 * conversations for the refusals and the abuse a listener on the internet meets.
 */
class SmtpListenerTest {

    private static final String DOMAIN = "valbox.test";
    private static final SmtpListener.Limits LIMITS =
            new SmtpListener.Limits(10_000, 3, 4, 2, Duration.ofSeconds(1), Duration.ofSeconds(3), 5, 3);

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private volatile boolean busy;
    private SmtpListener<String> listener;

    record Delivered(List<String> vals, JsonObject mail) {}

    @BeforeEach
    void start() {
        listener = new SmtpListener<>(
                InetAddress.getLoopbackAddress(),
                0,
                DOMAIN,
                LIMITS,
                Executors.defaultThreadFactory(),
                address -> ValAddress.parse(address, DOMAIN)
                        .filter(named -> named.username().equals("alice"))
                        .map(named -> named.valName().toLowerCase()),
                (vals, mail) -> {
                    if (busy) {
                        throw new BusyException("busy", 1);
                    }
                    delivered.add(new Delivered(vals, mail));
                });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop();
    }

    private Session client() {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(listener.port()));
        properties.put("mail.smtp.timeout", "5000");
        return Session.getInstance(properties);
    }

    @Test
    void jakartaMailDeliversAMailWithItsAttachmentToTheValItNames() throws Exception {
        var message = new jakarta.mail.internet.MimeMessage(
                client(), new java.io.ByteArrayInputStream(InboundMailTest.bytes(InboundMailTest.invoice())));
        Transport.send(message, new jakarta.mail.Address[] {
            new jakarta.mail.internet.InternetAddress("alice.Invoices@VALBOX.test"),
            new jakarta.mail.internet.InternetAddress("alice.invoices@valbox.test")
        });
        assertEquals(1, delivered.size());
        assertEquals(List.of("invoices"), delivered.get(0).vals(), "one run per val, however often it is named");
        var mail = delivered.get(0).mail();
        assertEquals("Rechnung für März", mail.getString("subject"));
        assertEquals(
                "invoice.csv", mail.getJsonArray("attachments").getJsonObject(0).getString("filename"));
    }

    @Test
    void jakartaMailToAnUnknownAddressFailsAndNothingIsDelivered() throws Exception {
        var message = new jakarta.mail.internet.MimeMessage(client());
        message.setFrom("zoe@example.com");
        message.setText("hi");
        var e = assertThrows(
                SendFailedException.class,
                () -> Transport.send(message, new jakarta.mail.Address[] {
                    new jakarta.mail.internet.InternetAddress("bob.inbox@valbox.test")
                }));
        assertEquals(1, e.getInvalidAddresses().length);
        assertEquals(List.of(), delivered);
    }

    @Test
    void unknownRecipientsAndOtherDomainsAreRefusedAtRcpt() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("EHLO client.example.com").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<bob.inbox@valbox.test>").expect("550 5.1.1");
            smtp.say("RCPT TO:<alice.inbox@elsewhere.test>").expect("550 5.1.1");
            smtp.say("RCPT TO:<alice@valbox.test>").expect("550 5.1.1");
            smtp.say("RCPT TO:<alice.inbox@valbox.test>").expect("250");
            smtp.say("DATA").expect("354");
            smtp.say("Subject: one\r\n\r\nbody\r\n.").expect("250");
            smtp.say("QUIT").expect("221");
        }
        assertEquals(1, delivered.size());
        assertEquals("one", delivered.get(0).mail().getString("subject"));
    }

    @Test
    void anOversizeMailIsReadToItsEndAndRefusedWith552() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("EHLO client.example.com").expectLine("250-SIZE 10000").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com> SIZE=20000").expect("552");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<alice.inbox@valbox.test>").expect("250");
            smtp.say("DATA").expect("354");
            smtp.say("Subject: big\r\n\r\n" + ("x".repeat(99) + "\r\n").repeat(200) + ".")
                    .expect("552 5.3.4");
            smtp.say("RSET").expect("250");
            smtp.say("NOOP").expect("250");
        }
        assertEquals(List.of(), delivered);
    }

    @Test
    void moreRecipientsThanTheLimitAreRefusedWith452() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("HELO client.example.com").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            for (var val : List.of("a", "b", "c")) {
                smtp.say("RCPT TO:<alice." + val + "@valbox.test>").expect("250");
            }
            smtp.say("RCPT TO:<alice.d@valbox.test>").expect("452");
        }
    }

    @Test
    void malformedMimeIsRefusedWith554AndTheConnectionGoesOn() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("HELO client.example.com").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<alice.inbox@valbox.test>").expect("250");
            smtp.say("DATA").expect("354");
            smtp.say("Content-Type: multipart/mixed; boundary=zzz\r\n\r\nno parts\r\n.")
                    .expect("554 5.6.0");
            smtp.say("RSET").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<alice.inbox@valbox.test>").expect("250");
            smtp.say("DATA").expect("354");
            smtp.say("Subject: fine\r\n\r\nok\r\n.").expect("250");
        }
        assertEquals(1, delivered.size());
    }

    @Test
    void aBusyServerAsksTheSenderToRetryWith451() throws Exception {
        busy = true;
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("HELO client.example.com").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<alice.inbox@valbox.test>").expect("250");
            smtp.say("DATA").expect("354");
            smtp.say("Subject: later\r\n\r\nok\r\n.").expect("451 4.3.2");
        }
    }

    @Test
    void aBareLfDotDoesNotEndTheMessageSoNothingCanBeSmuggled() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("HELO client.example.com").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<alice.inbox@valbox.test>").expect("250");
            smtp.say("DATA").expect("354");
            smtp.say("Subject: first\r\n\r\nhello\n.\r\nMAIL FROM:<mallory@example.com>\r\n"
                            + "RCPT TO:<alice.other@valbox.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n.")
                    .expect("250");
            smtp.say("QUIT").expect("221");
        }
        assertEquals(1, delivered.size());
        assertEquals(List.of("inbox"), delivered.get(0).vals());
        assertEquals("first", delivered.get(0).mail().getString("subject"));
    }

    @Test
    void garbageAndOverlongLinesCloseTheirConnectionAndTheListenerServesOn() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.raw(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\r', '\n'});
            smtp.expect("501");
            smtp.expectClosed();
        }
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("HELO " + "x".repeat(5000)).expect("501");
            smtp.expectClosed();
        }
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("NOT A COMMAND").expect("500");
            smtp.say("HELO client.example.com").expect("250");
        }
        jakartaMailDeliversAMailWithItsAttachmentToTheValItNames();
    }

    @Test
    void aFloodOfUnknownRecipientsIsCutOff() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            // Pipelined: every command at once, without reading a reply.
            var flood = new StringBuilder("HELO client.example.com\r\nMAIL FROM:<zoe@example.com>\r\n");
            for (int i = 0; i < 1000; i++) {
                flood.append("RCPT TO:<nobody").append(i).append(".x@valbox.test>\r\n");
            }
            try {
                smtp.raw(flood.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileWriting) {
                // The server may close the connection before the client has written everything.
            }
            smtp.expect("250");
            smtp.expect("250");
            for (int i = 0; i < LIMITS.maxRefusedRecipients(); i++) {
                smtp.expect("550");
            }
            smtp.expect("421");
            smtp.expectClosed();
        }
        jakartaMailDeliversAMailWithItsAttachmentToTheValItNames();
    }

    @Test
    void tooManyMessagesOnOneConnectionEndIt() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            smtp.say("HELO client.example.com").expect("250");
            for (int i = 0; i < LIMITS.maxMessagesPerConnection(); i++) {
                smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
                smtp.say("RSET").expect("250");
            }
            smtp.say("MAIL FROM:<zoe@example.com>").expect("421");
            smtp.expectClosed();
        }
    }

    @Test
    void anIdleClientIsDisconnectedAfterTheLineTimeout() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            var start = System.nanoTime();
            smtp.expect("421");
            smtp.expectClosed();
            assertTrue(System.nanoTime() - start < 2_500_000_000L, "closed after about the 1 s line timeout");
        }
    }

    @Test
    void aClientTricklingBytesIsCutAtTheConnectionLifetime() throws Exception {
        try (var smtp = new Conversation(listener.port())) {
            smtp.expect("220");
            var start = System.nanoTime();
            var closed = false;
            // One byte every 300 ms keeps the line timeout from firing, and never finishes a line.
            for (int i = 0; i < 30 && !closed; i++) {
                try {
                    smtp.raw(new byte[] {'N'});
                    Thread.sleep(300);
                } catch (IOException e) {
                    closed = true;
                }
                closed = closed || smtp.closedNow();
            }
            assertTrue(closed, "the connection was cut");
            var seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds > 2 && seconds < 6, "cut at the 3 s lifetime, not at " + seconds + " s");
        }
    }

    @Test
    void connectionsFromOneClientAreLimited() throws Exception {
        // one after the other: each connection's acceptance runs on its own thread, so three sockets opened at once
        // would be admitted in any order
        try (var first = new Conversation(listener.port())) {
            first.expect("220");
            try (var second = new Conversation(listener.port())) {
                second.expect("220");
                try (var third = new Conversation(listener.port())) {
                    third.expect("421");
                }
            }
        }
    }

    @Test
    void stoppingReleasesThePort() throws Exception {
        var port = listener.port();
        listener.stop();
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
        start();
    }

    /** A raw SMTP client: commands out, replies in, read line by line. */
    static final class Conversation implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Conversation(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Conversation say(String command) throws IOException {
            raw((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Reads one whole reply (every line of a multi-line one); its last line must start with {@code prefix}. */
        Conversation expect(String prefix) throws IOException {
            String line;
            do {
                line = line();
            } while (line.length() > 3 && line.charAt(3) == '-');
            assertTrue(line.startsWith(prefix), "expected " + prefix + ", got: " + line);
            return this;
        }

        /** Reads lines of a multi-line reply until one equals {@code wanted}. */
        Conversation expectLine(String wanted) throws IOException {
            String line;
            do {
                line = line();
            } while (!line.equals(wanted) && line.length() > 3 && line.charAt(3) == '-');
            assertEquals(wanted, line);
            return this;
        }

        void expectClosed() throws IOException {
            try {
                assertEquals(-1, in.read(), "the server closed the connection");
            } catch (java.net.SocketException reset) {
                // Closed with data unread: a reset is a close too.
            }
        }

        boolean closedNow() throws IOException {
            try {
                socket.setSoTimeout(1);
                return in.read() == -1;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            } finally {
                socket.setSoTimeout(5000);
            }
        }

        private String line() throws IOException {
            var line = new ByteArrayOutputStream();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c == -1) {
                    throw new IOException("connection closed; read so far: " + line);
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
