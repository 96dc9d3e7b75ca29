package dev.valbox.email.boundary;

import dev.valbox.email.entity.Email;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A listed mail: its headers as they went out, its bodies, the files it carried and whether it left the server. */
public record EmailResponse(
        UUID id,
        String status,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        List<Email.Attached> attachments,
        Instant createdAt) {

    public static EmailResponse from(Email email) {
        return new EmailResponse(
                email.id(),
                email.status().wire(),
                email.from(),
                email.to(),
                email.cc(),
                email.bcc(),
                email.replyTo(),
                email.subject(),
                email.text(),
                email.html(),
                email.attachments(),
                email.createdAt());
    }
}
