package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.valbox.it.Accounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §6: every error is problem+json that names the field at fault, and bad input changes nothing. */
class ErrorsIT extends DeployedValbox {

    Account alice;
    Api asAlice;
    String id;

    @BeforeEach
    void signUp() {
        alice = Accounts.signup(api, "alice");
        asAlice = api.token(alice.token());
        id = Accounts.createVal(api, alice, "stable", "public", "export const unchanged = true;");
    }

    @Test
    void malformedJsonIs400() {
        var reply = asAlice.post("/v1/vals/" + id + "/versions", "{\"code\": ");
        assertProblem(reply, 400, "invalid", "body");
        assertProblem(asAlice.post("/v1/vals/" + id + "/versions", "[1,2]"), 400, "invalid", "body");
        assertProblem(asAlice.post("/v1/vals/" + id + "/versions", ""), 400, "invalid", "body");
        assertUnchanged();
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        var reply = asAlice.put("/v1/vals/" + id, "{\"readme\":\"x\",\"colour\":\"red\"}");
        assertProblem(reply, 400, "invalid", "colour");
        assertUnchanged();
    }

    @Test
    void wrongTypesAreRefusedByName() {
        assertProblem(asAlice.put("/v1/vals/" + id, "{\"readme\":42}"), 400, "invalid", "readme");
        assertProblem(asAlice.put("/v1/vals/" + id, "{\"privacy\":\"secret\"}"), 400, "invalid", "privacy");
        assertProblem(asAlice.put("/v1/vals/" + id, "{\"type\":\"cron\"}"), 400, "invalid", "type");
        assertProblem(asAlice.put("/v1/vals/" + id, "{\"name\":\"has space\"}"), 400, "invalid", "name");
        assertProblem(asAlice.put("/v1/vals/" + id, "{}"), 400, "invalid", "body");
        assertProblem(
                asAlice.post("/v1/me/tokens", "{\"name\":\"t\",\"scopes\":\"val:read\"}"), 400, "invalid", "scopes");
        assertProblem(
                asAlice.post("/v1/me/tokens", "{\"name\":\"t\",\"scopes\":[\"val:admin\"]}"), 400, "invalid", "scopes");
        assertUnchanged();
    }

    @Test
    void oversizeValuesAre413() {
        var tooLong = "x".repeat(256_001);
        assertProblem(
                asAlice.post("/v1/vals/" + id + "/versions", "{\"code\":\"" + tooLong + "\"}"),
                413,
                "too-large",
                "code");
        assertProblem(
                asAlice.put("/v1/vals/" + id, "{\"readme\":\"" + "r".repeat(8193) + "\"}"), 413, "too-large", "readme");
        assertProblem(
                asAlice.post("/v1/vals/" + id + "/versions", "{\"code\":\"" + "y".repeat(3_000_000) + "\"}"),
                413,
                "too-large",
                "body");
        assertUnchanged();
    }

    @Test
    void badParametersAre400() {
        assertProblem(api.get("/v1/vals/not-a-uuid"), 400, "invalid", "val_id");
        assertProblem(api.get("/v1/vals/" + id + "/versions?limit=0"), 400, "invalid", "limit");
        assertProblem(api.get("/v1/vals/" + id + "/versions?limit=101"), 400, "invalid", "limit");
        assertProblem(api.get("/v1/vals/" + id + "/versions?offset=abc"), 400, "invalid", "offset");
        assertProblem(api.get("/v1/vals/" + id + "/versions/x"), 400, "invalid", "version");
        assertProblem(api.get("/v1/search/vals"), 400, "invalid", "query");
    }

    @Test
    void unknownEndpointsMethodsAndMediaTypesKeepTheirStatus() {
        assertProblem(api.get("/v1/nothing-here"), 404, "not-found", null);
        assertProblem(api.send("PATCH", "/v1/vals/" + id, "{}"), 405, "method-not-allowed", null);
        var textBody = asAlice.header("Content-Type", "text/plain").send("POST", "/v1/vals", "code");
        assertProblem(textBody, 415, "unsupported-media-type", null);
    }

    @Test
    void errorsNeverShowJavaInternals() {
        for (var reply : new Api.Reply[] {
            asAlice.post("/v1/vals/" + id + "/versions", "{\"code\": "),
            api.get("/v1/vals/not-a-uuid"),
            asAlice.put("/v1/vals/" + id, "{\"readme\":42}"),
            api.send("PATCH", "/v1/vals/" + id, "{}")
        }) {
            assertFalse(
                    reply.body().matches("(?s).*(java\\.|jakarta\\.|Exception|\\bat [a-z]+\\.).*"), reply::toString);
        }
    }

    private void assertUnchanged() {
        var val = api.get("/v1/vals/" + id).object();
        assertEquals(0, val.getInt("version"));
        assertEquals("export const unchanged = true;", val.getString("code"));
        assertEquals("stable", val.getString("name"));
        assertEquals("public", val.getString("privacy"));
        assertEquals(
                1,
                api.get("/v1/vals/" + id + "/versions")
                        .object()
                        .getJsonArray("data")
                        .size());
    }
}
