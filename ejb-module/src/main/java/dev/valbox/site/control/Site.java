package dev.valbox.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this server answers. {@code valbox.site.url} has its default ({@code http://localhost:8080}) in {@code
 * META-INF/microprofile-config.properties} instead of here, since MicroProfile JWT's issuer is configured from it
 * there.
 */
@ApplicationScoped
public class Site {

    @Inject
    @ConfigProperty(name = "valbox.site.url")
    String url;

    @Inject
    @ConfigProperty(name = "valbox.site.hosts", defaultValue = "localhost,127.0.0.1")
    String hosts;

    @Inject
    @ConfigProperty(name = "valbox.run.domain", defaultValue = "run.localhost")
    String runDomain;

    public Site() {}

    public Site(String url, String hosts, String runDomain) {
        this.url = url;
        this.hosts = hosts;
        this.runDomain = runDomain;
    }

    /** The site's public URL, as configured (it may end in a slash). */
    public String url() {
        return url;
    }

    /** The host names, separated by commas, that serve the UI and the API on any port. */
    public String hosts() {
        return hosts;
    }

    /** The domain under which vals answer, as configured. */
    public String runDomain() {
        return runDomain;
    }
}
