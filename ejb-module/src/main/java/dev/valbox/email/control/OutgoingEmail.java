package dev.valbox.email.control;

import dev.valbox.email.entity.Email;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.activation.DataHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mail as a client asks for it: the body of {@code POST /v1/email}, which std/email sends too. Every field is
 * checked here, before anything is sent or stored: addresses with Jakarta Mail's strict parser, one address per
 * entry; texts bounded and free of NUL; header texts free of line breaks, so nothing can be smuggled into a header.
 */
public record OutgoingEmail(
        Optional<InternetAddress> from,
        List<InternetAddress> to,
        List<InternetAddress> cc,
        List<InternetAddress> bcc,
        List<InternetAddress> replyTo,
        String subject,
        String text,
        String html,
        List<Attachment> attachments) {

    private static final Set<String> FIELDS =
            Set.of("from", "to", "cc", "bcc", "replyTo", "replyToList", "subject", "text", "html", "attachments");

    /** A file to send with the mail; {@code contentId} lets the HTML show an inline one as {@code cid:...}. */
    public record Attachment(String filename, String type, String disposition, String contentId, byte[] content) {

        Email.Attached recorded() {
            return new Email.Attached(filename, type, content.length);
        }
    }

    public static OutgoingEmail from(JsonObject json) {
        json.keySet().stream()
                .filter(name -> !FIELDS.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new InvalidInputException(
                            name,
                            "unknown field '" + name + "'; allowed: "
                                    + String.join(", ", FIELDS.stream().sorted().toList()));
                });
        if (json.containsKey("replyTo") && json.containsKey("replyToList")) {
            throw new InvalidInputException("replyTo", "give replyTo or replyToList, not both");
        }
        var replyToField = json.containsKey("replyTo") ? "replyTo" : "replyToList";
        var from = addresses(json, "from", false);
        var email = new OutgoingEmail(
                from.stream().findFirst(),
                addresses(json, "to", true),
                addresses(json, "cc", true),
                addresses(json, "bcc", true),
                addresses(json, replyToField, true),
                headerText(json, "subject", Email.MAX_SUBJECT),
                text(json, "text", Email.MAX_BODY),
                text(json, "html", Email.MAX_BODY),
                attachments(json));
        if (email.to.size() + email.cc.size() + email.bcc.size() > Email.MAX_RECIPIENTS) {
            throw new InvalidInputException(
                    "to", "a mail may have at most " + Email.MAX_RECIPIENTS + " recipients (to, cc and bcc together)");
        }
        return email;
    }

    /** The message as it goes out: {@code from} and {@code to} are decided by the server, not by the request. */
    MimeMessage message(Session session, InternetAddress sender, List<InternetAddress> recipients)
            throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(sender);
        message.setRecipients(RecipientType.TO, recipients.toArray(InternetAddress[]::new));
        if (!cc.isEmpty()) {
            message.setRecipients(RecipientType.CC, cc.toArray(InternetAddress[]::new));
        }
        if (!bcc.isEmpty()) {
            message.setRecipients(RecipientType.BCC, bcc.toArray(InternetAddress[]::new));
        }
        if (!replyTo.isEmpty()) {
            message.setReplyTo(replyTo.toArray(InternetAddress[]::new));
        }
        message.setSubject(subject == null ? "" : subject, "UTF-8");
        message.setSentDate(new Date());
        if (attachments.isEmpty()) {
            fill(message);
        } else {
            var mixed = new MimeMultipart("mixed");
            var body = new MimeBodyPart();
            fill(body);
            mixed.addBodyPart(body);
            for (var attachment : attachments) {
                var part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.type())));
                part.setFileName(attachment.filename());
                part.setDisposition(attachment.disposition());
                if (attachment.contentId() != null) {
                    part.setContentID("<" + attachment.contentId() + ">");
                }
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Text, HTML, or both as alternatives; a mail with neither has an empty text body. */
    private void fill(MimePart part) throws MessagingException {
        if (text != null && html != null) {
            var alternative = new MimeMultipart("alternative");
            var plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            alternative.addBodyPart(plain);
            var rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            alternative.addBodyPart(rich);
            part.setContent(alternative);
        } else if (html != null) {
            part.setText(html, "UTF-8", "html");
        } else {
            part.setText(text == null ? "" : text, "UTF-8");
        }
    }

    /** A string or {@code {name?, email}}, or (when {@code many}) an array of them. Absent and null read as none. */
    private static List<InternetAddress> addresses(JsonObject json, String field, boolean many) {
        var value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of(address(field, value, many));
        }
        if (!many) {
            throw new InvalidInputException(field, field + " must be one address, not a list");
        }
        var addresses = new ArrayList<InternetAddress>();
        var items = value.asJsonArray();
        for (int i = 0; i < items.size(); i++) {
            addresses.add(address(field + "[" + i + "]", items.get(i), true));
            if (addresses.size() > Email.MAX_RECIPIENTS) {
                throw new InvalidInputException(
                        field, field + " may list at most " + Email.MAX_RECIPIENTS + " addresses");
            }
        }
        return List.copyOf(addresses);
    }

    private static InternetAddress address(String field, JsonValue value, boolean many) {
        var shape = field + " must be an address: \"name@example.com\", \"Name <name@example.com>\" or"
                + " {\"name\": \"Name\", \"email\": \"name@example.com\"}" + (many ? ", or a list of them" : "");
        String email;
        String name = null;
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            email = ((JsonString) value).getString();
        } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            var object = value.asJsonObject();
            object.keySet().stream()
                    .filter(key -> !key.equals("name") && !key.equals("email"))
                    .findFirst()
                    .ifPresent(key -> {
                        throw new InvalidInputException(
                                field + "." + key,
                                field + "." + key + ": unknown field; an address has only name and email");
                    });
            email = headerText(object, "email", field + ".email", 320);
            name = headerText(object, "name", field + ".name", 256);
            if (email == null) {
                throw new InvalidInputException(field + ".email", field + ".email is required");
            }
        } else {
            throw new InvalidInputException(field, shape);
        }
        requireNoControl(field, email);
        try {
            // Strict: RFC 822 syntax, exactly one address, with a local part and a domain.
            var address = new InternetAddress(email, true);
            address.validate();
            if (address.isGroup() || address.getAddress().indexOf('@') < 1) {
                throw new AddressException("not a mailbox");
            }
            if (name != null) {
                address.setPersonal(name, StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new InvalidInputException(
                    field, field + " is not a valid email address: '" + clip(email) + "'. " + shape);
        }
    }

    private static List<Attachment> attachments(JsonObject json) {
        var value = json.get("attachments");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("attachments", "attachments must be a list of {content, filename, ...}");
        }
        var items = value.asJsonArray();
        if (items.size() > Email.MAX_ATTACHMENTS) {
            throw new InvalidInputException(
                    "attachments", "a mail may have at most " + Email.MAX_ATTACHMENTS + " attachments");
        }
        var attachments = new ArrayList<Attachment>();
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            var field = "attachments[" + i + "]";
            if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException(field, field + " must be an object {content, filename, ...}");
            }
            var attachment = attachment(field, items.get(i).asJsonObject());
            total += attachment.content().length;
            if (total > Email.MAX_ATTACHMENT_BYTES) {
                throw new InvalidInputException(
                        "attachments", "attachments may hold at most " + Email.MAX_ATTACHMENT_BYTES + " bytes in all");
            }
            attachments.add(attachment);
        }
        return List.copyOf(attachments);
    }

    private static Attachment attachment(String field, JsonObject json) {
        var known = Set.of("content", "filename", "type", "disposition", "contentId");
        json.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidInputException(
                    field + "." + key,
                    "unknown field; an attachment has content, filename, type, disposition, contentId");
        });
        var content = headerText(json, "content", field + ".content", Integer.MAX_VALUE);
        var filename = headerText(json, "filename", field + ".filename", 255);
        if (content == null) {
            throw new InvalidInputException(field + ".content", field + ".content (base64) is required");
        }
        if (filename == null || filename.isBlank()) {
            throw new InvalidInputException(field + ".filename", field + ".filename is required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content.replaceAll("[\\r\\n ]", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".content", field + ".content must be base64");
        }
        var type = Optional.ofNullable(headerText(json, "type", field + ".type", 255))
                .orElse("application/octet-stream");
        try {
            new ContentType(type);
        } catch (ParseException e) {
            throw new InvalidInputException(field + ".type", field + ".type must be a media type such as text/plain");
        }
        var disposition = Optional.ofNullable(headerText(json, "disposition", field + ".disposition", 16))
                .orElse(Part.ATTACHMENT);
        if (!disposition.equals(Part.ATTACHMENT) && !disposition.equals(Part.INLINE)) {
            throw new InvalidInputException(
                    field + ".disposition", field + ".disposition must be attachment or inline");
        }
        var contentId = headerText(json, "contentId", field + ".contentId", 255);
        if (contentId != null && !contentId.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.@-]+")) {
            throw new InvalidInputException(field + ".contentId", field + ".contentId must be like image1@example.com");
        }
        return new Attachment(filename, type, disposition, contentId, bytes);
    }

    private static String headerText(JsonObject json, String field, int max) {
        return headerText(json, field, field, max);
    }

    /** A one-line text: it goes into a header, where a line break would start a new one. */
    private static String headerText(JsonObject json, String name, String field, int max) {
        var value = string(json, name, field, max);
        if (value != null) {
            requireNoControl(field, value);
        }
        return value;
    }

    private static String text(JsonObject json, String field, int max) {
        return string(json, field, field, max);
    }

    private static String string(JsonObject json, String name, String field, int max) {
        var value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException(field, field + " must be a string");
        }
        var text = ((JsonString) value).getString();
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters");
        }
        // NUL and unpaired surrogates cannot be stored (PostgreSQL refuses them) nor sent as UTF-8.
        if (text.codePoints().anyMatch(c -> c == 0 || Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidInputException(
                    field, field + " must be text without NUL characters or unpaired surrogates");
        }
        return text;
    }

    private static void requireNoControl(String field, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(field, field + " must be one line, without control characters");
        }
    }

    private static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
