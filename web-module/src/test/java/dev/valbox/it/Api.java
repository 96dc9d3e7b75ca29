package dev.valbox.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for black-box tests. Payara Micro reports its external address to Arquillian; the tests talk to
 * {@code localhost} on the same port instead, because only the configured site hosts reach the API.
 */
public final class Api {

    /** HTTP/1.1 only: after an h2c upgrade the client sends :authority and drops a custom Host header. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final Map<String, String> headers;

    private Api(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public static Api at(URL deployed) {
        return new Api(URI.create("http://localhost:" + deployed.getPort() + "/"), Map.of());
    }

    public URI base() {
        return base;
    }

    public Api token(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** Sends this Host header instead of the one the URL implies. */
    public Api host(String host) {
        return header("Host", host);
    }

    public Api header(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Api(base, Map.copyOf(copy));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply send(String method, String path, String json) {
        var builder = request(
                method,
                path,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        return new Reply(exchange(builder, HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends any body (bytes, a stream); the answer is read as text. */
    public Reply upload(String method, String path, HttpRequest.BodyPublisher body) {
        return new Reply(exchange(request(method, path, body), HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends any body (bytes, a stream) and answers the response's raw bytes: for endpoints that are not JSON. */
    public HttpResponse<byte[]> bytes(String method, String path, HttpRequest.BodyPublisher body) {
        return exchange(request(method, path, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body) {
        var builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(180))
                .method(method, body);
        headers.forEach(builder::header);
        return builder;
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(builder.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with the body read as JSON on demand. */
    public record Reply(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            }
        }

        public JsonObject object() {
            return json().asJsonObject();
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.uri() + " -> " + status() + " " + body();
        }
    }
}
