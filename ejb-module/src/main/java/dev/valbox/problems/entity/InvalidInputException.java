package dev.valbox.problems.entity;

/** Bad input: the request is understood but a field breaks a rule. Always names the field. */
public class InvalidInputException extends ValboxException {

    public InvalidInputException(String field, String detail) {
        super(Kind.INVALID, field, detail);
    }
}
