package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.it.Accounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile val must cost the others nothing: while each runaway runs, the server stays healthy and another user's
 * val answers within 2 s; afterwards every worker is back and no process is left spinning.
 */
class HostileCodeIT extends DeployedValbox {

    Account bob;

    @BeforeEach
    void signUp() {
        bob = Accounts.signup(api, "bob");
        Accounts.createVal(api, bob, "steady", "public", "export default (n: number) => n * 2;");
        assertEquals("42", runSteady().body(), "both workers answer before the attack");
        assertEquals("42", runSteady().body());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "export default () => { while (true) {} }",
                "export default () => { for (;;) { try { for (;;) {} } catch (e) {} } }",
                "export default () => eval('while (true) {}')",
                "export default () => /^(a+)+$/.test('a'.repeat(40) + '!')",
                "export default () => new Array(2e8).join('x').length",
                "export default function f(): number { return f() + 1 }",
                "export default () => JSON.parse('['.repeat(1e5))",
                "export default () => { const a = []; for (;;) { a.push('xxxxxxxxxxxxxxxxxxxxxxxx' + a.length) } }"
            })
    void aRunawayValCostsTheOthersNothing(String code) throws Exception {
        var mallory = Accounts.signup(api, "mallory");
        var name = Accounts.uniqueName("attack");
        Accounts.createVal(api, mallory, name, "public", code);
        var attack = CompletableFuture.supplyAsync(() -> api.get("/v1/run/" + mallory.username() + "." + name));

        Thread.sleep(300);
        var began = Instant.now();
        var steady = runSteady();
        var took = Duration.between(began, Instant.now());
        assertEquals("42", steady.body(), steady::toString);
        assertTrue(took.toMillis() < 2_000, "another user's val took " + took.toMillis() + " ms during the attack");
        assertEquals(200, api.get("/health").status());

        var outcome = attack.get(30, TimeUnit.SECONDS);
        assertEquals(400, outcome.status(), outcome::toString);
        assertEquals("error", outcome.object().getString("type"));
        assertTrue(!outcome.body().matches("(?s).*(java\\.|Exception|nashorn).*"), outcome::toString);

        awaitAllWorkersIdle();
        assertEquals("42", runSteady().body(), "the server carries on after the attack");
    }

    private Api.Reply runSteady() {
        return api.get("/v1/run/" + bob.username() + ".steady?args=21");
    }

    /** The health check counts workers; a worker left spinning would stay busy, or show as one process too many. */
    private void awaitAllWorkersIdle() throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            var health = api.get("/health");
            last = health.body();
            var workers = health.object().getJsonArray("checks").stream()
                    .map(check -> check.asJsonObject())
                    .filter(check -> check.getString("name").equals("workers"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonObject("data");
            // Ready, not merely alive: a replacement still warming up cannot take the next test's runs yet.
            if (workers.getString("busy").equals("0")
                    && workers.getString("ready").equals(workers.getString("size"))) {
                assertEquals(workers.getString("size"), String.valueOf(countWorkerProcesses()), last);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("workers did not all come back: " + last);
    }

    /** Val worker JVMs of this server on this machine (the compiler is the one with the larger heap). */
    private static long countWorkerProcesses() {
        var dataDir = System.getProperty("valbox.it.jvmArgs", "").replaceAll(".*-Dvalbox.data=(\\S+).*", "$1");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir + "/runner/valbox-runner"))
                .filter(p -> p.info().commandLine().orElse("").contains("-Xmx256m"))
                .count();
    }
}
