package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.valbox.it.Accounts.Account;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §9: vals importing npm packages. The server resolves them from a registry this class runs in the test JVM (the
 * server was started with {@code valbox.npm.registry} pointing at it), which serves real package tarballs that the
 * build packed once ({@code src/test/npm/pack.mjs}), with metadata made from the tarballs themselves, plus two it
 * makes up: a tampered tarball and one over the server's 5 MB cap. Only this class uses the registry, and no other
 * class imports packages, so what is cached is what these tests put there.
 */
class NpmPackagesIT extends DeployedValbox {

    /** package name to version to tarball; published as the registry's metadata and its {@code /-/} files. */
    private static final Map<String, Map<String, Tarball>> PACKAGES = new ConcurrentHashMap<>();

    private static HttpServer registry;
    private static volatile boolean down;

    private record Tarball(String file, byte[] bytes, String integrity) {}

    Account alice;
    Api asAlice;

    @BeforeAll
    static void startTheRegistry() throws IOException {
        var dir = Path.of(System.getProperty("it.npm.dir", "target/npm-registry"));
        try (var reader = Json.createReader(Files.newBufferedReader(dir.resolve("registry.json")))) {
            for (var entry : reader.readArray().getValuesAs(JsonObject.class)) {
                var bytes = Files.readAllBytes(dir.resolve("tarballs").resolve(entry.getString("file")));
                publish(entry.getString("name"), entry.getString("version"), bytes, sha512(bytes));
            }
        }
        // What the registry says a package is, and bytes that differ from it by one bit.
        var nanoid = PACKAGES.get("nanoid").values().iterator().next();
        var tampered = nanoid.bytes().clone();
        tampered[tampered.length / 2] ^= 1;
        publish("valbox-it-tampered", "1.0.0", tampered, nanoid.integrity());
        // 6 MB of one letter: a few KB of gzip that unpacks past the server's 5 MB cap.
        var huge = tgz(Map.of(
                "package/package.json",
                "{\"name\":\"valbox-it-huge\",\"version\":\"1.0.0\",\"main\":\"big.js\"}",
                "package/big.js",
                "//" + "x".repeat(6 * 1024 * 1024)));
        publish("valbox-it-huge", "1.0.0", huge, sha512(huge));

        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("it.npm.port")), 16);
        registry.createContext("/", NpmPackagesIT::answer);
        registry.start();
    }

    @AfterAll
    static void stopTheRegistry() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @BeforeEach
    void signUp() {
        alice = Accounts.signup(api, "npm");
        asAlice = api.token(alice.token());
    }

    @Test
    void aValImportsAnEsmPackageAndItsVersionIsPinnedAndShown() {
        var code = "import { nanoid, customAlphabet } from \"npm:nanoid@^5\";\n"
                + "export default () => ({ length: nanoid().length, custom: /^[ab]{8}$/.test(customAlphabet('ab', 8)()) });";
        var saved = create("ids", code);
        assertEquals(
                Json.createObjectBuilder().add("nanoid", version("nanoid")).build(), saved.getJsonObject("packages"));
        assertEquals(
                "{\"length\":21,\"custom\":true}",
                asAlice.get("/v1/run/" + alice.username() + ".ids").body());

        var id = saved.getString("id");
        assertEquals(
                saved.getJsonObject("packages"),
                asAlice.get("/v1/vals/" + id).object().getJsonObject("packages"));
        assertEquals(
                saved.getJsonObject("packages"),
                asAlice.get("/v1/vals/" + id + "/versions/0").object().getJsonObject("packages"));

        // The same package through esm.sh, with the query forms esm.sh takes.
        var esmSh = asAlice.post(
                "/v1/vals/" + id + "/versions",
                body("import { nanoid } from \"https://esm.sh/nanoid@" + version("nanoid")
                        + "?target=es2022&deps=x@1\";\n" + "export default () => nanoid(10).length;"));
        assertEquals(201, esmSh.status(), esmSh::toString);
        assertEquals(saved.getJsonObject("packages"), esmSh.object().getJsonObject("packages"));
        assertEquals("10", asAlice.get("/v1/run/" + alice.username() + ".ids").body());
        // A version without packages shows none.
        var plain = asAlice.post("/v1/vals/" + id + "/versions", body("export default () => 1;"));
        assertEquals("{}", plain.object().getJsonObject("packages").toString());
    }

    @Test
    void aPackageAndItsPeerDependencyResolveToOneCopyAndASecondSaveIsWarm() {
        var code = "import { h } from \"npm:preact@11\";\n"
                + "import { renderToString } from \"https://esm.sh/preact-render-to-string@6?deps=preact@11\";\n"
                + "export default () => renderToString(h('div', { class: 'x' }, h('b', null, 'hi'), ' & you'));";
        long cold = System.nanoTime();
        var saved = create("ssr", code);
        cold = System.nanoTime() - cold;
        long warm = System.nanoTime();
        create("ssr_again", code);
        warm = System.nanoTime() - warm;
        System.out.printf(
                "NpmPackagesIT: saving a val importing preact and preact-render-to-string took %d ms cold, %d ms warm%n",
                cold / 1_000_000, warm / 1_000_000);
        assertTrue(warm < cold, "a warm save reads the store: " + warm + " ns, cold " + cold + " ns");
        assertEquals(
                Json.createObjectBuilder()
                        .add("preact", version("preact"))
                        .add("preact-render-to-string", version("preact-render-to-string"))
                        .build(),
                saved.getJsonObject("packages"));
        assertEquals(
                "\"<div class=\\\"x\\\"><b>hi</b> &amp; you</div>\"",
                asAlice.get("/v1/run/" + alice.username() + ".ssr").body());
    }

    @Test
    void unknownPackagesBadRangesAndMissingSubpathsAreRefusedAndNothingIsSaved() {
        refused("npm:valbox-it-no-such-package", "no package valbox-it-no-such-package");
        refused("npm:nanoid@^^5", "'^^5' is not a version range");
        refused("npm:nanoid@^99", "no version of nanoid matches '^99'");
        refused("npm:nanoid/no-such-subpath", "has no module at './no-such-subpath'");
        refused("https://esm.sh/gh/someone/repo", "only npm packages");

        // A new version of an existing val is not saved either.
        var saved = create("kept", "export default () => 1;");
        var reply = asAlice.post(
                "/v1/vals/" + saved.getString("id") + "/versions",
                body("import x from \"npm:nanoid@^^5\"; export default x;"));
        assertProblem(reply, 400, "invalid", "code");
        assertEquals(
                0, asAlice.get("/v1/vals/" + saved.getString("id")).object().getInt("version"));
    }

    @Test
    void aTamperedTarballAndAPackageOverTheSizeCapAreRefused() {
        refused("npm:valbox-it-tampered", "fails its integrity check");
        refused("npm:valbox-it-huge", "more than 5 MB");
    }

    @Test
    void aRegistryOutageBreaksNoValWhosePackagesAreStored() {
        var code = "import { nanoid } from \"npm:nanoid@^5.1\"; export default () => nanoid(5).length;";
        create("before_outage", code);
        down = true;
        try {
            assertEquals(
                    "5",
                    asAlice.get("/v1/run/" + alice.username() + ".before_outage")
                            .body());
            create("during_outage", code);
            assertEquals(
                    "5",
                    asAlice.get("/v1/run/" + alice.username() + ".during_outage")
                            .body());
            refused("npm:dayjs", "cannot be reached");
        } finally {
            down = false;
        }
    }

    private JsonObject create(String name, String code) {
        var reply = asAlice.post(
                "/v1/vals", "{\"name\":\"" + name + "\",\"type\":\"script\",\"code\":" + Json.createValue(code) + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object();
    }

    /** A val importing {@code specifier} is refused with a 400 that names the import and says why; none is saved. */
    private void refused(String specifier, String why) {
        var name = Accounts.uniqueName("refused");
        var reply = asAlice.post(
                "/v1/vals",
                "{\"name\":\"" + name + "\",\"code\":"
                        + Json.createValue("import x from \"" + specifier + "\";\nexport default () => x;") + "}");
        assertProblem(reply, 400, "invalid", "code");
        var detail = reply.object().getString("detail");
        assertTrue(detail.startsWith("Cannot import \"" + specifier + "\""), detail);
        assertTrue(detail.contains(why), detail);
        assertEquals(
                404, asAlice.get("/v1/alias/" + alice.username() + "/" + name).status());
    }

    private static String body(String code) {
        return "{\"code\":" + Json.createValue(code) + "}";
    }

    private static String version(String name) {
        return PACKAGES.get(name).keySet().iterator().next();
    }

    // --- the registry ------------------------------------------------------------------------------------------

    private static void publish(String name, String version, byte[] bytes, String integrity) {
        var file = name.replace('/', '-') + "-" + version + ".tgz";
        PACKAGES.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .put(version, new Tarball(file, bytes, integrity));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            var path = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
            if (path.startsWith("-/")) {
                var file = path.substring(2);
                var tarball = PACKAGES.values().stream()
                        .flatMap(versions -> versions.values().stream())
                        .filter(t -> t.file().equals(file))
                        .findFirst();
                send(exchange, tarball.map(Tarball::bytes).orElse(null), "application/octet-stream");
                return;
            }
            var versions = PACKAGES.get(path);
            send(exchange, versions == null ? null : metadata(exchange, path, versions), "application/json");
        }
    }

    /** The abbreviated metadata npm's registry answers: dist-tags and, per version, where its tarball is. */
    private static byte[] metadata(HttpExchange exchange, String name, Map<String, Tarball> versions) {
        var base = "http://" + exchange.getRequestHeaders().getFirst("Host") + "/-/";
        var all = Json.createObjectBuilder();
        var latest = new HashMap<String, String>();
        versions.forEach((version, tarball) -> {
            all.add(
                    version,
                    Json.createObjectBuilder()
                            .add("name", name)
                            .add("version", version)
                            .add(
                                    "dist",
                                    Json.createObjectBuilder()
                                            .add("tarball", base + tarball.file())
                                            .add("integrity", tarball.integrity())));
            latest.put("latest", version);
        });
        return Json.createObjectBuilder()
                .add("name", name)
                .add("dist-tags", Json.createObjectBuilder(Map.<String, Object>copyOf(latest)))
                .add("versions", all)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, byte[] body, String type) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String sha512(byte[] bytes) {
        try {
            return "sha512-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gzip-compressed ustar archive of these text files. */
    private static byte[] tgz(Map<String, String> files) {
        var tar = new ByteArrayOutputStream();
        files.forEach((name, text) -> {
            var data = text.getBytes(StandardCharsets.UTF_8);
            var header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", data.length));
            put(header, 136, "00000000000");
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            java.util.Arrays.fill(header, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o", sum));
            tar.writeBytes(header);
            tar.writeBytes(data);
            tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
        });
        tar.writeBytes(new byte[1024]);
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        var bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
