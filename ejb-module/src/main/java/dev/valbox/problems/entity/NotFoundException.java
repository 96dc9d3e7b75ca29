package dev.valbox.problems.entity;

/** Also what anything the caller may not see answers: existence is never revealed. */
public class NotFoundException extends ValboxException {

    public NotFoundException(String detail) {
        super(Kind.NOT_FOUND, detail);
    }
}
