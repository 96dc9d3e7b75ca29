package dev.valbox.problems.entity;

import jakarta.ejb.ApplicationException;

/**
 * The root of every domain error. It carries a {@link Kind}, and the kind is the one table every entrance renders
 * errors from: the API's problem+json, the run domain's and {@code /v}'s plain answers, and the errors a val's host
 * calls throw. Marked as an application exception so it crosses the EJB boundary unwrapped and rolls back.
 */
@ApplicationException(rollback = true)
public class ValboxException extends RuntimeException {

    /**
     * What went wrong, and how each entrance says it: the HTTP status with the problem type's slug and title, and the
     * error name a val sees when a host call fails (Val Town's std library throws these names).
     */
    public enum Kind {
        INVALID(400, "invalid", "Invalid request", "TypeError"),
        UNAUTHENTICATED(401, "unauthenticated", "Unauthorized", "PermissionError"),
        FORBIDDEN(403, "forbidden", "Forbidden", "PermissionError"),
        NOT_FOUND(404, "not-found", "Not Found", "NotFoundError"),
        CONFLICT(409, "conflict", "Conflict", "Error"),
        LIMIT(409, "limit", "Limit reached", "Error"),
        TOO_LARGE(413, "too-large", "Content Too Large", "Error"),
        UNAVAILABLE(503, "unavailable", "Service Unavailable", "Error");

        private final int status;
        private final String slug;
        private final String title;
        private final String scriptError;

        Kind(int status, String slug, String title, String scriptError) {
            this.status = status;
            this.slug = slug;
            this.title = title;
            this.scriptError = scriptError;
        }

        public int status() {
            return status;
        }

        /** The last segment of the problem type URI. */
        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        /** The {@code name} of the error a failed host call throws in the val. */
        public String scriptError() {
            return scriptError;
        }
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
