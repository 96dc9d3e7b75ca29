package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.it.Accounts.Account;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SPEC §7 across two real members: two Payara Micro instances started by {@code bin/valbox run --cluster} (the WAR
 * and payara-micro.jar this module built) on one fresh PostgreSQL database, with the requests alternating between
 * them. The cluster is started once for the class (the budget: one cluster start per CI run), both members in
 * parallel. The tests do not depend on one another, except that the one that kills member A runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** SPEC §7: a change takes effect on every member within this. */
    static final Duration PROPAGATION = Duration.ofSeconds(1);

    static final Path ROOT =
            Path.of(System.getProperty("valbox.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = Path.of(System.getProperty("it.cluster.dir", "target/it-data/cluster"))
            .toAbsolutePath();
    static final String ADMIN_URL =
            System.getProperty("it.postgres.admin-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String DB_USER = System.getProperty("it.postgres.user", "postgres");
    static final String DATABASE = "valbox_cluster_" + System.getProperty("it.run", String.valueOf(System.nanoTime()));
    static final String DB_URL = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + DATABASE;
    /** How many saves the propagation test times (100 for the closing note's figures). */
    static final int SAVES = Integer.getInteger("it.cluster.saves", 10);

    static Member a;
    static Member b;

    Account alice;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        try (var admin = DriverManager.getConnection(ADMIN_URL, DB_USER, "");
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Files.createDirectories(WORK);
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        var secretsKey = Base64.getEncoder().encodeToString(key);
        int gridA = freePort();
        int gridB = freePort();
        var started = Instant.now();
        a = Member.start("a", gridA, gridB, secretsKey);
        b = Member.start("b", gridB, gridA, secretsKey);
        a.awaitUp(started);
        b.awaitUp(started);
        report(
                "members up: A %.1f s (RSS %d MB), B %.1f s (RSS %d MB), started together; load %s",
                a.upSeconds, a.rssMb(), b.upSeconds, b.rssMb(), load());
        // Each member's first save starts its compiler, which loads TypeScript: once per member, both at once.
        var warm = Instant.now();
        var warmer = Accounts.signup(a.api, "warm");
        var saves = List.of(a, b).stream()
                .map(member -> CompletableFuture.runAsync(() -> Accounts.createVal(
                        member.api, warmer, "warm" + member.name, "private", "export default () => 1")))
                .toList();
        for (var save : saves) {
            save.get(3, TimeUnit.MINUTES);
        }
        report(
                "first save on each member (their compilers starting together): %.1f s; load %s",
                Duration.between(warm, Instant.now()).toMillis() / 1000.0, load());
    }

    @AfterAll
    static void stopAndDrop() throws SQLException {
        for (var member : new Member[] {a, b}) {
            if (member != null) {
                member.kill();
            }
        }
        try (var admin = DriverManager.getConnection(ADMIN_URL, DB_USER, "");
                var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void signUp() {
        alice = Accounts.signup(a.api, "alice");
    }

    @Test
    void aSavedVersionOrADeletedValReachesTheOtherMemberWithinOneSecond() {
        var id = httpVal(a, "page", page("v0"));
        assertEquals("v0", b.run(alice, "page").body());
        assertEquals("v0", a.run(alice, "page").body());
        var delays = new ArrayList<Long>();
        for (int i = 1; i <= SAVES; i++) {
            var from = i % 2 == 1 ? a : b;
            var to = i % 2 == 1 ? b : a;
            var body = "v" + i;
            var saved = from.api
                    .token(alice.token())
                    .post(
                            "/v1/vals/" + id + "/versions",
                            Json.createObjectBuilder()
                                    .add("code", page(body))
                                    .build()
                                    .toString());
            assertEquals(201, saved.status(), saved::toString);
            delays.add(within(
                    PROPAGATION,
                    () -> body.equals(to.run(alice, "page").body()),
                    () -> "member " + to.name + " still serves "
                            + to.run(alice, "page").body() + " after saving " + body + " on " + from.name));
        }
        Collections.sort(delays);
        report(
                "propagation of %d saves (save on one member, poll the other every 10 ms): p50 %d ms, max %d ms; load %s",
                delays.size(), delays.get(delays.size() / 2), delays.get(delays.size() - 1), load());

        assertEquals(204, b.api.token(alice.token()).delete("/v1/vals/" + id).status());
        within(PROPAGATION, () -> a.run(alice, "page").status() == 404, () -> "A still serves the deleted val");
    }

    @Test
    void aRevokedTokenIsRefusedByTheOtherMemberWithinOneSecond() {
        var created = a.api.token(alice.token())
                .post("/v1/me/tokens", "{\"name\":\"script\",\"scopes\":[\"user:read\"]}")
                .object();
        var token = b.api.token(created.getString("token"));
        assertEquals(200, token.get("/v1/me").status());
        assertEquals(
                204,
                a.api.token(alice.token())
                        .delete("/v1/me/tokens/" + created.getString("id"))
                        .status());
        var delay = within(PROPAGATION, () -> token.get("/v1/me").status() == 401, () -> "B still takes the token");
        report("revoked on A, refused on B after %d ms", delay);
    }

    /**
     * What a database restart does to the listeners, on this cluster's connections only (restarting the server would
     * disturb everyone else's databases): both listening connections are terminated, a version is saved meanwhile,
     * and the other member serves it within a second once the listeners are back.
     */
    @Test
    void membersThatLoseTheirListenerReconnectAndCatchUp() throws SQLException {
        var id = httpVal(a, "restart", page("before"));
        assertEquals("before", b.run(alice, "restart").body());
        var cut = Instant.now();
        assertEquals(2, terminateListeners(), "two members listening");
        var saved = a.api.token(alice.token())
                .post(
                        "/v1/vals/" + id + "/versions",
                        Json.createObjectBuilder()
                                .add("code", page("after"))
                                .build()
                                .toString());
        assertEquals(201, saved.status(), saved::toString);
        var seen = within(
                PROPAGATION.plus(Duration.ofSeconds(1)),
                () -> "after".equals(b.run(alice, "restart").body()),
                () -> "B never caught up after its listener was cut");
        within(Duration.ofSeconds(10), () -> listeners() == 2, () -> "the listeners did not come back");
        report(
                "listeners cut: the save made meanwhile seen on B %d ms after the save; both listening again within"
                        + " %d ms of the cut",
                seen, Duration.between(cut, Instant.now()).toMillis());
        var again = a.api.token(alice.token())
                .post(
                        "/v1/vals/" + id + "/versions",
                        Json.createObjectBuilder()
                                .add("code", page("again"))
                                .build()
                                .toString());
        assertEquals(201, again.status(), again::toString);
        within(PROPAGATION, () -> "again".equals(b.run(alice, "restart").body()), () -> "B missed a later save");
    }

    private static int terminateListeners() throws SQLException {
        try (var db = DriverManager.getConnection(DB_URL, DB_USER, "");
                var statement = db.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = ? AND application_name = 'valbox cluster'")) {
            statement.setString(1, DATABASE);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int listeners() {
        try (var db = DriverManager.getConnection(DB_URL, DB_USER, "");
                var statement = db.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = ? AND application_name = 'valbox cluster'")) {
            statement.setString(1, DATABASE);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sessionsCsrfAndValTokensWorkOnEveryMember() {
        var login = b.api.post(
                "/v1/login", "{\"username\":\"" + alice.username() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        assertEquals(200, login.status(), login::toString);
        var cookie = login.header("Set-Cookie")
                .substring(0, login.header("Set-Cookie").indexOf(';'));
        var written = a.api.header("Cookie", cookie)
                .header("X-CSRF-Token", login.object().getString("csrfToken"))
                .post("/v1/vals", "{\"name\":\"fromsession\",\"code\":\"export default () => 1\"}");
        assertEquals(200, written.status(), written::toString);

        // A val token signed by one member is verified by the other: the key is shared through the database.
        Accounts.createVal(a.api, alice, "whoami", "private", "export default () => Deno.env.get('valtown')");
        var jwt = Json.createReader(new java.io.StringReader(a.api.token(alice.token())
                        .get("/v1/run/" + alice.username() + ".whoami")
                        .body()))
                .readValue()
                .toString()
                .replace("\"", "");
        var me = b.api.token(jwt).get("/v1/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals(alice.username(), me.object().getString("username"));
    }

    @Test
    void anEnvVarSetOnOneMemberIsSeenByTheOthersNextRun() {
        httpVal(a, "greet", "export default () => new Response(Deno.env.get('GREETING') ?? 'none')");
        assertEquals("none", b.run(alice, "greet").body());
        var set = a.api.token(alice.token()).put("/v1/me/env/GREETING", "{\"value\":\"hello\"}");
        assertTrue(set.status() / 100 == 2, set::toString);
        var delay =
                within(PROPAGATION, () -> "hello".equals(b.run(alice, "greet").body()), () -> "B's run has no env");
        report("env var set on A, seen by a run on B after %d ms", delay);
    }

    @Test
    void aRunOnOneMemberIsListedAndCancelledThroughTheOther() throws Exception {
        var id = Accounts.createVal(a.api, alice, "spin", "private", "export default () => { for (;;) {} }");
        var run = CompletableFuture.supplyAsync(
                () -> a.api.token(alice.token()).get("/v1/run/" + alice.username() + ".spin"));
        var evaluation = new String[1];
        within(
                Duration.ofSeconds(10),
                () -> {
                    evaluation[0] = b
                            .api
                            .token(alice.token())
                            .get("/v1/vals/" + id + "/evaluations")
                            .object()
                            .getJsonArray("data")
                            .stream()
                            .map(JsonObject.class::cast)
                            .filter(e -> e.getString("status").equals("running"))
                            .map(e -> e.getString("id"))
                            .findFirst()
                            .orElse(null);
                    return evaluation[0] != null;
                },
                () -> "the run on A is never listed as running on B");
        var cancelled = Instant.now();
        var cancel =
                b.api.token(alice.token()).post("/v1/vals/" + id + "/evaluations/" + evaluation[0] + "/cancel", null);
        assertEquals(200, cancel.status(), cancel::toString);
        assertTrue(cancel.object().getBoolean("found"), cancel::toString);
        var answer = run.get(10, TimeUnit.SECONDS);
        assertEquals(400, answer.status(), answer::toString);
        report(
                "cancel through B stopped the run on A after %d ms",
                Duration.between(cancelled, Instant.now()).toMillis());
        within(
                Duration.ofSeconds(5),
                () -> "cancelled"
                        .equals(b.api.token(alice.token())
                                .get("/v1/evaluations/" + evaluation[0])
                                .object()
                                .getString("status")),
                () -> "B does not show the evaluation as cancelled");
    }

    /**
     * Each tick is made due by moving the val's {@code next_run_at} to a second ago, as the minute's turn would: both
     * members' schedulers (every 200 ms here) race for it, and exactly one run follows. Then A dies (kill -9) and B
     * alone serves and fires the next tick, once.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void intervalTicksFireOnceAcrossMembersAndAfterAMemberDies() throws Exception {
        var created = a.api.token(alice.token())
                .post(
                        "/v1/vals",
                        "{\"name\":\"tick\",\"type\":\"interval\",\"schedule\":\"every 60 minutes\","
                                + "\"privacy\":\"public\",\"code\":\"export default () => 1\"}");
        assertEquals(200, created.status(), created::toString);
        var id = created.object().getString("id");
        for (int tick = 1; tick <= 3; tick++) {
            tick(id);
            var expected = tick;
            var member = tick % 2 == 1 ? b : a;
            within(
                    Duration.ofSeconds(10),
                    () -> runs(member, id) == expected,
                    () -> "tick " + expected + " did not run");
        }
        Thread.sleep(2_000);
        assertEquals(3, runs(a, id), "three ticks, three runs");
        assertEquals(3, runs(b, id), "three ticks, three runs");

        httpVal(a, "alive", page("alive"));
        a.kill();
        assertEquals("alive", b.run(alice, "alive").body());
        tick(id);
        within(Duration.ofSeconds(10), () -> runs(b, id) == 4, () -> "the tick after A died did not run on B");
        Thread.sleep(2_000);
        assertEquals(4, runs(b, id), "one more tick, one more run");
    }

    @Test
    void badClusterSettingsStopBinValboxBeforeAnythingStarts() throws Exception {
        var bad = List.of(
                List.of("--cluster", "a,,b"),
                List.of("--cluster", "bad host"),
                List.of("--cluster", "app1:70000"),
                List.of("--cluster", "app1:5910-5900"),
                List.of("--cluster", "app1", "--cluster-port", "x"));
        for (var args : bad) {
            var refused = binValbox(args, DB_URL);
            assertEquals(2, refused.exitValue(), () -> args + ": " + refused.output());
            assertTrue(refused.output().startsWith("valbox: --cluster"), () -> args + ": " + refused.output());
        }
        var onH2 = binValbox(List.of("--cluster", "app1"), "");
        assertEquals(2, onH2.exitValue(), onH2::output);
        assertTrue(onH2.output().contains("needs PostgreSQL"), onH2::output);
    }

    private record Exit(int exitValue, String output) {}

    private static Exit binValbox(List<String> args, String dbUrl) throws Exception {
        var command = new ArrayList<>(List.of("bash", ROOT.resolve("bin/valbox").toString(), "run"));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VALBOX_DB_URL", dbUrl);
        builder.environment().put("VALBOX_SECRETS_KEY", "unused");
        builder.environment().put("VALBOX_DATA", WORK.resolve("refused").toString());
        var process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bin/valbox kept running");
        return new Exit(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void tick(String valId) throws SQLException {
        try (var db = DriverManager.getConnection(DB_URL, DB_USER, "");
                var due = db.prepareStatement("UPDATE vb_val_schedule SET next_run_at = ? WHERE val_id = ?")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            due.setObject(2, UUID.fromString(valId));
            assertEquals(1, due.executeUpdate());
        }
    }

    private int runs(Member member, String valId) {
        var page = member.api.token(alice.token()).get("/v1/vals/" + valId + "/evaluations?limit=50");
        assertEquals(200, page.status(), page::toString);
        return (int) page.object().getJsonArray("data").stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.getString("trigger").equals("interval"))
                .count();
    }

    /** A public HTTP val, created through {@code member}; answers its id. */
    private String httpVal(Member member, String name, String code) {
        var created = member.api
                .token(alice.token())
                .post(
                        "/v1/vals",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("type", "http")
                                .add("privacy", "public")
                                .add("code", code)
                                .build()
                                .toString());
        assertEquals(200, created.status(), created::toString);
        return created.object().getString("id");
    }

    private static String page(String body) {
        return "export default () => new Response('" + body + "')";
    }

    /** Waits until {@code done}, polling every 10 ms; answers how long it took, in ms, or fails past {@code limit}. */
    private static long within(Duration limit, BooleanSupplier done, Supplier<String> failure) {
        var start = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError(failure.get() + " (waited " + limit.toMillis() + " ms)");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String load() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void report(String format, Object... args) {
        var line = String.format(format, args);
        System.out.println("[cluster] " + line);
        try {
            Files.writeString(
                    WORK.resolve("measurements.txt"),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One member: {@code bin/valbox run --cluster} with its own port and data directory, as an operator starts it. */
    static final class Member {

        final String name;
        final int port;
        final Process process;
        final Path log;
        final Api api;
        double upSeconds;

        private Member(String name, int port, Process process, Path log) throws MalformedURLException {
            this.name = name;
            this.port = port;
            this.process = process;
            this.log = log;
            this.api = Api.at(new URL("http://localhost:" + port + "/"));
        }

        static Member start(String name, int gridPort, int otherGridPort, String secretsKey) throws IOException {
            int port = freePort();
            var data = WORK.resolve(name);
            var log = WORK.resolve(name + ".log");
            var builder = new ProcessBuilder(
                            "bash",
                            ROOT.resolve("bin/valbox").toString(),
                            "run",
                            "--port",
                            String.valueOf(port),
                            "--data",
                            data.toString(),
                            "--cluster",
                            "127.0.0.1:" + otherGridPort,
                            "--cluster-port",
                            String.valueOf(gridPort))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            var env = builder.environment();
            env.put("VALBOX_DB_URL", DB_URL);
            env.put("VALBOX_DB_USER", DB_USER);
            env.put("VALBOX_DB_PASSWORD", "trust");
            env.put("VALBOX_SECRETS_KEY", secretsKey);
            env.put("VALBOX_NPM_REGISTRY", "http://127.0.0.1:9/");
            env.put("VALBOX_HEAP", "384m");
            env.put(
                    "VALBOX_JAVA_OPTS",
                    "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dvalbox.run.timeout-ms=20000"
                            + " -Dvalbox.runner.workers=1 -Dvalbox.runner.heap-mb=128 -Dvalbox.compiler.workers=1"
                            + " -Dvalbox.email.smtp-port=0"
                            + " -Dvalbox.interval.tick-ms=200");
            return new Member(name, port, builder.start(), log);
        }

        void awaitUp(Instant started) throws IOException, InterruptedException {
            var deadline = started.plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("member " + name + " exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    var health = api.get("/health");
                    if (health.status() == 200 && health.body().contains("\"UP\"")) {
                        upSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("member " + name + " was not up within 5 minutes:\n" + tail());
        }

        Api.Reply run(Account author, String val) {
            return api.host(author.username() + "-" + val + ".web.run.localhost:" + port)
                    .get("/");
        }

        long rssMb() throws IOException {
            for (var line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            return -1;
        }

        /** kill -9; then the worker JVMs it started, which would otherwise stop only when they notice. */
        void kill() {
            var workers = process.descendants().toList();
            process.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String tail() throws IOException {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }
}
