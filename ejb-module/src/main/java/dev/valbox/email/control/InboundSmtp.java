package dev.valbox.email.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.control.RunCache;
import dev.valbox.execution.control.Runs;
import dev.valbox.execution.entity.Trigger;
import dev.valbox.site.control.Site;
import dev.valbox.vals.control.Vals;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import dev.valbox.vals.entity.ValVersion;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Email vals' inbox: an SMTP listener on {@code valbox.email.smtp-port} (0 turns it off) that starts and stops with the
 * application, on the server's managed threads. Mail to {@code {user}.{val}@{valbox.email.domain}} runs that email
 * val's default export with the parsed mail, as its author, through the same worker pool, limits and evaluation
 * records as every other run (trigger {@code email}). Anyone may send to an email val, whatever its privacy, as anyone
 * may call an HTTP val; the sender is not authenticated (no SPF or DKIM check), so {@code from} is only a claim.
 */
@ApplicationScoped
public class InboundSmtp {

    private static final Logger LOG = Logger.getLogger(InboundSmtp.class.getName());

    /** SPEC §8's recipient limit. */
    static final int MAX_RECIPIENTS = 50;

    @Inject
    @ConfigProperty(name = "valbox.email.smtp-port", defaultValue = "2525")
    int port;

    @Inject
    @ConfigProperty(name = "valbox.email.smtp-bind", defaultValue = "0.0.0.0")
    String bind;

    @Inject
    @ConfigProperty(name = "valbox.email.domain")
    Optional<String> configuredDomain;

    @Inject
    Site site;

    @Inject
    @ConfigProperty(name = "valbox.email.max-mb", defaultValue = "10")
    int maxMb;

    @Inject
    @ConfigProperty(name = "valbox.email.max-connections", defaultValue = "20")
    int maxConnections;

    @Inject
    Vals vals;

    @Inject
    RunCache cache;

    @Inject
    Runs runs;

    @Resource
    ManagedThreadFactory threads;

    private SmtpListener<ValVersion> listener;

    /** The listener starts with the application, so that mail is taken as soon as the server runs. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (port == 0) {
            LOG.info("inbound email is off (valbox.email.smtp-port=0)");
            return;
        }
        var limits = new SmtpListener.Limits(
                maxMb * 1024 * 1024,
                MAX_RECIPIENTS,
                maxConnections,
                Math.max(1, maxConnections / 4),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                20,
                100);
        try {
            var candidate = new SmtpListener<>(
                    InetAddress.getByName(bind), port, domain(), limits, threads, this::emailVal, this::deliver);
            candidate.start();
            listener = candidate;
            LOG.info("email vals: mail to {user}.{val}@" + domain() + " is taken on " + bind + ":" + listener.port());
        } catch (UnknownHostException | RuntimeException e) {
            // The rest of the server is still worth running; the log says why no mail is taken.
            LOG.log(Level.SEVERE, "email vals: cannot listen for mail on " + bind + ":" + port, e);
        }
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.stop();
            listener = null;
        }
    }

    /** The domain of email vals' addresses: {@code valbox.email.domain}, else the host of the site's URL. */
    public String domain() {
        return configuredDomain
                .filter(domain -> !domain.isBlank())
                .map(String::strip)
                .orElseGet(() -> defaultDomain(site.url()));
    }

    /** Whether mail is taken at all (it is unless the port is 0 or could not be bound). */
    public boolean listening() {
        return listener != null;
    }

    static String defaultDomain(String siteUrl) {
        var host = URI.create(siteUrl.strip()).getHost();
        return host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
    }

    /** The current version of the email val an address names; any other address or type is refused. */
    private Optional<ValVersion> emailVal(String address) {
        return ValAddress.parse(address, domain())
                .flatMap(named -> cache.<Optional<ValVersion>>get(
                        "email:" + named.username() + "/" + Val.key(named.valName()),
                        () -> vals.current(named.username(), named.valName())))
                .filter(version -> version.val().type() == ValType.EMAIL);
    }

    /** Runs each addressed val with the mail, one after the other. */
    private void deliver(List<ValVersion> to, JsonObject mail) {
        var args = JSON.createArrayBuilder().add(mail).build();
        for (var version : to) {
            runs.trigger(version, args, Trigger.EMAIL);
        }
    }
}
