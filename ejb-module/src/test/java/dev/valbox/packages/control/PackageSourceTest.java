package dev.valbox.packages.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.valbox.database.control.DataDirectory;
import dev.valbox.packages.entity.PackageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Getting packages into the store from a registry (a JDK HTTP server here), and doing without one. */
class PackageSourceTest {

    @TempDir
    Path data;

    private final byte[] tarball = TarballTest.tgz(List.of(
            TarballTest.Entry.file("package/package.json", "{\"main\":\"i.js\"}"),
            TarballTest.Entry.file("package/i.js", "module.exports = 1;")));

    private HttpServer server;
    private volatile boolean up = true;

    private PackageSource source(String registryUrl) {
        var registry = new Registry();
        registry.configured = Optional.of(registryUrl);
        registry.timeoutMs = 5_000;
        registry.start();
        var store = new PackageStore();
        store.dataDirectory = new DataDirectory(data);
        var source = new PackageSource();
        source.registry = registry;
        source.store = store;
        source.maxPackageMb = 1;
        source.maxFiles = 100;
        return source;
    }

    /** A registry serving one package, {@code lib} 1.0.0 and 1.1.0 (both {@link #tarball}), published with {@code integrity}. */
    private String registry(String integrity) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        var base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!up) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                var path = exchange.getRequestURI().getPath();
                byte[] body;
                if (path.equals("/lib")) {
                    var version =
                            "{\"dist\":{\"tarball\":\"" + base + "-/lib.tgz\",\"integrity\":\"" + integrity + "\"}}";
                    body = ("{\"name\":\"lib\",\"dist-tags\":{\"latest\":\"1.1.0\"},\"versions\":{\"1.0.0\":" + version
                                    + ",\"1.1.0\":" + version + "}}")
                            .getBytes(StandardCharsets.UTF_8);
                } else if (path.equals("/-/lib.tgz")) {
                    body = tarball;
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return base;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aCheckedPackageIsStoredAndOnlyFetchedOnce() throws IOException {
        var integrity = Integrity.sha512(tarball);
        var base = registry(integrity);
        var source = source(base);
        var files = source.get("lib", "^1.0.0");
        assertEquals("lib@1.1.0", files.id());
        assertEquals(Optional.of("i.js"), files.entry("."));
        assertEquals(integrity, files.integrity());
        up = false;
        // Stored: the exact version needs no registry, and a range resolves against what is stored.
        assertEquals("lib@1.1.0", source.exact("lib", "1.1.0", integrity).id());
        assertEquals("lib@1.1.0", source(base).get("lib", "^1").id());
        var e = assertThrows(PackageException.class, () -> source(base).get("lib", "^2"));
        assertTrue(e.getMessage().contains("the registry cannot be reached (it answered HTTP 503)"), e.getMessage());
        e = assertThrows(PackageException.class, () -> source(base).get("other", null));
        assertTrue(e.getMessage().contains("no version of other matching 'latest' is stored"), e.getMessage());
    }

    @Test
    void aTarballThatIsNotWhatTheRegistryPublishedIsNeverStored() throws IOException {
        var source = source(registry(Integrity.sha512("something else".getBytes(StandardCharsets.UTF_8))));
        var e = assertThrows(PackageException.class, () -> source.get("lib", null));
        assertTrue(e.getMessage().contains("fails its integrity check"), e.getMessage());
        assertEquals(List.of(), source.store.versions("lib"));
    }

    @Test
    void aPinnedVersionIsNotFetchedAgainIfTheRegistryNowPublishesOtherBytes() throws IOException {
        var source = source(registry(Integrity.sha512(tarball)));
        var e = assertThrows(PackageException.class, () -> source.exact("lib", "1.0.0", "sha512-what-was-pinned"));
        assertTrue(e.getMessage().contains("changed in the registry since it was pinned"), e.getMessage());
        assertEquals(List.of(), source.store.versions("lib"));
    }

    @Test
    void unknownPackagesAndRangesThatAreNoRangesAreTheAuthorsToFix() throws IOException {
        var source = source(registry("sha512-x"));
        assertTrue(assertThrows(PackageException.class, () -> source.get("nope", null))
                .getMessage()
                .contains("no package nope in the registry"));
        assertTrue(assertThrows(PackageException.class, () -> source.get("lib", "^^1"))
                .getMessage()
                .contains("is not a version range"));
        assertTrue(assertThrows(PackageException.class, () -> source.get("lib", "^7"))
                .getMessage()
                .contains("no version of lib matches '^7'"));
    }
}
