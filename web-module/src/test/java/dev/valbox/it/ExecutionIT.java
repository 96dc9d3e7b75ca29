package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** SPEC §4: transpile on save, Eval and Run, imports and their privacy, evaluations and cancel. */
class ExecutionIT extends SignedUpValbox {

    @Test
    void evalAnswersAnExpressionOrCallsAFunctionWithArgs() {
        var sum = api.get("/v1/eval/" + encode("1 + 1"));
        assertEquals(200, sum.status(), sum::toString);
        assertEquals("2", sum.body());
        var call = api.post("/v1/eval", "{\"code\":\"(a: number, b: number) => a + b\",\"args\":[2,3]}");
        assertEquals("5", call.body(), call::toString);
        var module = api.post(
                "/v1/eval",
                "{\"code\":\"export default async function () { return { ok: await Promise.resolve(true) } }\"}");
        assertEquals(true, module.object().getBoolean("ok"), module::toString);
        var promise = api.get("/v1/eval/" + encode("Promise.resolve(20).then(n => ({ n: n + 1 }))"));
        assertEquals(21, promise.object().getInt("n"), promise::toString);
        var later =
                api.post("/v1/eval", "{\"code\":\"new Promise(resolve => setTimeout(() => resolve([1, 2]), 30))\"}");
        assertEquals("[1,2]", later.body(), later::toString);
        var rejected = api.get("/v1/eval/" + encode("Promise.reject(new RangeError('late'))"));
        assertEquals(400, rejected.status(), rejected::toString);
        assertEquals("RangeError: late", rejected.object().getString("error"));
    }

    @Test
    void runAnswersTheValueOfAScriptValsOnlyExport() {
        Accounts.createVal(api, alice, "answer", "public", "export const answer = { n: 42 };");
        assertEquals(
                "{\"n\":42}", api.get("/v1/run/" + alice.username() + ".answer").body());
        Accounts.createVal(api, alice, "later", "public", "export const later = Promise.resolve('done');");
        assertEquals(
                "\"done\"", api.get("/v1/run/" + alice.username() + ".later").body());
        // Several values are the module's data, by name.
        Accounts.createVal(api, alice, "pair", "public", "export const a = 1;\nexport const b = [2];");
        assertEquals(
                "{\"a\":1,\"b\":[2]}",
                api.get("/v1/run/" + alice.username() + ".pair").body());
    }

    @Test
    void evalErrorsKeepValTownsShape() {
        var thrown = api.post("/v1/eval", "{\"code\":\"export default () => { throw new TypeError('boom') }\"}");
        assertEquals(400, thrown.status(), thrown::toString);
        assertEquals("error", thrown.object().getString("type"));
        assertEquals("TypeError: boom", thrown.object().getString("error"));
        var syntax = api.post("/v1/eval", "{\"code\":\"let x = ;\"}");
        assertEquals(400, syntax.status(), syntax::toString);
        assertTrue(syntax.object().getString("error").startsWith("SyntaxError"), syntax::toString);
        assertTrue(syntax.object().getString("error").contains("line 1"), syntax::toString);
    }

    @Test
    void evalWithATokenNeedsValWrite() {
        var readOnly = asAlice.post("/v1/me/tokens", "{\"name\":\"ro\",\"scopes\":[\"val:read\"]}")
                .object()
                .getString("token");
        assertProblem(api.token(readOnly).get("/v1/eval/" + encode("1")), 403, "forbidden", null);
        assertEquals("1", asAlice.get("/v1/eval/" + encode("1")).body());
    }

    @Test
    void aSaveWithASyntaxErrorIsKeptAndReportsWhere() {
        var saved = asAlice.post(
                "/v1/vals", "{\"name\":\"broken\",\"code\":\"export function f() {\\n  return 1 +;\\n}\"}");
        assertEquals(200, saved.status(), saved::toString);
        var errors = saved.object().getJsonArray("compileErrors");
        assertEquals(2, errors.getJsonObject(0).getInt("line"), errors::toString);
        assertTrue(errors.getJsonObject(0).getInt("column") > 0);
        assertEquals(
                "export function f() {\n  return 1 +;\n}",
                asAlice.get("/v1/vals/" + saved.object().getString("id"))
                        .object()
                        .getString("code"));

        var run = asAlice.get("/v1/run/" + alice.username() + ".broken");
        assertEquals(400, run.status(), run::toString);
        assertTrue(run.object().getString("error").contains("line 2"), run::toString);

        var fixed = asAlice.post(
                "/v1/vals/" + saved.object().getString("id") + "/versions",
                "{\"code\":\"export function f() { return 1 }\"}");
        assertTrue(fixed.object().isNull("compileErrors"), fixed::toString);
    }

    @Test
    void runCallsTheExportedFunctionAndRecordsTheEvaluation() {
        var code = "interface P { name: string }\n"
                + "class Greeter { constructor(private greeting: string) {} greet(p: P) { return `${this.greeting}, ${p.name}`; } }\n"
                + "export async function greet(name: string, ...rest: number[]) {\n"
                + "  const { a, ...others } = { a: 1, b: 2 };\n"
                + "  console.log('greeting', name, others);\n"
                + "  const total = [...rest].reduce((x, y) => x + y, 0) ?? 0;\n"
                + "  return { text: new Greeter('Hello').greet({ name }), total, b: others?.b };\n"
                + "}\n";
        var id = Accounts.createVal(api, alice, "greet", "public", code);
        var run = api.post("/v1/run/" + alice.username() + ".greet", "{\"args\":[\"Bob\",1,2]}");
        assertEquals(200, run.status(), run::toString);
        assertEquals("Hello, Bob", run.object().getString("text"));
        assertEquals(3, run.object().getInt("total"));
        assertEquals(2, run.object().getInt("b"));

        var evaluationId = run.header("X-Valbox-Evaluation");
        var evaluation = asAlice.get("/v1/evaluations/" + evaluationId).object();
        assertEquals("ok", evaluation.getString("status"), evaluation::toString);
        assertEquals("run", evaluation.getString("trigger"));
        assertEquals(id, evaluation.getString("valId"));
        assertEquals(0, evaluation.getInt("version"));
        assertEquals(
                "greeting Bob { b: 2 }",
                evaluation.getJsonArray("logs").getJsonObject(0).getString("text"));
        assertEquals("Hello, Bob", evaluation.getJsonObject("returnValue").getString("text"));

        var list = asAlice.get("/v1/vals/" + id + "/evaluations").object().getJsonArray("data");
        assertEquals(evaluationId, list.getJsonObject(0).getString("id"));

        var bob = Accounts.signup(api, "bob");
        assertProblem(api.token(bob.token()).get("/v1/evaluations/" + evaluationId), 404, "not-found", null);
        assertProblem(api.token(bob.token()).get("/v1/vals/" + id + "/evaluations"), 404, "not-found", null);
    }

    @Test
    void errorsCarryTheJsStackWithoutJavaFrames() {
        Accounts.createVal(api, alice, "thrower", "public", "export function go() {\n  return missing.x;\n}");
        var run = api.get("/v1/run/" + alice.username() + ".thrower");
        assertEquals(400, run.status(), run::toString);
        assertTrue(run.object().getString("error").startsWith("ReferenceError"), run::toString);
        var evaluation = asAlice.get("/v1/evaluations/" + run.header("X-Valbox-Evaluation"))
                .object();
        assertEquals("error", evaluation.getString("status"));
        var stack = evaluation.getJsonObject("error").getString("stack");
        assertFalse(stack.matches("(?s).*(java\\.|jdk\\.|nashorn|\\.java).*"), stack);
    }

    @Test
    void privateValsRunOnlyForTheirAuthor() {
        Accounts.createVal(api, alice, "secret", "private", "export default () => 42");
        assertEquals(
                "42", asAlice.get("/v1/run/" + alice.username() + ".secret").body());
        assertProblem(api.get("/v1/run/" + alice.username() + ".secret"), 404, "not-found", null);
        var bob = Accounts.signup(api, "bob");
        assertProblem(api.token(bob.token()).get("/v1/run/" + alice.username() + ".secret"), 404, "not-found", null);
    }

    @Test
    void importsResolveByUrlWithPinsAndPrivacy() {
        var lib = Accounts.createVal(api, alice, "lib", "public", "export const greet = (n: string) => 'hi ' + n;");
        asAlice.post(
                "/v1/vals/" + lib + "/versions", "{\"code\":\"export const greet = (n: string) => 'hello ' + n;\"}");
        Accounts.createVal(api, alice, "hidden", "private", "export const secret = 's3cret';");

        var bob = Accounts.signup(api, "bob");
        var asBob = api.token(bob.token());
        var latest = "import { greet } from 'https://esm.town/v/" + alice.username() + "/lib';\n"
                + "export default () => greet('bob');";
        Accounts.createVal(api, bob, "latest", "public", latest);
        assertEquals(
                "\"hello bob\"",
                asBob.get("/v1/run/" + bob.username() + ".latest").body());

        var pinned = "import { greet } from 'http://localhost:8080/v/" + alice.username() + "/lib?v=0';\n"
                + "export default () => greet('bob');";
        Accounts.createVal(api, bob, "pinned", "public", pinned);
        assertEquals(
                "\"hi bob\"", asBob.get("/v1/run/" + bob.username() + ".pinned").body());

        var spelledAsValTown =
                "import { greet } from 'https://esm.town/v/" + alice.username() + "/lib@0-main/main.ts';\n"
                        + "import { blob } from 'https://esm.town/v/std/blob/main.ts?v=13';\n"
                        + "export default () => greet('bob') + ' ' + typeof blob.getJSON;";
        Accounts.createVal(api, bob, "spelled", "public", spelledAsValTown);
        assertEquals(
                "\"hi bob function\"",
                asBob.get("/v1/run/" + bob.username() + ".spelled").body());

        var meta = "import { greet } from 'https://esm.town/v/" + alice.username() + "/lib';\n"
                + "export default () => [import.meta.url, import.meta.main, greet('me')];";
        Accounts.createVal(api, bob, "meta", "public", meta);
        assertEquals(
                "[\"http://localhost:8080/v/" + bob.username() + "/meta?v=0\",false,\"hello me\"]",
                asBob.get("/v1/run/" + bob.username() + ".meta").body());

        var stealing = "import { secret } from 'https://esm.town/v/" + alice.username() + "/hidden';\n"
                + "export default () => secret;";
        Accounts.createVal(api, bob, "stealing", "public", stealing);
        var refused = asBob.get("/v1/run/" + bob.username() + ".stealing");
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.object().getString("error").contains("https://esm.town/v/" + alice.username() + "/hidden"));
        assertFalse(refused.body().contains("s3cret"));

        var own = "import { secret } from 'https://esm.town/v/" + alice.username() + "/hidden';\n"
                + "export default () => secret;";
        Accounts.createVal(api, alice, "own", "private", own);
        assertEquals(
                "\"s3cret\"",
                asAlice.get("/v1/run/" + alice.username() + ".own").body());

        // npm packages resolve when a version is saved (NpmPackagesIT); other schemes fail the run, naming the import.
        Accounts.createVal(
                api, bob, "jsr", "public", "import { join } from 'jsr:@std/path';\nexport default () => join('a');");
        var jsr = asBob.get("/v1/run/" + bob.username() + ".jsr");
        assertEquals(400, jsr.status(), jsr::toString);
        assertTrue(jsr.object().getString("error").contains("jsr:@std/path"), jsr::toString);
    }

    @Test
    void aRunningEvaluationCanBeCancelled() throws Exception {
        var id = Accounts.createVal(api, alice, "spin", "private", "export default () => { for (;;) {} }");
        var run = CompletableFuture.supplyAsync(() -> asAlice.get("/v1/run/" + alice.username() + ".spin"));
        var evaluationId = awaitRunning(id);
        var cancel = asAlice.post("/v1/vals/" + id + "/evaluations/" + evaluationId + "/cancel", null);
        assertEquals(200, cancel.status(), cancel::toString);
        assertTrue(cancel.object().getBoolean("found"));
        var answer = run.get();
        assertEquals(400, answer.status(), answer::toString);
        assertEquals(
                "cancelled",
                asAlice.get("/v1/evaluations/" + evaluationId).object().getString("status"));
        var again = asAlice.post("/v1/vals/" + id + "/evaluations/" + evaluationId + "/cancel", null);
        assertFalse(again.object().getBoolean("found"));
    }

    private String awaitRunning(String valId) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var data =
                    asAlice.get("/v1/vals/" + valId + "/evaluations").object().getJsonArray("data");
            var running = data.stream()
                    .map(JsonObject.class::cast)
                    .filter(e -> e.getString("status").equals("running"))
                    .findFirst();
            if (running.isPresent()) {
                return running.get().getString("id");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never showed up as running");
    }

    static String encode(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String json(String text) {
        return Json.createValue(text).toString();
    }
}
