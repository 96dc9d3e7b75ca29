package dev.valbox.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Deploys the EAR this module built to a fresh Payara Server 6 domain and walks a newcomer's first minutes over HTTP.
 * Payara Micro cannot run an EAR at all, so this is the one test that proves the EAR works.
 */
class PayaraServerSmokeIT {

    private static final String DOMAIN = "valbox-it";
    private static final Path PAYARA = Path.of(System.getProperty("payara.server.home"));
    private static final Path WORK = Path.of(System.getProperty("payara.server.work"));
    private static final Path DOMAINS = WORK.resolve("domains");
    private static final Path DATA = WORK.resolve("data");
    private static final Path SERVER_LOG = DOMAINS.resolve(DOMAIN).resolve("logs/server.log");
    private static final Path PID_FILE = DOMAINS.resolve(DOMAIN).resolve("config/pid");

    private static final HttpClient HTTP =
            // HTTP/1.1 only: an h2c upgrade of a request with a body (the first save) has broken off with EOF here.
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final Map<String, String> MEASURED = new LinkedHashMap<>();

    @RegisterExtension
    static final ServerLogOnFailure SERVER_LOG_ON_FAILURE = new ServerLogOnFailure();

    private static int adminPort;
    private static URI site;
    private static ProcessHandle server;
    private static Thread killOnExit;
    private static int asadminRuns;

    @BeforeAll
    static void startDomainAndDeploy() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(DATA);
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));

        var portBase = freePortBase();
        adminPort = portBase + 48;
        // localhost, because only the site hosts (localhost, 127.0.0.1) reach the API; HttpClient sends the port too.
        site = URI.create("http://localhost:" + (portBase + 80) + "/");

        var began = System.nanoTime();
        asadmin(
                Duration.ofMinutes(3),
                "create-domain",
                "--domaindir",
                DOMAINS.toString(),
                "--portbase",
                String.valueOf(portBase),
                "--nopassword",
                DOMAIN);
        measure("create-domain", began);
        setJvmOptions(
                DOMAINS.resolve(DOMAIN).resolve("config/domain.xml"),
                List.of(
                        "-Xmx512m",
                        // C2 competing for two cores is most of the start-up time; C1 alone is plenty for a test.
                        "-XX:TieredStopAtLevel=1",
                        // The H2 file goes here, never into the domain or the working directory.
                        "-Dvalbox.data=" + DATA,
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));

        var starting = System.nanoTime();
        asadmin(Duration.ofMinutes(5), "start-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        measure("start-domain", starting);
        trackServer();

        var configuring = System.nanoTime();
        applyDomainConfig();
        measure("post-boot settings", configuring);
        // Each listener setting restarts the running listener; one such restart that overlapped the web container's
        // start at deploy left nothing listening (CI, /health refused for two minutes). The restarted domain starts
        // its listeners with the settings already in place, as docs/operations.md tells an operator to do.
        var restarting = System.nanoTime();
        asadmin(Duration.ofMinutes(5), "restart-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        measure("restart-domain", restarting);
        trackServer();

        var deploying = System.nanoTime();
        asadmin(
                Duration.ofMinutes(5),
                "--port",
                String.valueOf(adminPort),
                "deploy",
                "--name",
                "valbox",
                System.getProperty("valbox.ear"));
        measure("deploy", deploying);

        awaitHealthy(Duration.ofMinutes(2));
        measure("first 200 after start-domain began", starting);
        MEASURED.put("RSS after deploy", rss(server));
    }

    @AfterAll
    static void stopDomain() throws Exception {
        if (!Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
            return;
        }
        if (server == null && Files.exists(PID_FILE)) {
            server = ProcessHandle.of(Long.parseLong(Files.readString(PID_FILE).trim()))
                    .orElse(null);
        }
        var stopping = System.nanoTime();
        AssertionError stopFailure = null;
        try {
            asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        } catch (AssertionError e) {
            stopFailure = e;
        }
        measure("stop-domain", stopping);
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.onExit().get(30, TimeUnit.SECONDS);
            var killed = new AssertionError("stop-domain left the server running; killed pid " + server.pid());
            if (stopFailure != null) {
                killed.addSuppressed(stopFailure);
            }
            stopFailure = killed;
        }
        if (killOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        System.out.println("Payara Server smoke timings: " + MEASURED);
        if (stopFailure != null) {
            throw stopFailure;
        }
    }

    @Test
    void signUpCreateAValAndReadItBack() throws Exception {
        var signup = send(
                "POST",
                "/v1/signup",
                null,
                "{\"username\":\"smoke\",\"email\":\"smoke@example.com\",\"password\":\"correct horse battery\"}");
        assertEquals(201, signup.statusCode(), () -> describe(signup));
        var token = json(signup).getString("token");
        assertEquals("smoke", json(signup).getJsonObject("user").getString("username"), () -> describe(signup));

        var created = send(
                "POST", "/v1/vals", token, "{\"name\":\"hello\",\"code\":\"export default 1\",\"privacy\":\"public\"}");
        assertEquals(200, created.statusCode(), () -> describe(created));
        var id = json(created).getString("id");

        var read = send("GET", "/v1/vals/" + id, token, null);
        assertEquals(200, read.statusCode(), () -> describe(read));
        assertEquals("export default 1", json(read).getString("code"), () -> describe(read));

        var anonymous = send("GET", "/v1/alias/smoke/hello", null, null);
        assertEquals(200, anonymous.statusCode(), () -> describe(anonymous));
        assertEquals(id, json(anonymous).getString("id"), () -> describe(anonymous));
    }

    @Test
    void sqliteLoadsItsNativeLibraryFromTheEarsLibAndKeepsTheDatabaseUnderValboxData() throws Exception {
        var signup = send(
                "POST",
                "/v1/signup",
                null,
                "{\"username\":\"smoke_sqlite\",\"email\":\"sqlite@example.com\",\"password\":\"correct horse battery\"}");
        assertEquals(201, signup.statusCode(), () -> describe(signup));
        var token = json(signup).getString("token");
        var userId = json(signup).getJsonObject("user").getString("id");
        for (var statement : List.of("CREATE TABLE t (x)", "INSERT INTO t VALUES (42)")) {
            var done = send("POST", "/v1/sqlite/execute", token, "{\"statement\":\"" + statement + "\"}");
            assertEquals(200, done.statusCode(), () -> describe(done));
        }
        var selected = send("POST", "/v1/sqlite/execute", token, "{\"statement\":\"SELECT x FROM t\"}");
        assertEquals(200, selected.statusCode(), () -> describe(selected));
        assertEquals("[[42]]", json(selected).getJsonArray("rows").toString(), () -> describe(selected));
        assertTrue(Files.isRegularFile(DATA.resolve("sqlite/" + userId + ".db")), "no SQLite database under " + DATA);
    }

    @Test
    void theDatabaseIsUpAndItsFileLivesUnderValboxData() throws Exception {
        var health = send("GET", "/health", null, null);
        assertEquals(200, health.statusCode(), () -> describe(health));
        var database = json(health).getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst();
        assertEquals(Optional.of("UP"), database.map(check -> check.getString("status")), () -> describe(health));
        assertTrue(Files.isRegularFile(DATA.resolve("db/valbox.mv.db")), "no H2 database under " + DATA);
    }

    @Test
    void theSchedulerFindsTheDataSourceAndRunsAnIntervalValAtTheNextMinute() throws Exception {
        var signup = send(
                "POST",
                "/v1/signup",
                null,
                "{\"username\":\"smoke_interval\",\"email\":\"interval@example.com\",\"password\":\"correct horse battery\"}");
        assertEquals(201, signup.statusCode(), () -> describe(signup));
        var token = json(signup).getString("token");
        var created = send(
                "POST",
                "/v1/vals",
                token,
                "{\"name\":\"tick\",\"type\":\"interval\",\"schedule\":\"* * * * *\","
                        + "\"code\":\"export default () => 'ticked'\"}");
        assertEquals(200, created.statusCode(), () -> describe(created));
        var evaluations = "/v1/vals/" + json(created).getString("id") + "/evaluations";
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            var listed = send("GET", evaluations, token, null);
            assertEquals(200, listed.statusCode(), () -> describe(listed));
            var runs = json(listed).getJsonArray("data");
            if (!runs.isEmpty()) {
                var run = runs.getJsonObject(0);
                assertEquals("interval", run.getString("trigger"), run::toString);
                assertEquals("ok", run.getString("status"), run::toString);
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the interval val did not run within 90 s: " + listed.body());
            Thread.sleep(1000);
        }
    }

    @Test
    void theDomainConfigSettingsHideTheServerAndItsVersion() throws Exception {
        var reply = send("GET", "/v1/alias/smoke/no-such-val", null, null);
        assertEquals(Optional.empty(), reply.headers().firstValue("Server"), () -> describe(reply));
        assertEquals(Optional.empty(), reply.headers().firstValue("X-Powered-By"), () -> describe(reply));
    }

    @Test
    void blobKeysWithEncodedSlashesAndUnicodeReachTheApi() throws Exception {
        var signup = send(
                "POST",
                "/v1/signup",
                null,
                "{\"username\":\"blobs\",\"email\":\"blobs@example.com\",\"password\":\"correct horse battery\"}");
        assertEquals(201, signup.statusCode(), () -> describe(signup));
        var token = json(signup).getString("token");
        var path = "/v1/blob/notes%2F2024%2F%C3%BCber%20%E2%9C%93";
        var stored = send("POST", path, token, "{\"saved\":true}");
        assertEquals(201, stored.statusCode(), () -> describe(stored));
        var read = send("GET", path, token, null);
        assertEquals(200, read.statusCode(), () -> describe(read));
        assertEquals("{\"saved\":true}", read.body(), () -> describe(read));
        var listed = send("GET", "/v1/blob", token, null);
        try (var reader = Json.createReader(new StringReader(listed.body()))) {
            assertEquals(
                    "notes/2024/über ✓", reader.readArray().getJsonObject(0).getString("key"), () -> describe(listed));
        }
    }

    /** Follows the domain's current server process; if this JVM stops before @AfterAll runs, that server dies too. */
    private static void trackServer() throws IOException {
        server = ProcessHandle.of(Long.parseLong(Files.readString(PID_FILE).trim()))
                .orElseThrow(() -> new IllegalStateException("the domain's pid " + PID_FILE + " is not running"));
        if (killOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        killOnExit = new Thread(server::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Applies the server-level settings of domain-config/ the way an operator of Payara Server would. */
    private static void applyDomainConfig() throws Exception {
        var file = System.getProperty("valbox.postBoot");
        asadmin(Duration.ofMinutes(2), "--port", String.valueOf(adminPort), "multimode", "--file", file);
    }

    /**
     * asadmin reads JVM options from domain.xml when it launches the server, so they are written before the first
     * start: {@code create-jvm-options} needs a running server and a restart, which costs ten seconds more.
     */
    private static void setJvmOptions(Path domainXml, List<String> options) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(domainXml.toFile());
        var javaConfig = (Element) XPathFactory.newInstance()
                .newXPath()
                .evaluate("/domain/configs/config[@name='server-config']/java-config", document, XPathConstants.NODE);
        NodeList existing = javaConfig.getElementsByTagName("jvm-options");
        for (int i = existing.getLength() - 1; i >= 0; i--) {
            if (existing.item(i).getTextContent().startsWith("-Xmx")) {
                javaConfig.removeChild(existing.item(i));
            }
        }
        for (var option : options) {
            var element = document.createElement("jvm-options");
            element.setTextContent(option);
            javaConfig.appendChild(element);
        }
        TransformerFactory.newInstance()
                .newTransformer()
                .transform(new DOMSource(document), new StreamResult(domainXml.toFile()));
    }

    /** Runs bin/asadmin and answers its output; a non-zero exit or a timeout fails with that output. */
    private static String asadmin(Duration timeout, String... arguments) throws Exception {
        var command =
                new ArrayList<>(List.of("sh", PAYARA.resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        // A file, not a pipe: start-domain's server process inherits the output and would hold a pipe open forever.
        var log = WORK.resolve("asadmin-" + ++asadminRuns + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        // asadmin itself is a short-lived JVM; C1 alone starts it faster.
        builder.environment().put("AS_EXTRA_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        var process = builder.start();
        var finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        var output = read(log);
        if (!finished || process.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", arguments)
                    + (finished ? " failed with exit code " + process.exitValue() : " timed out after " + timeout)
                    + ":\n" + output);
        }
        return output;
    }

    /** Payara derives a dozen ports from the base (admin +48, HTTP +80, Hazelcast +49 and up, ...): probe them all. */
    private static int freePortBase() {
        var random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            // Bases stay below 32768, where Linux starts handing out ephemeral ports.
            var base = 10_000 + 100 * random.nextInt(227);
            if (IntStream.range(base, base + 100).allMatch(PayaraServerSmokeIT::isFree)) {
                return base;
            }
        }
        throw new IllegalStateException("found no block of 100 free ports");
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitHealthy(Duration patience) throws Exception {
        var deadline = Instant.now().plus(patience);
        var last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                var health = send("GET", "/health", null, null);
                if (health.statusCode() == 200) {
                    return;
                }
                last = describe(health);
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/health did not answer 200 within " + patience + "; last: " + last);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(site.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String describe(HttpResponse<String> response) {
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().map() + " " + response.body();
    }

    private static void measure(String what, long startNanos) {
        MEASURED.put(what, String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9));
    }

    /** Linux only, which is where this runs; elsewhere the number is simply missing from the report. */
    private static String rss(ProcessHandle process) throws IOException {
        var status = Path.of("/proc/" + process.pid() + "/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        try (var lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB")
                    .findFirst()
                    .orElse("unknown");
        }
    }

    /** Logs are read leniently: one odd byte must not hide the rest of a failure's explanation. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Puts the end of the domain's server.log into every failure, so a CI log explains what the server saw. */
    static final class ServerLogOnFailure
            implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) {
            throw withServerLog(failure);
        }

        @Override
        public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) {
            throw withServerLog(failure);
        }

        @Override
        public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) {
            throw withServerLog(failure);
        }

        private static AssertionError withServerLog(Throwable failure) {
            return new AssertionError(
                    failure.getMessage() + "\n--- last 80 lines of " + SERVER_LOG + " ---\n" + tail(SERVER_LOG, 80),
                    failure);
        }

        private static String tail(Path file, int count) {
            try {
                var lines = read(file).lines().toList();
                return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
            } catch (IOException e) {
                return "(no server.log: " + e + ")";
            }
        }
    }
}
