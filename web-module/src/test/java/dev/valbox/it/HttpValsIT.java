package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.it.Accounts.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §1 and §4: HTTP and Express vals on the run domain, and what keeps them apart from the site. */
class HttpValsIT extends DeployedValbox {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Account alice;
    int port;

    @BeforeEach
    void signUp() {
        alice = Accounts.signup(api, "alice");
        port = deployed.getPort();
    }

    private String val(String name, String type, String privacy, String code) {
        var reply = api.token(alice.token())
                .post(
                        "/v1/vals",
                        "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"privacy\":\"" + privacy + "\",\"code\":"
                                + jakarta.json.Json.createValue(code) + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("id");
    }

    private Api web(String name) {
        return api.host(alice.username() + "-" + name.toLowerCase() + ".web.run.localhost:" + port);
    }

    @Test
    void everyChangeToAValTakesEffectOnItsNextRequest() {
        var asAlice = api.token(alice.token());
        var id = val("changing", "http", "public", "export default () => new Response('one')");
        assertEquals("one", web("changing").get("/").body());
        assertEquals("one", web("changing").get("/").body());

        var saved =
                asAlice.post("/v1/vals/" + id + "/versions", "{\"code\":\"export default () => new Response('two')\"}");
        assertEquals(201, saved.status(), saved::toString);
        assertEquals("two", web("changing").get("/").body());

        assertEquals(
                204,
                asAlice.put("/v1/vals/" + id, "{\"privacy\":\"legacy_private\"}")
                        .status());
        assertEquals(401, web("changing").get("/").status());
        assertEquals(
                204,
                asAlice.put("/v1/vals/" + id, "{\"privacy\":\"unlisted\",\"name\":\"renamed\"}")
                        .status());
        assertEquals(404, web("changing").get("/").status());
        assertEquals("two", web("renamed").get("/").body());

        assertEquals(204, asAlice.put("/v1/vals/" + id, "{\"type\":\"script\"}").status());
        assertEquals(404, web("renamed").get("/").status());
        assertEquals(204, asAlice.put("/v1/vals/" + id, "{\"type\":\"http\"}").status());
        assertEquals("two", web("renamed").get("/").body());

        assertEquals(204, asAlice.delete("/v1/vals/" + id).status());
        assertEquals(404, web("renamed").get("/").status());
    }

    @Test
    void aValDeletedWhileItsRunsAreRecordedIsDeleted() throws Exception {
        var asAlice = api.token(alice.token());
        for (int round = 0; round < 10; round++) {
            var name = "busy_" + round;
            var id = val(name, "http", "public", "export default () => new Response('busy')");
            var deleted = new AtomicBoolean();
            // Three callers keep the val busy until it is gone, so its runs are being recorded while it is deleted.
            var replies = Simultaneous.send(4, caller -> {
                if (caller < 3) {
                    Api.Reply last;
                    do {
                        last = web(name).get("/");
                    } while (!deleted.get());
                    return last;
                }
                try {
                    Thread.sleep(200);
                    return asAlice.delete("/v1/vals/" + id);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    deleted.set(true);
                }
            });
            assertEquals(204, replies.get(3).status(), replies.get(3)::toString);
            assertEquals(404, web(name).get("/").status(), name);
            assertEquals(404, asAlice.get("/v1/vals/" + id).status(), name);
        }
    }

    @Test
    void everyMethodAndPathReachesTheHandlerWithTheWholeRequest() {
        val(
                "echo",
                "http",
                "private",
                "export default async function (req: Request) {\n"
                        + "  return Response.json({ method: req.method, url: req.url, body: await req.text(),\n"
                        + "    type: req.headers.get('content-type'), custom: req.headers.get('x-custom') });\n"
                        + "}");
        for (var method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            var body = method.equals("GET") || method.equals("DELETE") ? null : "{\"n\":1}";
            var reply = web("echo").header("X-Custom", "yes").send(method, "/any/deep/path?q=1&r=two", body);
            assertEquals(200, reply.status(), reply::toString);
            var echo = reply.object();
            assertEquals(method, echo.getString("method"));
            assertEquals(
                    "http://" + alice.username() + "-echo.web.run.localhost:" + port + "/any/deep/path?q=1&r=two",
                    echo.getString("url"));
            assertEquals("yes", echo.getString("custom"));
            assertEquals(body == null ? "" : body, echo.getString("body"));
        }
    }

    @Test
    void statusHeadersBinaryBodiesAndRedirectsComeBackAsTheValGaveThem() throws Exception {
        val(
                "bytes",
                "http",
                "public",
                "export default async function (req: Request) {\n"
                        + "  const url = new URL(req.url);\n"
                        + "  if (url.pathname === '/go') return Response.redirect('https://example.com/there', 307);\n"
                        + "  const bytes = new Uint8Array(await req.arrayBuffer());\n"
                        + "  const reversed = bytes.slice().reverse();\n"
                        + "  return new Response(reversed, { status: 418, headers: { 'content-type': 'application/octet-stream',"
                        + " 'x-length': String(bytes.length) } });\n"
                        + "}");
        var payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/bin"))
                .header("Host", alice.username() + "-bytes.web.run.localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        var reply = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(418, reply.statusCode());
        assertEquals("256", reply.headers().firstValue("x-length").orElseThrow());
        var expected = new byte[256];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (255 - i);
        }
        assertArrayEquals(expected, reply.body());

        var redirect = web("bytes").get("/go");
        assertEquals(307, redirect.status());
        assertEquals("https://example.com/there", redirect.header("location"));
    }

    @Test
    void expressValsGetValTownsReqAndResSubset() {
        val(
                "shop",
                "express",
                "public",
                "export default function (req, res) {\n"
                        + "  if (req.path === '/away') return res.redirect(301, '/home');\n"
                        + "  res.status(201).set('x-query', req.query.item).type('json');\n"
                        + "  res.json({ method: req.method, path: req.path, originalUrl: req.originalUrl, body: req.body,\n"
                        + "    protocol: req.protocol, secure: req.secure, agent: req.get('x-agent'), params: req.params });\n"
                        + "}");
        var express = api.host(alice.username() + "-shop.express.run.localhost:" + port)
                .header("X-Agent", "test");
        var reply = express.post("/cart/add?item=7", "{\"qty\":2}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("7", reply.header("x-query"));
        var echo = reply.object();
        assertEquals("POST", echo.getString("method"));
        assertEquals("/cart/add", echo.getString("path"));
        assertEquals("/cart/add?item=7", echo.getString("originalUrl"));
        assertEquals(2, echo.getJsonObject("body").getInt("qty"));
        assertEquals("http", echo.getString("protocol"));
        assertFalse(echo.getBoolean("secure"));
        assertEquals("test", echo.getString("agent"));
        var away = express.get("/away");
        assertEquals(301, away.status());
        assertEquals("/home", away.header("location"));

        var form = express.header("Content-Type", "application/x-www-form-urlencoded")
                .send("POST", "/f", "a=1&b=two");
        assertEquals("two", form.object().getJsonObject("body").getString("b"), form::toString);
    }

    @Test
    void theOldExpressUrlOnTheSiteRedirectsToTheRunDomain() {
        var reply = api.get("/v1/express/" + alice.username() + ".Shop/a/b?c=1");
        assertEquals(308, reply.status(), reply::toString);
        assertEquals(
                "http://" + alice.username() + "-shop.express.run.localhost:" + port + "/a/b?c=1",
                reply.header("Location"));
        assertEquals(
                308, api.post("/v1/express/" + alice.username() + ".shop", "{}").status());
    }

    @Test
    void unknownValsAndValsOfAnotherTypeAre404() {
        val("script", "script", "public", "export default () => 1");
        for (var host : List.of(
                alice.username() + "-script.web.run.localhost",
                alice.username() + "-nothing.web.run.localhost",
                "nobody_here-x.web.run.localhost",
                alice.username() + "-script.express.run.localhost")) {
            var reply = api.host(host + ":" + port).get("/");
            assertEquals(404, reply.status(), host + " " + reply);
            assertTrue(reply.contentType().startsWith("text/plain"));
        }
    }

    @Test
    void aValThatThrowsIs500AndOneThatRunsOutOfTimeIs504WithoutInternals() {
        val("thrower", "http", "public", "export default () => { throw new TypeError('kaputt') }");
        var thrown = web("thrower").get("/");
        assertEquals(500, thrown.status(), thrown::toString);
        assertTrue(thrown.body().contains("TypeError: kaputt"), thrown::toString);
        assertFalse(thrown.body().matches("(?s).*(java\\.|nashorn|Exception|\\bat ).*"), thrown::toString);

        val("sleeper", "http", "public", "export default () => { for (;;) {} }");
        var slow = web("sleeper").get("/");
        assertEquals(504, slow.status(), slow::toString);

        val("huge", "http", "public", "export default () => new Response('x'.repeat(11 * 1024 * 1024))");
        var huge = web("huge").get("/");
        assertEquals(500, huge.status(), huge::toString);
        assertTrue(huge.body().contains("too large"), huge::toString);
    }

    @Test
    void requestBodiesOver2MbAre413() {
        val(
                "sink",
                "http",
                "public",
                "export default async (req: Request) => new Response(String((await req.text()).length))");
        assertEquals("1000", web("sink").post("/", "x".repeat(1000)).body());
        assertEquals(413, web("sink").post("/", "x".repeat(2 * 1024 * 1024 + 1)).status());
    }

    @Test
    void legacyPrivateEndpointsNeedTheAuthorsTokenWithValRead() {
        val(
                "vault",
                "http",
                "legacy_private",
                "export default (req: Request) => new Response('auth=' + req.headers.get('authorization'))");
        assertEquals(401, web("vault").get("/").status());
        var bob = Accounts.signup(api, "bob");
        assertEquals(401, web("vault").token(bob.token()).get("/").status());
        var writeOnly = api.token(alice.token())
                .post("/v1/me/tokens", "{\"name\":\"w\",\"scopes\":[\"val:write\"]}")
                .object()
                .getString("token");
        assertEquals(401, web("vault").token(writeOnly).get("/").status());
        var opened = web("vault").token(alice.token()).get("/");
        assertEquals(200, opened.status(), opened::toString);
        assertEquals("auth=null", opened.body(), "the token that opened the endpoint is not shown to the val");

        val("open", "http", "private", "export default () => new Response('anyone')");
        assertEquals("anyone", web("open").get("/").body(), "private endpoints are open (SPEC §3)");
    }

    @Test
    void cookiesStayOnTheValsHostAndTheSitesSessionNeverReachesIt() {
        val(
                "cookies",
                "http",
                "public",
                "export default (req: Request) => {\n"
                        + "  const headers = new Headers({ 'content-type': 'text/plain' });\n"
                        + "  headers.append('set-cookie', 'a=1; Domain=run.localhost; Path=/; HttpOnly');\n"
                        + "  headers.append('set-cookie', 'b=2; domain=.localhost');\n"
                        + "  return new Response(String(req.headers.get('cookie')), { headers });\n"
                        + "}");
        var login = api.post(
                "/v1/login", "{\"username\":\"" + alice.username() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        var session = login.header("Set-Cookie").split(";")[0];
        var reply = web("cookies").header("Cookie", session + "; theirs=1").get("/");
        assertEquals("theirs=1", reply.body());
        var cookies = reply.raw().headers().allValues("set-cookie");
        assertEquals(2, cookies.size(), cookies::toString);
        for (var cookie : cookies) {
            assertFalse(cookie.toLowerCase().contains("domain"), cookie);
        }
        assertTrue(cookies.contains("a=1; Path=/; HttpOnly"), cookies::toString);
    }

    @Test
    void theRunDomainNeverServesTheApiOrModuleSourceAndTheSiteNeverRunsVals() {
        val(
                "page",
                "http",
                "public",
                "export default () => new Response('<script>alert(1)</script>', "
                        + "{ headers: { 'content-type': 'text/html' } })");
        var run = web("page");
        var me = run.token(alice.token()).get("/v1/me");
        assertTrue(me.body().contains("<script>"), "every path on a val's host goes to the val, never the API");
        assertFalse(me.body().contains(alice.email()), me::toString);

        var other = api.host("x.run.localhost:" + port);
        assertEquals(404, other.token(alice.token()).get("/v1/me").status());
        assertEquals(404, other.get("/v/" + alice.username() + "/page").status());

        var source = api.get("/v/" + alice.username() + "/page");
        assertEquals(200, source.status());
        assertTrue(source.contentType().startsWith("text/plain"), source.contentType());
        assertEquals("nosniff", source.header("X-Content-Type-Options"));
        assertTrue(source.body().startsWith("export default"), "the site shows the code, never its output");

        var apiReply = api.get("/v1/alias/" + alice.username() + "/page");
        assertTrue(apiReply.header("Content-Security-Policy").startsWith("sandbox"), apiReply::toString);
        assertNull(apiReply.header("Set-Cookie"));
    }

    /** RFC 9110: the scheme is case-insensitive; every entrance reads it through the one parser. */
    @Test
    void theBearerSchemeIsReadInAnyCaseAtEveryEntrance() {
        val("secret", "http", "legacy_private", "export default () => new Response('only alice')");
        val("source", "script", "private", "export const v = 7;");
        var token = alice.token();
        assertEquals(401, web("secret").get("/").status(), "without the token the endpoint is closed");
        assertEquals(404, api.get("/v/" + alice.username() + "/source").status(), "and the source hidden");
        for (var scheme : List.of("bearer ", "BEARER ", "Bearer ")) {
            var authorization = scheme + token;
            assertEquals(
                    200,
                    api.header("Authorization", authorization).get("/v1/me").status(),
                    scheme);
            assertEquals(
                    "only alice",
                    web("secret")
                            .header("Authorization", authorization)
                            .get("/")
                            .body(),
                    scheme);
            assertEquals(
                    "export const v = 7;",
                    api.header("Authorization", authorization)
                            .get("/v/" + alice.username() + "/source")
                            .body(),
                    scheme);
        }
        var run = api.token(token)
                .post("/v1/vals", "{\"name\":\"whoami\",\"code\":\"export default () => Deno.env.get('valtown')\"}");
        assertEquals(200, run.status(), run::toString);
        var valToken = api.token(token)
                .get("/v1/run/" + alice.username() + ".whoami")
                .body()
                .replace("\"", "");
        var me = api.header("Authorization", "bearer " + valToken).get("/v1/me");
        assertEquals(200, me.status(), "a val token with the scheme in lower case: " + me);
        assertEquals(alice.username(), me.object().getString("username"));
    }

    @Test
    void moduleSourceFollowsPrivacyAndPins() {
        var id = val("lib", "script", "private", "export const v = 0;");
        api.token(alice.token()).post("/v1/vals/" + id + "/versions", "{\"code\":\"export const v = 1;\"}");
        assertEquals(404, api.get("/v/" + alice.username() + "/lib").status());
        assertEquals(
                "export const v = 1;",
                api.token(alice.token()).get("/v/" + alice.username() + "/lib").body());
        assertEquals(
                "export const v = 0;",
                api.token(alice.token())
                        .get("/v/" + alice.username() + "/lib?v=0")
                        .body());
        assertEquals(
                "export const v = 0;",
                api.token(alice.token())
                        .get("/v/" + alice.username() + "/lib@0-main/main.ts")
                        .body());
        assertEquals(
                404,
                api.token(alice.token())
                        .get("/v/" + alice.username() + "/lib/other.ts")
                        .status());
        var bob = Accounts.signup(api, "bob");
        assertEquals(
                404,
                api.token(bob.token()).get("/v/" + alice.username() + "/lib").status());
    }
}
