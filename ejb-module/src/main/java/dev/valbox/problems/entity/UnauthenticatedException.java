package dev.valbox.problems.entity;

public class UnauthenticatedException extends ValboxException {

    public UnauthenticatedException(String detail) {
        super(Kind.UNAUTHENTICATED, detail);
    }
}
