package dev.valbox.email.entity;

import dev.valbox.accounts.entity.User;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A mail a user sent (or that waits in their outbox): the headers as they went out and its text and HTML. Attachments
 * are recorded by name, type and size only. Address lists are kept one address a line: an address that passed the
 * strict check cannot hold a line break.
 */
@Entity
@Table(name = "vb_email")
@NamedQuery(
        name = Email.OF_OWNER,
        query = "SELECT e FROM Email e WHERE e.owner = :owner ORDER BY e.createdAt DESC, e.id")
public class Email {

    public static final String OF_OWNER = "Email.ofOwner";

    /** RFC 5322's line limit, so the subject never has to be folded mid-word by a strict server. */
    public static final int MAX_SUBJECT = 998;

    /** Per body (text, HTML), in characters. */
    public static final int MAX_BODY = 1_000_000;

    public static final int MAX_RECIPIENTS = 50;
    public static final int MAX_ATTACHMENTS = 10;
    public static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

    /** A file sent with the mail, as recorded. */
    public record Attached(String filename, String type, long size) {}

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "sender", nullable = false, length = 1024)
    private String from;

    @Lob
    @Column(name = "to_addresses", nullable = false)
    private String to;

    @Lob
    @Column(name = "cc_addresses")
    private String cc;

    @Lob
    @Column(name = "bcc_addresses")
    private String bcc;

    @Lob
    @Column(name = "reply_to_addresses")
    private String replyTo;

    /** Room for {@link #MAX_SUBJECT} code points even when each takes two UTF-16 chars. */
    @Column(length = 2 * MAX_SUBJECT)
    private String subject;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "body_text")
    private String text;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "body_html")
    private String html;

    /** One {@code filename TAB type TAB size} line per attachment. */
    @Lob
    private String attachments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EmailStatus status;

    @Column(nullable = false)
    private Instant createdAt;

    protected Email() {}

    public Email(
            User owner,
            String from,
            List<String> to,
            List<String> cc,
            List<String> bcc,
            List<String> replyTo,
            String subject,
            String text,
            String html,
            List<Attached> attachments,
            EmailStatus status) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.from = from;
        this.to = lines(to);
        this.cc = lines(cc);
        this.bcc = lines(bcc);
        this.replyTo = lines(replyTo);
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.attachments = lines(attachments.stream()
                .map(a -> a.filename() + "\t" + a.type() + "\t" + a.size())
                .toList());
        this.status = status;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    private static List<String> split(String lines) {
        return lines == null ? List.of() : List.of(lines.split("\n"));
    }

    public UUID id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String from() {
        return from;
    }

    public List<String> to() {
        return split(to);
    }

    public List<String> cc() {
        return split(cc);
    }

    public List<String> bcc() {
        return split(bcc);
    }

    public List<String> replyTo() {
        return split(replyTo);
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public List<Attached> attachments() {
        return split(attachments).stream()
                .map(line -> Arrays.asList(line.split("\t", 3)))
                .map(parts -> new Attached(parts.get(0), parts.get(1), Long.parseLong(parts.get(2))))
                .toList();
    }

    public EmailStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
