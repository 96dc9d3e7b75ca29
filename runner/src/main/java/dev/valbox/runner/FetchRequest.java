package dev.valbox.runner;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A val's fetch as the runtime hands it over: the JSON of {@code {url, method, headers, redirect}} plus
 * the body as a byte string. Validated here, on the run thread, so that a bad request rejects at once.
 */
record FetchRequest(URI url, String method, List<Header> headers, Redirect redirect, byte[] body) {

    static final int MAX_BODY_BYTES = 10 << 20;

    private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

    enum Redirect {
        FOLLOW,
        ERROR,
        MANUAL
    }

    record Header(String name, String value) {}

    static FetchRequest parse(String json, String binaryBody) throws FetchFailed {
        Map<String, Object> fields;
        try {
            fields = Frames.JSON_TEXT.mapFrom(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed fetch request from the runtime", e);
        }
        URI url = url(String.valueOf(fields.get("url")));
        String method = String.valueOf(fields.get("method"));
        if (!method.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")
                || FORBIDDEN_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw new FetchFailed("the method " + method + " is not allowed");
        }
        List<Header> headers = new ArrayList<>();
        if (fields.get("headers") instanceof List<?> pairs) {
            for (Object pair : pairs) {
                List<?> nameValue = (List<?>) pair;
                headers.add(new Header(String.valueOf(nameValue.get(0)), String.valueOf(nameValue.get(1))));
            }
        }
        Redirect redirect =
                switch (String.valueOf(fields.get("redirect"))) {
                    case "error" -> Redirect.ERROR;
                    case "manual" -> Redirect.MANUAL;
                    default -> Redirect.FOLLOW;
                };
        if (binaryBody != null && binaryBody.length() > MAX_BODY_BYTES) {
            throw new FetchFailed("the request body is larger than the limit of " + (MAX_BODY_BYTES >> 20) + " MB");
        }
        // A byte string holds one byte per char, which is exactly what ISO-8859-1 encodes.
        byte[] body = binaryBody == null ? null : binaryBody.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new FetchRequest(url, method, List.copyOf(headers), redirect, body);
    }

    /** An http or https URL with a host, as fetch may use it (also for each redirect's Location). */
    static URI url(String text) throws FetchFailed {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new FetchFailed("invalid URL " + text);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailed(
                    "the URL scheme must be http or https, not " + (scheme.isEmpty() ? "missing" : scheme));
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new FetchFailed("the URL " + text + " has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new FetchFailed("URLs with credentials are not supported; send an Authorization header");
        }
        return url;
    }

    FetchRequest withTarget(URI next, String nextMethod, byte[] nextBody, List<Header> nextHeaders) {
        return new FetchRequest(next, nextMethod, nextHeaders, redirect, nextBody);
    }
}
