package dev.valbox.runner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

/**
 * The worker's HTTP client for val {@code fetch} calls, with the SSRF rules of SPEC §4.
 *
 * <p>How the address check is made race-free: the worker resolves the host name itself, checks every
 * address it gets, and then has HttpClient connect to the checked address by putting the IP literal in
 * the request URI and sending the original {@code Host} header. Nothing resolves the name a second
 * time, so DNS rebinding between the check and the connection has nothing to act on. For https the
 * TLS engine is still created for the host name ({@link HostNamedTls}) and SNI names it, so the
 * certificate is verified against the name the val asked for. The costs: HTTP/1.1 only (HTTP/2 would
 * put the IP in {@code :authority}), one HttpClient per https host name (the TLS name is per client),
 * and HttpClient must be allowed to send a {@code Host} header (see the static block). Java 17 has no
 * resolver hook (JEP 418 is Java 18), which is why the name is not resolved inside HttpClient.
 *
 * <p>Redirects are followed here, not by HttpClient, so that every hop goes through the same check.
 * Each fetch runs on its own thread of a cached pool (DNS lookups block); the run's thread only
 * starts fetches and receives their outcomes through its task queue.
 */
final class Fetcher {

    static final int MAX_FETCHES_PER_RUN = 50;
    static final int MAX_RESPONSE_BYTES = 10 << 20;
    static final int MAX_REDIRECTS = 20;
    static final String USER_AGENT = "Valbox";

    private static final String ALLOW_RESTRICTED = "jdk.httpclient.allowRestrictedHeaders";
    /** Hop-by-hop and transport headers that are HttpClient's or the worker's to set, never the val's. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "proxy-authorization",
            "proxy-authenticate",
            "host",
            "content-length",
            "expect");
    /** Dropped when a redirect turns the request into a GET without a body (Fetch standard, 4.4). */
    private static final Set<String> BODY_HEADERS =
            Set.of("content-type", "content-encoding", "content-language", "content-location");

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int TLS_CLIENTS = 64;

    static {
        // HttpClient refuses a user-set Host header unless this property names it, and reads the property
        // once, when the first client in the JVM is built. The worker builds no client before this class.
        String allowed = System.getProperty(ALLOW_RESTRICTED, "");
        if (Arrays.stream(allowed.split(",")).map(String::trim).noneMatch("host"::equalsIgnoreCase)) {
            System.setProperty(ALLOW_RESTRICTED, allowed.isBlank() ? "host" : allowed + ",host");
        }
    }

    private final AddressPolicy strict;
    private final SSLContext tls;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "val-fetch");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient plain;
    private final Map<String, HttpClient> secure = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
            return size() > TLS_CLIENTS;
        }
    };

    /**
     * @param strict the policy of runs that do not allow private addresses: {@link AddressPolicy#PUBLIC_ONLY}
     *     in production; tests widen it by exactly one address
     * @param tls the trust (and key) material for https; {@code SSLContext.getDefault()} in production
     */
    Fetcher(AddressPolicy strict, SSLContext tls) {
        this.strict = strict;
        this.tls = tls;
        this.plain = builder().build();
    }

    static Fetcher standard() {
        try {
            return new Fetcher(AddressPolicy.PUBLIC_ONLY, SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /**
     * Starts a fetch on a fetch thread; {@code done} receives the outcome on that thread unless the fetch
     * was cancelled (the returned future interrupts it, which makes HttpClient abandon the exchange).
     */
    Future<?> start(FetchRequest request, boolean allowPrivate, long deadlineNanos, Consumer<Outcome> done) {
        AddressPolicy policy = allowPrivate ? AddressPolicy.ANY : strict;
        return threads.submit(() -> {
            Outcome outcome;
            try {
                outcome = new Outcome(execute(request, policy, deadlineNanos), null);
            } catch (InterruptedException cancelled) {
                return;
            } catch (IOException | RuntimeException failure) {
                outcome = new Outcome(null, reason(failure));
            }
            done.accept(outcome);
        });
    }

    private FetchResponse execute(FetchRequest request, AddressPolicy policy, long deadlineNanos)
            throws IOException, InterruptedException {
        FetchRequest current = request;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = send(current, policy, deadlineNanos);
            String location = response.headers().firstValue("location").orElse(null);
            if (!REDIRECTS.contains(response.statusCode())
                    || location == null
                    || current.redirect() == FetchRequest.Redirect.MANUAL) {
                return FetchResponse.of(response, current.url(), redirects > 0);
            }
            if (current.redirect() == FetchRequest.Redirect.ERROR) {
                throw new FetchFailed("redirect to " + location + " refused: the request's redirect mode is \"error\"");
            }
            if (redirects == MAX_REDIRECTS) {
                throw new FetchFailed("more than " + MAX_REDIRECTS + " redirects");
            }
            current = nextHop(current, response.statusCode(), location);
        }
    }

    /** The request for a redirect's target, as the Fetch standard's "HTTP-redirect fetch" makes it. */
    private static FetchRequest nextHop(FetchRequest current, int status, String location) throws FetchFailed {
        URI next;
        try {
            next = FetchRequest.url(current.url().resolve(location).toString());
        } catch (IllegalArgumentException malformed) {
            throw new FetchFailed("invalid redirect location " + location);
        }
        boolean toGet = (status == 303 && !current.method().equals("HEAD"))
                || ((status == 301 || status == 302) && current.method().equals("POST"));
        boolean crossOrigin = !origin(next).equals(origin(current.url()));
        List<FetchRequest.Header> headers = new ArrayList<>();
        for (FetchRequest.Header header : current.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if ((toGet && BODY_HEADERS.contains(name)) || (crossOrigin && name.equals("authorization"))) {
                continue;
            }
            headers.add(header);
        }
        return current.withTarget(next, toGet ? "GET" : current.method(), toGet ? null : current.body(), headers);
    }

    private static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":"
                + port(url);
    }

    /** One hop: resolve, check every address, then connect to a checked address (the next on refusal). */
    private HttpResponse<byte[]> send(FetchRequest request, AddressPolicy policy, long deadlineNanos)
            throws IOException, InterruptedException {
        URI url = request.url();
        String host = unbracketed(url.getHost());
        int port = port(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchFailed("could not resolve " + host);
        }
        // Every address, not only the one used: a name must not pass by listing a public address first.
        for (InetAddress address : addresses) {
            String refusal = policy.refusal(address, port);
            if (refusal != null) {
                String literal = AddressPolicy.literal(address);
                String named = literal.equalsIgnoreCase(host) ? literal : host + " (" + literal + ")";
                throw new FetchFailed("fetch to " + named + " is not allowed (" + refusal + " address)");
            }
        }
        HttpClient client = url.getScheme().equalsIgnoreCase("https") ? secureClient(host) : plain;
        ConnectException refused = null;
        for (InetAddress address : addresses) {
            HttpRequest hop = hop(request, address, port, deadlineNanos);
            try {
                return client.send(hop, new CappedBody(MAX_RESPONSE_BYTES));
            } catch (ConnectException e) {
                refused = e;
            }
        }
        throw refused;
    }

    private static HttpRequest hop(FetchRequest request, InetAddress address, int port, long deadlineNanos)
            throws FetchFailed {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchFailed("the run's time limit was reached");
        }
        URI url = request.url();
        String literal = address.getHostAddress().replace("%", "%25");
        String target = url.getScheme().toLowerCase(Locale.ROOT) + "://"
                + (literal.contains(":") ? "[" + literal + "]" : literal) + ":" + port
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofNanos(remaining))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        Set<String> connectionOptions = connectionOptions(request.headers());
        boolean userAgent = false;
        try {
            for (FetchRequest.Header header : request.headers()) {
                String name = header.name().toLowerCase(Locale.ROOT);
                if (NOT_FORWARDED.contains(name) || connectionOptions.contains(name)) {
                    continue;
                }
                userAgent |= name.equals("user-agent");
                builder.header(header.name(), header.value());
            }
        } catch (IllegalArgumentException invalid) {
            throw new FetchFailed("invalid request header: " + invalid.getMessage());
        }
        if (!userAgent) {
            builder.header("User-Agent", USER_AGENT);
        }
        builder.setHeader("Host", url.getRawAuthority().replaceFirst("^.*@", ""));
        return builder.build();
    }

    /** Header names listed in Connection are hop-by-hop too (RFC 9110, 7.6.1). */
    private static Set<String> connectionOptions(List<FetchRequest.Header> headers) {
        Set<String> options = new java.util.HashSet<>();
        for (FetchRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase("connection")) {
                for (String option : header.value().split(",")) {
                    options.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return options;
    }

    private HttpClient secureClient(String host) {
        // The TLS name: SNI and certificate checks use the name without a final dot.
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        synchronized (secure) {
            return secure.computeIfAbsent(name.toLowerCase(Locale.ROOT), tlsName -> {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                if (!tlsName.contains(":") && !tlsName.matches("[0-9.]+")) {
                    parameters.setServerNames(List.of(new SNIHostName(tlsName)));
                }
                return builder()
                        .sslContext(new HostNamedTls(tls, tlsName))
                        .sslParameters(parameters)
                        .build();
            });
        }
    }

    private HttpClient.Builder builder() {
        // No proxy, cookie store or authenticator: nothing of the worker's environment goes out with a fetch.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(threads);
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String reason(Throwable failure) {
        String reason = FetchFailed.reasonIn(failure);
        if (reason != null) {
            return reason;
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (failure instanceof ConnectException) {
            return "could not connect" + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        }
        if (failure instanceof SSLHandshakeException) {
            return "TLS handshake failed: " + failure.getMessage();
        }
        return failure.getMessage() == null ? "network error" : failure.getMessage();
    }

    /** The outcome of one fetch: a response, or the reason it failed. */
    record Outcome(FetchResponse response, String failure) {}

    /** A response as the runtime turns it into a JS {@code Response}. */
    record FetchResponse(int status, String url, boolean redirected, List<List<String>> headers, byte[] body) {

        static FetchResponse of(HttpResponse<byte[]> response, URI url, boolean redirected) {
            List<List<String>> headers = new ArrayList<>();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    for (String value : values) {
                        headers.add(List.of(name.toLowerCase(Locale.ROOT), value));
                    }
                }
            });
            return new FetchResponse(response.statusCode(), url.toString(), redirected, headers, response.body());
        }
    }
}
