package dev.valbox.hosting.boundary;

import dev.valbox.email.control.InboundSmtp;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a client needs to know about this server to build links: the run domain its vals answer on, the domain of
 * email vals' addresses (absent when the server takes no mail) and whether anyone may sign up. The web UI builds an
 * HTTP val's URL from it ({@code {user}-{val}.web.{runDomain}}, with the page's own scheme and port), and an email
 * val's address ({@code {user}.{val}@{emailDomain}}).
 */
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    public record ConfigResponse(String runDomain, String emailDomain, boolean signupEnabled) {}

    @Inject
    InboundSmtp inbound;

    @Inject
    @ConfigProperty(name = "valbox.run.domain", defaultValue = "run.localhost")
    String runDomain;

    @Inject
    @ConfigProperty(name = "valbox.signup.enabled", defaultValue = "true")
    boolean signupEnabled;

    @GET
    public ConfigResponse get() {
        return new ConfigResponse(
                runDomain.trim().toLowerCase(Locale.ROOT),
                inbound.listening() ? inbound.domain() : null,
                signupEnabled);
    }
}
