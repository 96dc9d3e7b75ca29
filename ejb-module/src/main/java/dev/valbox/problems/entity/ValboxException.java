package dev.valbox.problems.entity;

import jakarta.ejb.ApplicationException;

/**
 * The root of every domain error. It carries a {@link Kind}, never an HTTP status: the boundary decides how a kind
 * is rendered. Marked as an application exception so it crosses the EJB boundary unwrapped and rolls back.
 */
@ApplicationException(rollback = true)
public class ValboxException extends RuntimeException {

    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        LIMIT,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;
    private final String code;

    public ValboxException(Kind kind, String detail) {
        this(kind, null, detail);
    }

    public ValboxException(Kind kind, String field, String detail) {
        this(kind, field, detail, null);
    }

    protected ValboxException(Kind kind, String field, String detail, String code) {
        super(detail, null, false, false);
        this.kind = kind;
        this.field = field;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field or parameter at fault, if the error is about one. */
    public String field() {
        return field;
    }

    /** A machine-readable code for clients that expect one (libSQL's {@code SQLITE_CONSTRAINT}); usually null. */
    public String code() {
        return code;
    }
}
