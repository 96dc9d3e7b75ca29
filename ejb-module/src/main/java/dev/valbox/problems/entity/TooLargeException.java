package dev.valbox.problems.entity;

public class TooLargeException extends ValboxException {

    public TooLargeException(String field, String detail) {
        super(Kind.TOO_LARGE, field, detail);
    }
}
