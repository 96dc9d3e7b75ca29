package dev.valbox.problems.entity;

public class ForbiddenException extends ValboxException {

    public ForbiddenException(String detail) {
        super(Kind.FORBIDDEN, detail);
    }

    /** Refused because of what one request field asks for, not because of who is asking. */
    public ForbiddenException(String field, String detail) {
        super(Kind.FORBIDDEN, field, detail);
    }
}
