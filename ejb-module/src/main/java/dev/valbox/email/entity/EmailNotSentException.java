package dev.valbox.email.entity;

import dev.valbox.problems.entity.ValboxException;

/** The SMTP server could not be reached or did not take the mail. Nothing was sent and nothing is recorded. */
public class EmailNotSentException extends ValboxException {

    public EmailNotSentException(String detail) {
        super(Kind.UNAVAILABLE, detail);
    }
}
