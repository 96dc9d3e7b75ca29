package dev.valbox.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InboundMailTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    static byte[] bytes(MimeMessage message) throws Exception {
        message.saveChanges();
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A mail as a mail program sends it: text and HTML alternatives, and a CSV file. */
    static MimeMessage invoice() throws Exception {
        var message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress("zoe@example.com", "Zoë Sender", "UTF-8"));
        message.setRecipients(RecipientType.TO, "alice.invoices@valbox.test, Bob <bob@example.com>");
        message.setRecipients(RecipientType.CC, "carol@example.com");
        message.setSubject("Rechnung für März", "UTF-8");
        var alternative = new MimeMultipart("alternative");
        var plain = new MimeBodyPart();
        plain.setText("Total: 42 €", "UTF-8");
        alternative.addBodyPart(plain);
        var html = new MimeBodyPart();
        html.setText("<p>Total: <b>42 €</b></p>", "UTF-8", "html");
        alternative.addBodyPart(html);
        var body = new MimeBodyPart();
        body.setContent(alternative);
        var mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        var csv = new MimeBodyPart();
        csv.setDataHandler(new jakarta.activation.DataHandler(
                new ByteArrayDataSource("item,price\nwidget,42\n".getBytes(StandardCharsets.UTF_8), "text/csv")));
        csv.setFileName("invoice.csv");
        csv.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(csv);
        message.setContent(mixed);
        return message;
    }

    private static List<String> strings(JsonObject mail, String field) {
        return mail.getJsonArray(field).getValuesAs(JsonString::getString);
    }

    @Test
    void aMultipartMailGivesTheValItsAddressesSubjectBodiesAndFiles() throws Exception {
        var mail = InboundMail.parse(bytes(invoice()), "bounce@example.com");
        assertEquals("\"Zoë Sender\" <zoe@example.com>", mail.getString("from"));
        assertEquals(List.of("alice.invoices@valbox.test", "Bob <bob@example.com>"), strings(mail, "to"));
        assertEquals(List.of("carol@example.com"), strings(mail, "cc"));
        assertEquals("Rechnung für März", mail.getString("subject"));
        assertEquals("Total: 42 €", mail.getString("text"));
        assertEquals("<p>Total: <b>42 €</b></p>", mail.getString("html"));
        var attachment = mail.getJsonArray("attachments").getJsonObject(0);
        assertEquals("invoice.csv", attachment.getString("filename"));
        assertEquals("text/csv", attachment.getString("type"));
        assertEquals(
                "item,price\nwidget,42\n",
                new String(Base64.getDecoder().decode(attachment.getString("content")), StandardCharsets.UTF_8));
        assertEquals(1, mail.getJsonArray("attachments").size());
    }

    @Test
    void aBareMailHasNoHtmlNoSubjectAndTheEnvelopeSenderWhenItHasNoFrom() throws Exception {
        var raw = "To: alice.inbox@valbox.test\r\n\r\nhello\r\n";
        var mail = InboundMail.parse(raw.getBytes(StandardCharsets.US_ASCII), "envelope@example.com");
        assertEquals("envelope@example.com", mail.getString("from"));
        assertEquals("hello\r\n", mail.getString("text"));
        assertFalse(mail.containsKey("html"));
        assertFalse(mail.containsKey("subject"));
        assertEquals(List.of(), strings(mail, "cc"));
        assertEquals(0, mail.getJsonArray("attachments").size());
    }

    @Test
    void rawUtf8HeadersReadAsUtf8() throws Exception {
        var raw = "From: Zoë <zoe@example.com>\r\nSubject: März\r\n\r\nhi\r\n";
        var mail = InboundMail.parse(raw.getBytes(StandardCharsets.UTF_8), "");
        assertEquals("März", mail.getString("subject"));
        assertEquals("\"Zoë\" <zoe@example.com>", mail.getString("from"));
    }

    @Test
    void sloppyAddressesStillParse() throws Exception {
        var raw = "From: Someone <someone@example.com>\r\nTo: undisclosed-recipients:;\r\nSubject: x\r\n\r\nhi\r\n";
        var mail = InboundMail.parse(raw.getBytes(StandardCharsets.US_ASCII), "");
        assertEquals("Someone <someone@example.com>", mail.getString("from"));
    }

    @Test
    void brokenMimeIsMalformed() {
        var missingBoundary = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n"
                + "no parts here at all\r\n";
        var badBase64 = "From: a@example.com\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "!!!!not*base64\r\n";
        var unknownCharset = "From: a@example.com\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nhi\r\n";
        for (var raw : List.of(missingBoundary, badBase64, unknownCharset)) {
            var e = assertThrows(
                    InboundMail.MalformedException.class,
                    () -> InboundMail.parse(raw.getBytes(StandardCharsets.US_ASCII), "a@example.com"),
                    raw);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void mimeNestedTooDeepIsMalformed() throws Exception {
        var part = new MimeBodyPart();
        part.setText("deep");
        for (int i = 0; i < InboundMail.MAX_DEPTH + 1; i++) {
            var multipart = new MimeMultipart("mixed");
            multipart.addBodyPart(part);
            part = new MimeBodyPart();
            part.setContent(multipart);
        }
        var message = new MimeMessage(SESSION);
        message.setFrom("a@example.com");
        message.setContent((MimeMultipart) part.getContent());
        var e = assertThrows(InboundMail.MalformedException.class, () -> InboundMail.parse(bytes(message), ""));
        assertTrue(e.getMessage().contains("nest deeper"), e.getMessage());
    }
}
