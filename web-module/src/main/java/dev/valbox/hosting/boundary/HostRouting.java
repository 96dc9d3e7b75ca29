package dev.valbox.hosting.boundary;

import dev.valbox.hosting.control.Hosts;
import dev.valbox.problems.boundary.PlainText;
import dev.valbox.site.control.Site;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The first thing every request meets. Only the site hosts reach the API and the UI; a request for a host under the
 * run domain is answered here by {@link RunDomain} and never gets past this filter into them; any other host is
 * answered 404. Declared in {@code web.xml}, where filter order is defined: it must come before {@link SitePages}.
 */
public class HostRouting extends HttpFilter {

    @Inject
    Site site;

    @Inject
    RunDomain runDomain;

    private Hosts hosts;

    @Override
    public void init() {
        hosts = Hosts.of(site.hosts(), site.runDomain());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        switch (hosts.classify(request.getHeader("Host"))) {
            case SITE -> chain.doFilter(request, response);
            case RUN -> {
                var endpoint = hosts.endpoint(request.getHeader("Host"));
                if (endpoint.isPresent()) {
                    runDomain.serve(endpoint.get(), request, response);
                } else {
                    PlainText.write(response, 404, "no such val");
                }
            }
            case UNKNOWN -> PlainText.write(response, 404, "unknown host");
        }
    }
}
