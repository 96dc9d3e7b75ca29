package dev.valbox.problems.entity;

/** A configured limit (count, quota) would be exceeded; nothing was changed. */
public class LimitException extends ValboxException {

    public LimitException(String detail) {
        super(Kind.LIMIT, detail);
    }
}
