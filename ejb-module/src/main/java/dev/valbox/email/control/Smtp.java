package dev.valbox.email.control;

import dev.valbox.email.entity.EmailNotSentException;
import dev.valbox.email.entity.EmailStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The way out: the configured SMTP server through Jakarta Mail, or, when no host is configured, nowhere (the mail
 * stays in the outbox). Delivery errors are logged in full for the operator and reported to the sender without the
 * server's internals.
 */
@ApplicationScoped
public class Smtp {

    private static final Logger LOG = Logger.getLogger(Smtp.class.getName());

    @Inject
    @ConfigProperty(name = "valbox.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "valbox.mail.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "valbox.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "valbox.mail.smtp.password")
    Optional<String> password;

    /** Required when true: mail is never sent in the clear to a server that does not offer STARTTLS. */
    @Inject
    @ConfigProperty(name = "valbox.mail.smtp.starttls", defaultValue = "true")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "valbox.mail.smtp.timeout-ms", defaultValue = "10000")
    int timeoutMs;

    @Inject
    @ConfigProperty(name = "valbox.mail.from", defaultValue = "valbox@localhost")
    String from;

    private Session session;

    @PostConstruct
    void connect() {
        var properties = new Properties();
        host.filter(h -> !h.isBlank()).ifPresent(h -> properties.put("mail.smtp.host", h.trim()));
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMs));
        properties.put("mail.smtp.timeout", String.valueOf(timeoutMs));
        properties.put("mail.smtp.writetimeout", String.valueOf(timeoutMs));
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
        var login = user.filter(u -> !u.isBlank());
        properties.put("mail.smtp.auth", String.valueOf(login.isPresent()));
        session = Session.getInstance(
                properties,
                login.isEmpty()
                        ? null
                        : new jakarta.mail.Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(login.get(), password.orElse(""));
                            }
                        });
    }

    public boolean configured() {
        return session.getProperty("mail.smtp.host") != null;
    }

    Session session() {
        return session;
    }

    /** The server's sender address, shown as {@code name}: every mail leaves from it, whoever wrote it. */
    public InternetAddress sender(String name) {
        try {
            var sender = new InternetAddress(from, true);
            sender.setPersonal(name, StandardCharsets.UTF_8.name());
            return sender;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("valbox.mail.from is not an email address: " + from, e);
        }
    }

    /** Hands the message to the SMTP server when one is configured; answers what became of it. */
    public EmailStatus post(MimeMessage message) {
        if (!configured()) {
            return EmailStatus.OUTBOX;
        }
        try {
            Transport.send(message);
            return EmailStatus.SENT;
        } catch (AuthenticationFailedException e) {
            throw notSent("the mail server refused this server's login", e);
        } catch (SendFailedException e) {
            throw notSent("the mail server refused the message or its recipients", e);
        } catch (MessagingException e) {
            throw notSent("the mail server could not be reached", e);
        }
    }

    private EmailNotSentException notSent(String reason, MessagingException e) {
        LOG.log(Level.WARNING, "mail to " + session.getProperty("mail.smtp.host") + ":" + port + " failed", e);
        return new EmailNotSentException("The email was not sent: " + reason + ". Nothing was sent; try again later.");
    }
}
