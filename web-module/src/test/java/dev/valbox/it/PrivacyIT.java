package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.it.Accounts.Account;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The privacy matrix of SPEC §3 across every read endpoint: a private val is "not found" to anyone but its author,
 * unlisted vals are readable by link but never listed.
 */
class PrivacyIT extends DeployedValbox {

    Account alice;
    Account bob;
    String marker;

    @BeforeEach
    void signUp() {
        alice = Accounts.signup(api, "alice");
        bob = Accounts.signup(api, "bob");
        marker = Accounts.uniqueName("mk");
    }

    private String create(String privacy) {
        return Accounts.createVal(api, alice, privacy + "Val", privacy, "export const m = '" + marker + "';");
    }

    @Test
    void privateAndLegacyPrivateValsAreNotFoundForOthersEverywhere() {
        for (var privacy : List.of("private", "legacy_private")) {
            var id = create(privacy);
            for (var viewer : List.of(api, api.token(bob.token()))) {
                assertProblem(viewer.get("/v1/vals/" + id), 404, "not-found", null);
                assertProblem(viewer.get("/v1/vals/" + id + "/versions"), 404, "not-found", null);
                assertProblem(viewer.get("/v1/vals/" + id + "/versions/0"), 404, "not-found", null);
                assertProblem(
                        viewer.get("/v1/alias/" + alice.username() + "/" + privacy + "Val"), 404, "not-found", null);
                assertEquals(0, listed(viewer, "/v1/users/" + alice.id() + "/vals"));
                assertEquals(0, listed(viewer, "/v1/search/vals?query=" + marker));
            }
            var asBob = api.token(bob.token());
            assertProblem(asBob.put("/v1/vals/" + id, "{\"readme\":\"mine\"}"), 404, "not-found", null);
            assertProblem(asBob.post("/v1/vals/" + id + "/versions", "{\"code\":\"x\"}"), 404, "not-found", null);
            assertProblem(asBob.delete("/v1/vals/" + id), 404, "not-found", null);
            assertProblem(asBob.delete("/v1/vals/" + id + "/versions/0"), 404, "not-found", null);

            var asAlice = api.token(alice.token());
            assertEquals(200, asAlice.get("/v1/vals/" + id).status());
            assertEquals(privacy, asAlice.get("/v1/vals/" + id).object().getString("privacy"));
            assertEquals(
                    200,
                    asAlice.get("/v1/alias/" + alice.username() + "/" + privacy + "Val")
                            .status());
            asAlice.delete("/v1/vals/" + id);
        }
    }

    @Test
    void unlistedValsAreReadableByLinkButNeverListed() {
        var id = create("unlisted");
        for (var viewer : List.of(api, api.token(bob.token()))) {
            assertEquals(200, viewer.get("/v1/vals/" + id).status());
            assertEquals(200, viewer.get("/v1/vals/" + id + "/versions").status());
            assertEquals(
                    200,
                    viewer.get("/v1/alias/" + alice.username() + "/unlistedVal").status());
            assertEquals(0, listed(viewer, "/v1/users/" + alice.id() + "/vals"));
            assertEquals(0, listed(viewer, "/v1/search/vals?query=" + marker));
        }
    }

    @Test
    void publicValsAreVisibleAndListedToEveryone() {
        var id = create("public");
        for (var viewer : List.of(api, api.token(bob.token()))) {
            assertEquals(200, viewer.get("/v1/vals/" + id).status());
            assertEquals(1, listed(viewer, "/v1/users/" + alice.id() + "/vals"));
            assertEquals(1, listed(viewer, "/v1/search/vals?query=" + marker));
        }
        var forbidden = api.token(bob.token()).put("/v1/vals/" + id, "{\"readme\":\"mine\"}");
        assertProblem(forbidden, 403, "forbidden", null);
    }

    @Test
    void theAuthorSeesEveryOwnValListedAndSearchable() {
        for (var privacy : List.of("public", "unlisted", "private", "legacy_private")) {
            create(privacy);
        }
        var asAlice = api.token(alice.token());
        assertEquals(4, listed(asAlice, "/v1/users/" + alice.id() + "/vals"));
        assertEquals(4, listed(asAlice, "/v1/search/vals?query=" + marker));
        assertEquals(1, listed(api, "/v1/users/" + alice.id() + "/vals"));
    }

    @Test
    void theAuthorsTokenWithoutValReadSeesOnlyWhatEveryoneSees() {
        var id = create("private");
        var writeOnly = api.token(alice.token())
                .post("/v1/me/tokens", "{\"name\":\"wo\",\"scopes\":[\"val:write\"]}")
                .object()
                .getString("token");
        var reply = api.token(writeOnly).get("/v1/vals/" + id);
        assertProblem(reply, 403, "forbidden", null);
        assertTrue(reply.object().getString("detail").contains("val:read"));
        assertEquals(0, listed(api.token(writeOnly), "/v1/users/" + alice.id() + "/vals"));
    }

    private int listed(Api viewer, String path) {
        var reply = viewer.get(path);
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getJsonArray("data").size();
    }
}
