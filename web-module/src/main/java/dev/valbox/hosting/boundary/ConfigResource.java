package dev.valbox.hosting.boundary;

import dev.valbox.accounts.control.Accounts;
import dev.valbox.email.control.InboundSmtp;
import dev.valbox.site.control.Site;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

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
    Site site;

    @Inject
    Accounts accounts;

    @GET
    public ConfigResponse get() {
        return new ConfigResponse(
                site.runDomain().trim().toLowerCase(Locale.ROOT),
                inbound.listening() ? inbound.domain() : null,
                accounts.signupEnabled());
    }
}
