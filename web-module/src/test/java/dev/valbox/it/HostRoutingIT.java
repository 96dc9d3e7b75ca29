package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §1: the API and the UI answer only on the site hosts; the run domain and unknown hosts never reach them. UI
 * pages carry a strict Content-Security-Policy.
 */
class HostRoutingIT extends DeployedValbox {

    int port;

    @BeforeEach
    void connect() {
        port = deployed.getPort();
    }

    @Test
    void bothSiteHostsReachTheApi() {
        var alice = Accounts.signup(api, "alice");
        assertEquals(
                200,
                api.host("127.0.0.1:" + port).token(alice.token()).get("/v1/me").status());
        assertEquals(
                200, api.host("LOCALHOST").token(alice.token()).get("/v1/me").status());
    }

    @Test
    void theRunDomainNeverReachesTheApi() {
        var alice = Accounts.signup(api, "alice");
        var runHost = api.host(alice.username() + "-hello.web.run.localhost:" + port);
        var reply = runHost.token(alice.token()).get("/v1/me");
        assertEquals(404, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertEquals("no such val", reply.body().trim());

        var login = api.post(
                "/v1/login", "{\"username\":\"" + alice.username() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        var cookie = login.header("Set-Cookie").split(";")[0];
        assertEquals(404, runHost.header("Cookie", cookie).get("/v1/me").status());

        var name = Accounts.uniqueName("mallory");
        var signup = api.host("x.express.run.localhost")
                .post(
                        "/v1/signup",
                        "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\""
                                + Accounts.PASSWORD + "\"}");
        assertEquals(404, signup.status());
        assertEquals(404, api.get("/v1/alias/" + name).status(), "nothing was created through the run domain");
    }

    @Test
    void unknownHostsAre404() {
        for (var host : new String[] {"evil.example", "run.localhost", "localhost.evil.example", "192.0.2.1"}) {
            var reply = api.host(host + ":" + port).get("/v1/search/vals?query=a");
            assertEquals(404, reply.status(), host + ": " + reply);
            assertEquals("unknown host", reply.body().trim());
        }
    }

    @Test
    void uiPagesAreOneDocumentWithAStrictContentSecurityPolicy() {
        var home = api.get("/");
        assertEquals(200, home.status(), home::toString);
        assertTrue(home.contentType().startsWith("text/html"), home.contentType());
        assertTrue(home.body().contains("/assets/js/main.js"), home.body());
        var policy = home.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'self'; script-src 'self'; style-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self'"), policy);
        assertTrue(policy.contains("frame-src *.web.run.localhost:* *.express.run.localhost:*"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertEquals("nosniff", home.header("X-Content-Type-Options"));

        for (var path : new String[] {"/login", "/settings", "/search?q=x", "/u/alice", "/u/alice/hello"}) {
            var page = api.get(path);
            assertEquals(200, page.status(), path);
            assertEquals(home.body(), page.body(), path);
            assertEquals(policy, page.header("Content-Security-Policy"), path);
        }
        var unknown = api.get("/no/such/page");
        assertEquals(404, unknown.status());
        assertEquals(home.body(), unknown.body(), "the app draws its own not-found page");

        var script = api.get("/assets/js/main.js");
        assertEquals(200, script.status());
        assertEquals(policy, script.header("Content-Security-Policy"));
        assertEquals(405, api.post("/settings", "{}").status());
    }

    @Test
    void theApiKeepsItsSandboxPolicyAndTellsTheRunDomain() {
        var config = api.get("/v1/config");
        assertEquals(200, config.status(), config::toString);
        assertEquals("run.localhost", config.object().getString("runDomain"));
        assertTrue(config.object().getBoolean("signupEnabled"));
        assertEquals("sandbox; default-src 'none'; frame-ancestors 'none'", config.header("Content-Security-Policy"));
    }

    /** HostRouting answers run-domain requests before SitePages could: not the app's page, not its headers. */
    @Test
    void theRunDomainNeverServesTheUi() {
        var run = api.host("nobody-nothing.web.run.localhost:" + port);
        for (var path : new String[] {"/", "/login", "/u/alice/hello", "/assets/js/main.js", "/index.html"}) {
            var answer = run.get(path);
            assertEquals(404, answer.status(), path + ": " + answer);
            assertEquals("no such val", answer.body().trim(), path);
            assertTrue(answer.contentType().startsWith("text/plain"), path);
            assertNull(answer.header("Content-Security-Policy"), path);
        }
    }
}
