package dev.valbox.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.valbox.email.entity.EmailNotSentException;
import dev.valbox.email.entity.EmailStatus;
import jakarta.json.Json;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The way out, against a real SMTP server (GreenMail): delivered when a host is configured, kept when none is. */
class SmtpTest {

    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static Smtp smtp(String host, int port) {
        var smtp = new Smtp();
        smtp.host = Optional.ofNullable(host);
        smtp.port = port;
        smtp.user = Optional.empty();
        smtp.password = Optional.empty();
        smtp.starttls = false;
        smtp.timeoutMs = 5000;
        smtp.from = "valbox@valbox.test";
        smtp.connect();
        return smtp;
    }

    private static MimeMessage message(Smtp smtp, String json) throws Exception {
        try (var reader = Json.createReader(new StringReader(json.replace('\'', '"')))) {
            var email = OutgoingEmail.from(reader.readObject());
            return email.message(
                    smtp.session(), smtp.sender("alice"), List.of(new InternetAddress("alice@example.com")));
        }
    }

    @Test
    void withoutAHostTheMailIsKeptAndNothingIsSent() throws Exception {
        for (var host : Arrays.asList(null, "", "  ")) {
            var smtp = smtp(host, server.getSmtp().getPort());
            assertFalse(smtp.configured());
            assertEquals(EmailStatus.OUTBOX, smtp.post(message(smtp, "{'subject':'kept','text':'hello'}")));
        }
        assertEquals(0, server.getReceivedMessages().length);
    }

    @Test
    void withAHostTheMailIsDeliveredFromTheServersAddressInTheAuthorsName() throws Exception {
        var smtp = smtp("127.0.0.1", server.getSmtp().getPort());
        assertTrue(smtp.configured());
        var sent = message(
                smtp,
                "{'subject':'Grüße','text':'plain words','html':'<b>rich words</b>','cc':'Carol <carol@example.com>',"
                        + "'bcc':'bob@example.com','replyTo':'Reply <reply@example.com>',"
                        + "'attachments':[{'content':'aGVsbG8=','filename':'hello.txt','type':'text/plain'}]}");
        assertEquals(EmailStatus.SENT, smtp.post(sent));

        var received = server.getReceivedMessages();
        assertEquals(3, received.length, "one copy for each of to, cc and bcc");
        for (var mailbox : List.of("alice@example.com", "carol@example.com", "bob@example.com")) {
            assertTrue(server.getUserManager().getUserByEmail(mailbox) != null, mailbox + " got no copy");
        }
        var mail = received[0];
        assertEquals("alice <valbox@valbox.test>", ((InternetAddress) mail.getFrom()[0]).toUnicodeString());
        assertEquals("Reply <reply@example.com>", ((InternetAddress) mail.getReplyTo()[0]).toUnicodeString());
        assertEquals("Grüße", mail.getSubject());
        assertEquals("carol@example.com", ((InternetAddress) mail.getRecipients(RecipientType.CC)[0]).getAddress());
        assertNull(mail.getHeader("Bcc"), "Bcc is not shown to the recipients");
        var body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("plain words"), body);
        assertTrue(body.contains("<b>rich words</b>"), body);
        assertTrue(body.contains("multipart/alternative"), body);
        assertTrue(body.contains("Content-Disposition: attachment; filename=hello.txt\r\n\r\nhello\r\n"), body);
    }

    @Test
    void anUnreachableServerIsReportedWithoutItsInternals() throws Exception {
        int port = server.getSmtp().getPort();
        server.stop();
        var smtp = smtp("127.0.0.1", port);
        var message = message(smtp, "{'text':'lost'}");
        var e = assertThrows(EmailNotSentException.class, () -> smtp.post(message));
        assertEquals(
                "The email was not sent: the mail server could not be reached. Nothing was sent; try again later.",
                e.getMessage());
    }
}
