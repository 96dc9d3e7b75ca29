package dev.valbox.email.entity;

/** What became of a mail: handed to the SMTP server, or kept because none is configured. */
public enum EmailStatus {
    SENT("sent", "Email sent"),
    OUTBOX("outbox", "Email kept in your outbox: this server has no SMTP server configured");

    private final String wire;
    private final String message;

    EmailStatus(String wire, String message) {
        this.wire = wire;
        this.message = message;
    }

    /** What the sender is told, as Val Town's {@code {message}} answer. */
    public String message() {
        return message;
    }

    public String wire() {
        return wire;
    }
}
