package dev.valbox.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test fixture: an HTTP server on 127.0.0.1 for fetch tests (an {@link HttpServer} or, given one, an
 * HTTPS server). Every route answers something a test can check.
 */
final class LocalServer implements AutoCloseable {

    static final int TEN_MB = 10 << 20;

    static {
        // Without it the server's small writes meet the client's delayed ACK: ~40 ms per response, which
        // would drown the worker's own cost in the fetch overhead measurement.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    LocalServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    LocalServer(HttpServer server) {
        this.server = server;
        server.createContext("/json", exchange -> send(exchange, 200, "application/json", "{\"hello\":\"world\"}"));
        server.createContext("/text", exchange -> {
            exchange.getResponseHeaders().add("X-Test", "yes");
            exchange.getResponseHeaders().add("Set-Cookie", "a=1");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2");
            send(exchange, 200, "text/plain; charset=utf-8", "plain text ü");
        });
        server.createContext("/binary", exchange -> {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            send(exchange, 200, "application/octet-stream", all);
        });
        server.createContext("/echo", exchange -> {
            Map<String, Object> echo = new TreeMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("uri", exchange.getRequestURI().toString());
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
            echo.put("headers", headers);
            echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
            send(exchange, 200, "application/json", JSON.std.asString(echo));
        });
        server.createContext("/status/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            send(exchange, Integer.parseInt(parts[2]), "text/plain", "status " + parts[2]);
        });
        // /redirect/<status>?<target> answers a redirect to <target>.
        server.createContext("/redirect/", exchange -> {
            String status = exchange.getRequestURI().getPath().split("/")[2];
            exchange.getResponseHeaders()
                    .add("Location", exchange.getRequestURI().getRawQuery());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(Integer.parseInt(status), -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        // Just over the limit, streamed without a length, so only counting can catch it.
        server.createContext("/big-stream", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent <= TEN_MB; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the worker stops reading past the limit
            }
        });
        server.createContext("/big-declared", exchange -> {
            exchange.sendResponseHeaders(200, TEN_MB + 1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[TEN_MB + 1]);
            } catch (IOException clientGaveUp) {
                // expected: the worker refuses the declared length
            }
        });
        server.createContext(
                "/exactly-ten-mb", exchange -> send(exchange, 200, "application/octet-stream", new byte[TEN_MB]));
        server.createContext("/hang", exchange -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A URL of this server, by IP. */
    String url(String path) {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:" + port()
                + path;
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
