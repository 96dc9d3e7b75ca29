package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §6: every error is problem+json that names the field at fault, and bad input changes nothing. */
class ErrorsIT extends SignedUpValbox {

    String id;

    @BeforeEach
    void createStableVal() {
        id = Accounts.createVal(api, alice, "stable", "public", "export const unchanged = true;");
    }

    /**
     * One table from error kind to answer (ValboxException.Kind): a kind that more than one entrance can meet answers
     * the same status and headers at each, with the domain's own words as the text.
     */
    @Test
    void anErrorKindAnswersTheSameAtEveryEntrance() {
        var closed = asAlice.post(
                "/v1/vals",
                "{\"name\":\"closed\",\"type\":\"http\",\"privacy\":\"legacy_private\","
                        + "\"code\":\"export default () => new Response('hi')\"}");
        assertEquals(200, closed.status(), closed::toString);
        var runDomain = api.host(alice.username() + "-closed.web.run.localhost:" + deployed.getPort());
        var forged = "Bearer vbx_000000000000000000000000000000";

        var apiUnauthenticated = api.header("Authorization", forged).get("/v1/me");
        var runUnauthenticated = runDomain.header("Authorization", forged).get("/");
        var sourceUnauthenticated = api.header("Authorization", forged).get("/v/" + alice.username() + "/stable");
        assertProblem(apiUnauthenticated, 401, "unauthenticated", null);
        for (var reply : java.util.List.of(apiUnauthenticated, runUnauthenticated, sourceUnauthenticated)) {
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("Bearer realm=\"valbox\"", reply.header("WWW-Authenticate"), reply::toString);
        }
        var detail = apiUnauthenticated.object().getString("detail");
        assertEquals(detail, runUnauthenticated.body().trim(), "the run domain says what the API says");
        assertEquals(detail, sourceUnauthenticated.body().trim(), "and so does /v");

        var apiMissing = asAlice.get("/v1/alias/" + alice.username() + "/nothing");
        assertProblem(apiMissing, 404, "not-found", null);
        var runMissing = api.host(alice.username() + "-nothing.web.run.localhost:" + deployed.getPort())
                .get("/");
        var sourceMissing = api.get("/v/" + alice.username() + "/nothing");
        assertEquals(404, runMissing.status(), runMissing::toString);
        assertEquals(404, sourceMissing.status(), sourceMissing::toString);
        for (var reply : java.util.List.of(runUnauthenticated, sourceUnauthenticated, runMissing, sourceMissing)) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertFalse(reply.body().contains("Exception"), reply::toString);
        }
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
