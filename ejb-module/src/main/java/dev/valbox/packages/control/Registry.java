package dev.valbox.packages.control;

import static dev.valbox.json.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The npm registry Valbox resolves packages from: {@code valbox.npm.registry}, else the one npm on this machine is
 * configured with ({@code NPM_CONFIG_REGISTRY}, else {@code registry=} in {@code ~/.npmrc}), so a corporate mirror
 * works without extra set-up; {@code bin/valbox} passes what {@code npm config get registry} answers. Every call has
 * a connect and a total timeout, and every body a size cap. Package metadata is kept in memory for a few minutes:
 * a second save of the same imports asks the registry nothing.
 *
 * <p>TLS uses the JDK's own trust store, not the application server's, whose store may lack the public CAs a
 * registry's certificate chains to.
 */
@ApplicationScoped
public class Registry {

    /**
     * The registry could not be asked: unset, unreachable, slow or failing; the message says how, to follow "the
     * registry cannot be reached". Packages already stored still resolve.
     */
    public static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    /** The registry has no such package. */
    public static final class UnknownPackageException extends Exception {
        UnknownPackageException(String message) {
            super(message, null, false, false);
        }
    }

    static final long METADATA_SECONDS = 300;
    /** Abbreviated metadata of the largest packages is a few MB; a bigger answer is no metadata. */
    static final long MAX_METADATA_BYTES = 64L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "valbox.npm.registry")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "valbox.npm.timeout-ms", defaultValue = "30000")
    long timeoutMs;

    private HttpClient client;
    private final Map<String, Cached> metadata = new ConcurrentHashMap<>();

    private record Cached(JsonObject document, long loadedAt) {}

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(Math.min(timeoutMs, 10_000)))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(jdkTrust())
                .build();
    }

    /** The registry's base URL, ending in {@code /}; empty when none is configured anywhere. */
    public Optional<String> url() {
        return configured
                .filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("NPM_CONFIG_REGISTRY")))
                .or(() -> Optional.ofNullable(System.getenv("npm_config_registry")))
                .or(Registry::fromNpmrc)
                .map(String::trim)
                .filter(s -> s.startsWith("http://") || s.startsWith("https://"))
                .map(s -> s.endsWith("/") ? s : s + "/");
    }

    /** A package's abbreviated metadata ({@code dist-tags}, {@code versions}), as recently fetched. */
    public JsonObject metadata(String name) throws UnavailableException, UnknownPackageException {
        var cached = metadata.get(name);
        if (cached != null && System.nanoTime() - cached.loadedAt() < TimeUnit.SECONDS.toNanos(METADATA_SECONDS)) {
            return cached.document();
        }
        var base = url().orElseThrow(() -> new UnavailableException("none is configured: set valbox.npm.registry"));
        var uri = URI.create(
                base + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%40", "@"));
        var body = get(
                uri,
                "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8",
                MAX_METADATA_BYTES,
                "no package " + name + " in the registry");
        JsonObject document;
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            document = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new UnavailableException("its answer for " + name + " is not package metadata");
        }
        if (metadata.size() > 1_000) {
            metadata.clear();
        }
        metadata.put(name, new Cached(document, System.nanoTime()));
        return document;
    }

    /** A tarball, refused past {@code maxBytes}. */
    public byte[] tarball(PackageVersion version, long maxBytes) throws UnavailableException, UnknownPackageException {
        URI uri;
        try {
            uri = URI.create(version.tarball());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownPackageException(version.id() + " has no tarball URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new UnknownPackageException(version.id() + " has no http(s) tarball URL");
        }
        return get(uri, "application/octet-stream", maxBytes, "the registry has no tarball for " + version.id());
    }

    private byte[] get(URI uri, String accept, long maxBytes, String notFound)
            throws UnavailableException, UnknownPackageException {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(timeoutMs))
                .header("Accept", accept)
                .GET()
                .build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var in = response.body()) {
                if (response.statusCode() == 404) {
                    throw new UnknownPackageException(notFound);
                }
                if (response.statusCode() != 200) {
                    throw new UnavailableException("it answered HTTP " + response.statusCode());
                }
                var length =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (length > maxBytes) {
                    throw new TooLargeException();
                }
                return capped(in, maxBytes);
            }
        } catch (TooLargeException e) {
            throw new UnknownPackageException(
                    "the download is over the size cap of " + maxBytes / (1024 * 1024) + " MB");
        } catch (IOException e) {
            throw new UnavailableException(
                    e instanceof java.net.http.HttpTimeoutException
                            ? "it did not answer within " + timeoutMs + " ms"
                            : "no connection: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted");
        }
    }

    private static final class TooLargeException extends IOException {}

    private static byte[] capped(InputStream in, long maxBytes) throws IOException {
        var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new TooLargeException();
        }
        return bytes;
    }

    private static Optional<String> fromNpmrc() {
        var npmrc = Path.of(System.getProperty("user.home"), ".npmrc");
        if (!Files.isRegularFile(npmrc)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(npmrc).stream()
                    .map(String::trim)
                    .filter(line -> line.startsWith("registry") && line.contains("="))
                    .filter(line -> line.substring(0, line.indexOf('=')).trim().equals("registry"))
                    .map(line -> line.substring(line.indexOf('=') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's cacerts, whatever trust store the application server has made the JVM's default. */
    private static SSLContext jdkTrust() {
        var cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try {
            var store = KeyStore.getInstance(cacerts.toFile(), (char[]) null);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's trust store " + cacerts, e);
        }
    }
}
