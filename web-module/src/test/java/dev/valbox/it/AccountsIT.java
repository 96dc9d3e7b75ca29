package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.it.Accounts.Account;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up, the current user, API tokens and browser sessions (SPEC §2). */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.valbox();
    }

    @ArquillianResource
    URL deployed;

    Api api;

    @BeforeEach
    void connect() {
        api = Api.at(deployed);
    }

    @Test
    void signupAnswersTheUserAndATokenWithEveryScope() {
        var alice = Accounts.signup(api, "alice");
        var me = api.token(alice.token()).get("/v1/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals(alice.username(), me.object().getString("username"));
        assertEquals(alice.email(), me.object().getString("email"));
        assertTrue(me.object().isNull("bio"));
        assertTrue(alice.token().matches("vbx_[0-9A-Za-z]{30}"), alice.token());

        var tokens = api.token(alice.token()).get("/v1/me/tokens");
        assertEquals(200, tokens.status(), tokens::toString);
        var scopes = tokens.json().asJsonArray().getJsonObject(0).getJsonArray("scopes");
        assertEquals(10, scopes.size(), scopes::toString);
    }

    @Test
    void signupRefusesTakenUsernamesBadUsernamesAndShortPasswords() {
        var alice = Accounts.signup(api, "alice");
        var taken = api.post(
                "/v1/signup",
                "{\"username\":\"" + alice.username()
                        + "\",\"email\":\"other@example.com\",\"password\":\"long enough pw\"}");
        assertProblem(taken, 409, "conflict", "username");

        var upper = api.post(
                "/v1/signup", "{\"username\":\"Bob\",\"email\":\"bob@example.com\",\"password\":\"long enough pw\"}");
        assertProblem(upper, 400, "invalid", "username");

        var shortPassword = api.post(
                "/v1/signup",
                "{\"username\":\"" + Accounts.uniqueName("bob")
                        + "\",\"email\":\"b@example.com\",\"password\":\"short\"}");
        assertProblem(shortPassword, 400, "invalid", "password");
    }

    @Test
    void meNeedsATokenWithUserRead() {
        assertProblem(api.get("/v1/me"), 401, "unauthenticated", null);
        var alice = Accounts.signup(api, "alice");
        var valsOnly = createToken(alice, "[\"val:read\"]");
        var reply = api.token(valsOnly).get("/v1/me");
        assertProblem(reply, 403, "forbidden", null);
        assertTrue(reply.object().getString("detail").startsWith("Token does not have the required permissions."));
        assertTrue(reply.object().getString("detail").contains("user:read"), reply::toString);
    }

    @Test
    void malformedUnknownRevokedAndExpiredTokensAre401() {
        var alice = Accounts.signup(api, "alice");
        var mangled = alice.token().substring(0, alice.token().length() - 1)
                + (alice.token().endsWith("a") ? "b" : "a");
        assertProblem(api.token(mangled).get("/v1/me"), 401, "unauthenticated", null);
        assertProblem(api.token("not-a-token").get("/v1/me"), 401, "unauthenticated", null);

        var created = api.token(alice.token()).post("/v1/me/tokens", "{\"name\":\"ci\",\"scopes\":[\"user:read\"]}");
        assertEquals(201, created.status(), created::toString);
        var raw = created.object().getString("token");
        assertEquals(200, api.token(raw).get("/v1/me").status());
        var revoke = api.token(alice.token())
                .delete("/v1/me/tokens/" + created.object().getString("id"));
        assertEquals(204, revoke.status(), revoke::toString);
        assertProblem(api.token(raw).get("/v1/me"), 401, "unauthenticated", null);
        // Kept as a tombstone (for secret scanning), but gone for its owner: not listed, and not revocable again.
        assertProblem(
                api.token(alice.token())
                        .delete("/v1/me/tokens/" + created.object().getString("id")),
                404,
                "not-found",
                null);
        assertTrue(!api.token(alice.token())
                .get("/v1/me/tokens")
                .body()
                .contains(created.object().getString("id")));

        var pastExpiry = api.token(alice.token())
                .post(
                        "/v1/me/tokens",
                        "{\"name\":\"old\",\"scopes\":[\"user:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
        assertProblem(pastExpiry, 400, "invalid", "expiresAt");
    }

    @Test
    void tokensListShowsLastUseButNeverTheValue() {
        var alice = Accounts.signup(api, "alice");
        var raw = createToken(alice, "[\"user:read\"]");
        api.token(raw).get("/v1/me");
        var list = api.token(alice.token()).get("/v1/me/tokens");
        assertFalse(list.body().contains(raw));
        var used = list.json().asJsonArray().stream()
                .map(v -> v.asJsonObject())
                .filter(t -> t.getString("name").equals("made by test"))
                .findFirst()
                .orElseThrow();
        assertFalse(used.isNull("lastUsedAt"), used::toString);
    }

    @Test
    void aTokenCannotMintScopesItDoesNotHold() {
        var alice = Accounts.signup(api, "alice");
        var limited = createToken(alice, "[\"user:write\"]");
        var escalate = api.token(limited).post("/v1/me/tokens", "{\"name\":\"x\",\"scopes\":[\"val:write\"]}");
        assertProblem(escalate, 403, "forbidden", null);
    }

    @Test
    void loginSetsAHostOnlyHttpOnlyLaxCookieAndWritesNeedTheCsrfToken() {
        var alice = Accounts.signup(api, "alice");
        var login = api.post(
                "/v1/login", "{\"username\":\"" + alice.username() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        assertEquals(200, login.status(), login::toString);
        var setCookie = login.header("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith("valbox_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(setCookie.toLowerCase().contains("domain="), setCookie);
        var cookie = setCookie.substring(0, setCookie.indexOf(';'));
        var csrf = login.object().getString("csrfToken");

        var browser = api.header("Cookie", cookie);
        assertEquals(200, browser.get("/v1/me").status());
        var forged = browser.post("/v1/vals", "{\"name\":\"forged\",\"code\":\"1\"}");
        assertProblem(forged, 401, "unauthenticated", null);
        var genuine = browser.header("X-CSRF-Token", csrf).post("/v1/vals", "{\"name\":\"genuine\",\"code\":\"1\"}");
        assertEquals(200, genuine.status(), genuine::toString);

        assertEquals(204, browser.post("/v1/logout", null).status());
        assertProblem(browser.get("/v1/me"), 401, "unauthenticated", null);
    }

    @Test
    void wrongPasswordIs401() {
        var alice = Accounts.signup(api, "alice");
        var login =
                api.post("/v1/login", "{\"username\":\"" + alice.username() + "\",\"password\":\"wrong password\"}");
        assertProblem(login, 401, "unauthenticated", null);
        assertNull(login.header("Set-Cookie"));
    }

    private String createToken(Account owner, String scopes) {
        var reply =
                api.token(owner.token()).post("/v1/me/tokens", "{\"name\":\"made by test\",\"scopes\":" + scopes + "}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.object().getString("token");
    }
}
