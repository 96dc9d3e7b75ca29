package dev.valbox.hosting.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.control.RunResult;
import dev.valbox.execution.entity.EvaluationStatus;
import dev.valbox.hosting.control.Endpoints;
import dev.valbox.hosting.control.Hosts;
import dev.valbox.problems.boundary.PlainText;
import dev.valbox.problems.entity.ValboxException;
import dev.valbox.tokens.control.Bearer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves HTTP and Express vals on the run domain, on the plain servlet path (no JAX-RS, no session). The val gets
 * the request as it came, minus the site's session cookie and, for a legacy-private val, minus the API token that
 * opened it; its answer goes back as it gave it, minus any cookie Domain attribute.
 */
@ApplicationScoped
public class RunDomain {

    private static final Logger LOG = Logger.getLogger(RunDomain.class.getName());

    static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;
    static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "upgrade", "trailer");

    @Inject
    Endpoints endpoints;

    public void serve(Hosts.Endpoint endpoint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var body = request.getInputStream().readNBytes(MAX_REQUEST_BYTES + 1);
        if (body.length > MAX_REQUEST_BYTES) {
            PlainText.write(response, 413, "request body too large (the limit is 2 MB)");
            return;
        }
        var bearer = Bearer.token(request.getHeader("Authorization")).orElse(null);
        try {
            var outcome = endpoints.serve(endpoint, asJson(request, body), bearer);
            write(outcome.result(), response);
        } catch (ValboxException e) {
            PlainText.error(response, e);
        } catch (RuntimeException e) {
            // A fault of ours, not of the val: log it whole, tell the client nothing about it.
            LOG.log(Level.SEVERE, "serving " + endpoint + " failed", e);
            PlainText.write(response, 500, "the val could not run");
        }
    }

    private static void write(RunResult result, HttpServletResponse response) throws IOException {
        if (!result.ok()) {
            var status = result.status() == EvaluationStatus.TIMEOUT ? 504 : 500;
            var what =
                    switch (result.status()) {
                        case TIMEOUT -> "the val ran out of time";
                        case LIMIT -> "the val went over a limit";
                        default -> "the val failed: " + result.errorLine();
                    };
            PlainText.write(response, status, what);
            return;
        }
        var answer = result.value().asJsonObject();
        var bytes = Base64.getDecoder().decode(answer.getString("body", ""));
        if (bytes.length > MAX_RESPONSE_BYTES) {
            PlainText.write(response, 500, "the val's response is too large (the limit is 10 MB)");
            return;
        }
        response.setStatus(answer.getInt("status", 200));
        for (var header : answer.getJsonArray("headers").getValuesAs(JsonArray.class)) {
            var name = header.getString(0).toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name)) {
                continue;
            }
            var value = header.getString(1);
            response.addHeader(name, name.equals("set-cookie") ? SetCookies.hostOnly(value) : value);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static jakarta.json.JsonObject asJson(HttpServletRequest request, byte[] body) {
        var url = new StringBuilder(request.getScheme())
                .append("://")
                .append(request.getHeader("Host"))
                .append(request.getRequestURI());
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        var headers = JSON.createArrayBuilder();
        for (var name : Collections.list(request.getHeaderNames())) {
            var lower = name.toLowerCase(Locale.ROOT);
            for (var value : Collections.list(request.getHeaders(name))) {
                if (lower.equals("cookie")) {
                    value = withoutSessionCookie(value);
                    if (value.isEmpty()) {
                        continue;
                    }
                }
                headers.add(JSON.createArrayBuilder().add(lower).add(value));
            }
        }
        var json = JSON.createObjectBuilder()
                .add("method", request.getMethod())
                .add("url", url.toString())
                .add("headers", headers);
        if (body.length > 0) {
            json.add("body", Base64.getEncoder().encodeToString(body));
        } else {
            json.addNull("body");
        }
        return json.build();
    }

    /** The site's session cookie means nothing here and is never shown to a val, even if a browser sent it. */
    static String withoutSessionCookie(String cookieHeader) {
        return String.join(
                "; ",
                java.util.Arrays.stream(cookieHeader.split(";"))
                        .map(String::trim)
                        .filter(c -> !c.isEmpty() && !c.startsWith("valbox_session="))
                        .toList());
    }
}
