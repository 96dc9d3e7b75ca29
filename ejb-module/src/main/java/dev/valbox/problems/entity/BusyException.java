package dev.valbox.problems.entity;

/** Every worker is busy and the queue is full: try again after {@link #retryAfterSeconds()}. */
public class BusyException extends ValboxException {

    private final int retryAfterSeconds;

    public BusyException(String detail, int retryAfterSeconds) {
        super(Kind.UNAVAILABLE, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
