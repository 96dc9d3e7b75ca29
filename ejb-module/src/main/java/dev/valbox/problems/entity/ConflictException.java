package dev.valbox.problems.entity;

public class ConflictException extends ValboxException {

    public ConflictException(String field, String detail) {
        super(Kind.CONFLICT, field, detail);
    }
}
