package dev.valbox.email.control;

import dev.valbox.tokens.control.LeakedTokenRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Tells a token's owner by email that it was found in public and revoked (outbox when no SMTP is configured). */
@ApplicationScoped
public class LeakNotices {

    @Inject
    Emails emails;

    void tell(@Observes LeakedTokenRevoked leak) {
        emails.notice(
                leak.owner(),
                "Your Valbox " + leak.what() + " was found in public and has been revoked",
                "GitHub secret scanning reported your " + leak.what() + " as publicly exposed"
                        + (leak.url().isEmpty() ? "" : ", at " + leak.url())
                        + ".\n\nValbox revoked it at " + leak.revokedAt()
                        + ": it no longer works. If you still need a token, create a new one and keep it out of code"
                        + " and files you publish.\n");
    }
}
