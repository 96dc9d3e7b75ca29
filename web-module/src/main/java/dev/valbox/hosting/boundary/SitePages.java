package dev.valbox.hosting.boundary;

import dev.valbox.site.control.Site;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The web UI on the site hosts: static files under {@code /assets} and one page, {@code index.html}, that draws every
 * route of the single-page app. Everything the UI serves carries a strict Content-Security-Policy: scripts and styles
 * only from the site's own files, requests only to the site, frames only from the run domain (the preview of an HTTP
 * val). The API, module source and health endpoints pass through untouched; they send their own headers. Runs after
 * {@link HostRouting} (see {@code web.xml}), so it only ever sees requests for the site.
 */
public class SitePages extends HttpFilter {

    /** Not the UI: the API, module source, health, OpenAPI and metrics. */
    private static final Pattern NOT_UI = Pattern.compile("/(v1|v|health|openapi|metrics)(/.*)?");

    /** The app's routes (ROUTES in assets/js/main.js); any other page path draws its "not found" page with a 404. */
    private static final Pattern PAGES = Pattern.compile("/|/login|/signup|/settings|/search|/u/[^/]+(/[^/]+)?");

    @Inject
    Site site;

    private String policy;
    private byte[] page;

    @Override
    public void init() {
        policy = policy(site.runDomain());
        try (var in = getServletContext().getResourceAsStream("/index.html")) {
            if (in == null) {
                throw new IllegalStateException("index.html is missing from the WAR");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scheme-less sources match the page's own scheme, so one policy serves http and https. */
    static String policy(String runDomain) {
        var run = runDomain.trim().toLowerCase(Locale.ROOT);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; frame-src *.web." + run + ":* *.express." + run + ":*;"
                + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (NOT_UI.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (path.startsWith("/assets/") || path.contains(".")) {
            chain.doFilter(request, response);
            return;
        }
        var method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        response.setStatus(PAGES.matcher(path).matches() ? 200 : 404);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(page.length);
        if (method.equals("GET")) {
            response.getOutputStream().write(page);
        }
    }
}
