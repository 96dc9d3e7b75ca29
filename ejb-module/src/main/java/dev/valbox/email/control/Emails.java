package dev.valbox.email.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.email.entity.Email;
import dev.valbox.email.entity.EmailNotSentException;
import dev.valbox.email.entity.EmailStatus;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.vals.control.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sending and listing a user's mail, for the REST API and std/email alike. */
@Stateless
public class Emails {

    /** The display name of the server's own notices. */
    static final String NOTICE_SENDER = "Valbox";

    private static final Logger LOG = Logger.getLogger(Emails.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Smtp smtp;

    @Inject
    @ConfigProperty(name = "valbox.email.allow-any-recipient", defaultValue = "false")
    boolean allowAnyRecipient;

    /**
     * Sends the mail from the server's address in the caller's name ({@code to} defaults to the caller's own address)
     * and records it. A refused recipient, a foreign {@code from} or a delivery failure leaves nothing sent or stored.
     */
    public Email send(Caller caller, OutgoingEmail request) {
        caller.require(Scope.EMAIL_WRITE);
        var author = caller.user();
        var sender = smtp.sender(author.username());
        request.from()
                .filter(asked -> !asked.getAddress().equalsIgnoreCase(sender.getAddress()))
                .ifPresent(asked -> {
                    throw new InvalidInputException(
                            "from",
                            "mail is always sent from " + sender.getAddress() + " with your username as its name;"
                                    + " use replyTo for the address replies should go to");
                });
        var to = request.to().isEmpty() ? List.of(own(author)) : request.to();
        if (!allowAnyRecipient) {
            requireOwn("to", to, author);
            requireOwn("cc", request.cc(), author);
            requireOwn("bcc", request.bcc(), author);
        }
        var email = new Email(
                author,
                sender.toUnicodeString(),
                unicode(to),
                unicode(request.cc()),
                unicode(request.bcc()),
                unicode(request.replyTo()),
                request.subject(),
                request.text(),
                request.html(),
                request.attachments().stream()
                        .map(OutgoingEmail.Attachment::recorded)
                        .toList(),
                post(request, sender, to));
        em.persist(email);
        return email;
    }

    /**
     * A notice from the server to a user (a leaked token was revoked, say), sent from the server's address and recorded
     * with the user's mail. It never fails its caller: when the SMTP server cannot take it, it stays in the outbox and
     * the failure is logged, so whatever the notice is about still happens.
     */
    public Email notice(User user, String subject, String text) {
        var sender = smtp.sender(NOTICE_SENDER);
        var to = List.of(own(user));
        var notice = new OutgoingEmail(
                Optional.empty(), to, List.of(), List.of(), List.of(), subject, text, null, List.of());
        EmailStatus status;
        try {
            status = post(notice, sender, to);
        } catch (EmailNotSentException e) {
            LOG.warning("a notice to " + user.username() + " stays in their outbox: " + e.getMessage());
            status = EmailStatus.OUTBOX;
        }
        var email = new Email(
                user,
                sender.toUnicodeString(),
                unicode(to),
                List.of(),
                List.of(),
                List.of(),
                subject,
                text,
                null,
                List.of(),
                status);
        em.persist(email);
        return email;
    }

    /** The caller's mail, newest first. */
    public Page<Email> list(Caller caller, int offset, int limit) {
        caller.require(Scope.EMAIL_READ);
        Page.check(offset, limit);
        return Page.of(
                em.createNamedQuery(Email.OF_OWNER, Email.class)
                        .setParameter("owner", caller.user())
                        .setFirstResult(offset)
                        .setMaxResults(limit + 1)
                        .getResultList(),
                offset,
                limit);
    }

    private EmailStatus post(OutgoingEmail request, InternetAddress sender, List<InternetAddress> to) {
        try {
            return smtp.post(request.message(smtp.session(), sender, to));
        } catch (MessagingException e) {
            // Every field was checked when the request was read; a message that still cannot be built is our fault.
            throw new IllegalStateException("the checked mail could not be composed", e);
        }
    }

    private static InternetAddress own(User author) {
        try {
            return new InternetAddress(author.email(), false);
        } catch (AddressException e) {
            throw new IllegalStateException("a stored email address does not parse", e);
        }
    }

    /** Unless the operator allows any recipient, a user mails only themselves: the server is no open relay. */
    private static void requireOwn(String field, List<InternetAddress> addresses, User author) {
        addresses.stream()
                .filter(address -> !address.getAddress().equalsIgnoreCase(author.email()))
                .findFirst()
                .ifPresent(address -> {
                    throw new ForbiddenException(
                            field,
                            "This server only sends mail to your own address (" + author.email() + "); " + field
                                    + " lists " + address.getAddress() + ".");
                });
    }

    private static List<String> unicode(List<InternetAddress> addresses) {
        return addresses.stream().map(InternetAddress::toUnicodeString).toList();
    }
}
