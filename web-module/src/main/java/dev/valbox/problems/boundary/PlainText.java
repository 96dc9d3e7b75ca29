package dev.valbox.problems.boundary;

import dev.valbox.problems.entity.BusyException;
import dev.valbox.problems.entity.ValboxException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain-text answers of the entrances outside JAX-RS (the run domain, {@code /v} module source). A domain error is
 * rendered from its kind, as the API's problem mapper does: the same status, the same headers, its detail as the body.
 * The text is never sniffed into anything else.
 */
public final class PlainText {

    private PlainText() {}

    /** A message for people: one line. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, message + "\n");
    }

    /** A text served as it is (a val's source). */
    public static void verbatim(HttpServletResponse response, String text) throws IOException {
        send(response, 200, text);
    }

    private static void send(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    public static void error(HttpServletResponse response, ValboxException e) throws IOException {
        headers(e).forEach(response::setHeader);
        write(response, e.kind().status(), e.getMessage());
    }

    /** The headers an error's answer carries at every entrance: when to retry a busy server, how to authenticate. */
    static Map<String, String> headers(ValboxException e) {
        var headers = new LinkedHashMap<String, String>();
        if (e instanceof BusyException busy) {
            headers.put("Retry-After", String.valueOf(busy.retryAfterSeconds()));
        }
        if (e.kind() == ValboxException.Kind.UNAUTHENTICATED) {
            headers.put("WWW-Authenticate", "Bearer realm=\"valbox\"");
        }
        return headers;
    }
}
