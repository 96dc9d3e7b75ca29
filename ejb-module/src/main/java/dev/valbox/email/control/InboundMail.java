package dev.valbox.email.control;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

/**
 * A received mail as an email val gets it (SPEC §8): {@code {from, to, cc, subject, text, html, attachments:
 * [{filename, type, content}]}}, {@code content} in base64. Parsed with the server's Jakarta Mail, leniently about
 * addresses (real mail is often sloppy) and strictly about structure: a MIME tree that cannot be read, nests deeper
 * than {@link #MAX_DEPTH} or has more than {@link #MAX_PARTS} parts is refused as malformed. {@code text} and
 * {@code html} are the first plain and HTML bodies that are not attachments; every other leaf is an attachment.
 */
public final class InboundMail {

    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 100;

    private static final Session SESSION = session();

    /** The mail cannot be read as MIME; the reason is said to the sending server. */
    public static final class MalformedException extends Exception {

        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonObjectBuilder mail = JSON.createObjectBuilder();
    private final JsonArrayBuilder attachments = JSON.createArrayBuilder();
    private boolean hasText;
    private boolean hasHtml;
    private int parts;

    private InboundMail() {}

    /** The val's argument for a message as received; {@code envelopeFrom} stands in for a missing From header. */
    public static JsonObject parse(byte[] raw, String envelopeFrom) throws MalformedException {
        return new InboundMail().read(raw, envelopeFrom);
    }

    private JsonObject read(byte[] raw, String envelopeFrom) throws MalformedException {
        try {
            var message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            var from = message.getHeader("From", ",");
            var senders = from == null ? new InternetAddress[0] : InternetAddress.parseHeader(from, false);
            mail.add(
                            "from",
                            senders.length > 0
                                    ? senders[0].toUnicodeString()
                                    : envelopeFrom == null ? "" : envelopeFrom)
                    .add("to", addresses(message, RecipientType.TO.toString()))
                    .add("cc", addresses(message, RecipientType.CC.toString()));
            var subject = message.getSubject();
            if (subject != null) {
                mail.add("subject", subject);
            }
            walk(message, 0);
            return mail.add("attachments", attachments).build();
        } catch (MessagingException | IOException | ClassCastException | IllegalArgumentException e) {
            throw new MalformedException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void walk(Part part, int depth) throws MessagingException, IOException, MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException("MIME parts nest deeper than " + MAX_DEPTH + " levels");
        }
        if (++parts > MAX_PARTS) {
            throw new MalformedException("more than " + MAX_PARTS + " MIME parts");
        }
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), depth + 1);
            }
            return;
        }
        var attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && !hasText && part.isMimeType("text/plain")) {
            mail.add("text", (String) part.getContent());
            hasText = true;
        } else if (!attached && !hasHtml && part.isMimeType("text/html")) {
            mail.add("html", (String) part.getContent());
            hasHtml = true;
        } else {
            attach(part);
        }
    }

    private void attach(Part part) throws MessagingException, IOException {
        var attachment = JSON.createObjectBuilder();
        var filename = part.getFileName();
        if (filename == null) {
            attachment.addNull("filename");
        } else {
            attachment.add("filename", filename);
        }
        byte[] content;
        try (var in = part.getInputStream()) {
            content = in.readAllBytes();
        }
        attachments.add(attachment
                .add("type", baseType(part.getContentType()))
                .add("content", Base64.getEncoder().encodeToString(content)));
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    /** Every address of a header, as {@code Name <address>} text; none when the header is absent. */
    private static JsonArrayBuilder addresses(MimeMessage message, String header) throws MessagingException {
        var list = JSON.createArrayBuilder();
        var value = message.getHeader(header, ",");
        if (value != null) {
            for (var address : InternetAddress.parseHeader(value, false)) {
                list.add(address.toUnicodeString());
            }
        }
        return list;
    }

    private static Session session() {
        var properties = new Properties();
        properties.put("mail.mime.address.strict", "false");
        // Headers in raw UTF-8 (SMTPUTF8 mail) read as UTF-8, not as Latin-1.
        properties.put("mail.mime.allowutf8", "true");
        // A body whose base64 is broken is malformed, not silently shortened.
        properties.put("mail.mime.base64.ignoreerrors", "false");
        return Session.getInstance(properties);
    }
}
