package dev.valbox.problems.entity;

public class ForbiddenException extends ValboxException {

    public ForbiddenException(String detail) {
        super(Kind.FORBIDDEN, detail);
    }
}
