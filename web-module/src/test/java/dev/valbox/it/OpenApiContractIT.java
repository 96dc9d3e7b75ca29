package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.valbox.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vals, blob, SQLite and email APIs against the Val Town v1 OpenAPI document (SPEC §3): every operation below is called, its
 * status must be the success status the document lists, and its body must validate against that response's schema
 * (JSON Schema 2020-12, formats asserted). Operations whose documented response has no body schema (a blob's bytes)
 * are checked by status only.
 *
 * <p>The walk sends only request bodies the document allows, and validates them against the request schema before
 * sending, except where a step says it uses a Valbox extension of a request enum. It never uses the privacy
 * {@code legacy_private}, a Valbox extension that the document's {@code privacy} enum does not list.
 */
class OpenApiContractIT extends DeployedValbox {

    /** An operation of the document and the success status it lists. */
    record Listed(String method, String path, int status) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The operations of issues 2 and 5 that the walk must check, each with the success status the document lists. */
    static final List<Listed> OPERATIONS = List.of(
            new Listed("POST", "/v1/vals", 200),
            new Listed("PUT", "/v1/vals", 200),
            new Listed("GET", "/v1/vals/{val_id}", 200),
            new Listed("PUT", "/v1/vals/{val_id}", 204),
            new Listed("DELETE", "/v1/vals/{val_id}", 204),
            new Listed("GET", "/v1/vals/{val_id}/versions", 200),
            new Listed("POST", "/v1/vals/{val_id}/versions", 201),
            new Listed("GET", "/v1/vals/{val_id}/versions/{version}", 200),
            new Listed("DELETE", "/v1/vals/{val_id}/versions/{version}", 204),
            new Listed("GET", "/v1/alias/{username}", 200),
            new Listed("GET", "/v1/alias/{username}/{val_name}", 200),
            new Listed("GET", "/v1/users/{user_id}", 200),
            new Listed("GET", "/v1/users/{user_id}/vals", 200),
            new Listed("GET", "/v1/search/vals", 200),
            new Listed("GET", "/v1/me", 200),
            new Listed("GET", "/v1/me/likes", 200),
            new Listed("GET", "/v1/me/comments", 200),
            new Listed("GET", "/v1/me/references", 200),
            new Listed("GET", "/v1/blob", 200),
            new Listed("POST", "/v1/blob/{key}", 201),
            new Listed("GET", "/v1/blob/{key}", 200),
            new Listed("DELETE", "/v1/blob/{key}", 204),
            new Listed("POST", "/v1/sqlite/execute", 200),
            new Listed("POST", "/v1/sqlite/batch", 200),
            new Listed("POST", "/v1/email", 200));

    /** The types and privacies the document's request bodies allow. */
    private static final List<String> REQUEST_TYPES = List.of("http", "script", "email");

    private static final List<String> PRIVACIES = List.of("public", "unlisted", "private");
    /** The types the document's val schemas list but its request bodies do not: Valbox accepts them anyway. */
    private static final List<String> EXTENSION_TYPES = List.of("express", "interval", "rpc");

    private static final Set<String> WALKED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger FINISHED_TESTS = new AtomicInteger();

    private static OpenApiContract contract;

    @BeforeAll
    static void loadTheDocument() {
        contract = OpenApiContract.load();
    }

    @AfterEach
    void countFinished() {
        FINISHED_TESTS.incrementAndGet();
    }

    /** Only when the whole class ran: a partial run (one method picked by name) walks only part of the list. */
    @AfterAll
    static void everyListedOperationWasWalked() {
        long tests = Arrays.stream(OpenApiContractIT.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .count();
        if (FINISHED_TESTS.get() < tests) {
            return;
        }
        var missed = OPERATIONS.stream()
                .map(Listed::toString)
                .filter(op -> !WALKED.contains(op))
                .toList();
        assertEquals(List.of(), missed, "listed operations the walk never called (a failed step ends its test's walk)");
    }

    @Test
    void creatingSavingReadingUpdatingAndDeletingAVal() {
        var alice = Accounts.signup(api, "alice");
        var as = alice.api(api);

        var created = call(
                as,
                "POST",
                "/v1/vals",
                "/v1/vals",
                "{\"name\":\"greet\",\"code\":\"export const greet = () => 'hi';\",\"readme\":\"# Greet\","
                        + "\"privacy\":\"public\",\"type\":\"http\"}");
        var id = created.object().getString("id");
        // The least the document asks for: code only. Valbox picks the name, type and privacy (and readme is null).
        var minimal = call(as, "POST", "/v1/vals", "/v1/vals", "{\"code\":\"export default 1;\"}");
        assertTrue(minimal.object().isNull("readme"), minimal::toString);

        // PUT /v1/vals creates a val by name, then saves new versions of it. Its 200 has no documented body.
        call(as, "PUT", "/v1/vals", "/v1/vals", "{\"name\":\"upsert\",\"code\":\"export const v = 0;\"}");
        call(as, "PUT", "/v1/vals", "/v1/vals", "{\"name\":\"upsert\",\"code\":\"export const v = 1;\"}");

        call(as, "GET", "/v1/vals/{val_id}", "/v1/vals/" + id, null);
        call(api, "GET", "/v1/vals/{val_id}", "/v1/vals/" + id, null);

        call(
                as,
                "PUT",
                "/v1/vals/{val_id}",
                "/v1/vals/" + id,
                "{\"name\":\"greet_by_mail\",\"readme\":\"# Greet, by mail\",\"privacy\":\"unlisted\",\"type\":\"email\"}");
        var updated = call(api, "GET", "/v1/vals/{val_id}", "/v1/vals/" + id, null);
        assertEquals("unlisted", updated.object().getString("privacy"), updated::toString);
        assertEquals("greet_by_mail", updated.object().getString("name"), updated::toString);
        call(as, "PUT", "/v1/vals/{val_id}", "/v1/vals/" + id, "{\"privacy\":\"private\"}");
        call(as, "GET", "/v1/vals/{val_id}", "/v1/vals/" + id, null);

        call(as, "DELETE", "/v1/vals/{val_id}", "/v1/vals/" + id, null);
        callExpecting(404, as, "DELETE", "/v1/vals/{val_id}", "/v1/vals/" + id);
    }

    @Test
    void versionsArePagedReadAndDeleted() {
        var alice = Accounts.signup(api, "alice");
        var as = alice.api(api);
        var id = create(as, "counter", "script", "public", "export const n = 0;");
        var versions = "/v1/vals/" + id + "/versions";

        var first = call(as, "POST", "/v1/vals/{val_id}/versions", versions, "{\"code\":\"export const n = 1;\"}");
        assertEquals(1, first.object().getInt("version"), first::toString);
        call(
                as,
                "POST",
                "/v1/vals/{val_id}/versions",
                versions,
                "{\"code\":\"export const n = 2;\",\"name\":\"counter\",\"readme\":\"# Two\",\"privacy\":\"public\","
                        + "\"type\":\"script\"}");

        var all = call(api, "GET", "/v1/vals/{val_id}/versions", versions + "?offset=0&limit=20", null);
        assertEquals(3, all.object().getJsonArray("data").size(), all::toString);
        assertLinks(call(as, "GET", "/v1/vals/{val_id}/versions", versions + "?offset=1&limit=1", null), true, true);

        // The document lists offset and limit as required here too; the walk sends them.
        call(api, "GET", "/v1/vals/{val_id}/versions/{version}", versions + "/0?offset=0&limit=20", null);
        call(as, "GET", "/v1/vals/{val_id}/versions/{version}", versions + "/2?offset=0&limit=20", null);

        call(as, "DELETE", "/v1/vals/{val_id}/versions/{version}", versions + "/2", null);
        callExpecting(404, as, "DELETE", "/v1/vals/{val_id}/versions/{version}", versions + "/2");
        var current = call(as, "GET", "/v1/vals/{val_id}", "/v1/vals/" + id, null);
        assertEquals(1, current.object().getInt("version"), current::toString);

        // A private val's versions, as its author sees them.
        call(as, "PUT", "/v1/vals/{val_id}", "/v1/vals/" + id, "{\"privacy\":\"private\"}");
        call(as, "GET", "/v1/vals/{val_id}/versions", versions + "?offset=0&limit=20", null);
        call(as, "GET", "/v1/vals/{val_id}/versions/{version}", versions + "/1?offset=0&limit=20", null);
    }

    @Test
    void everyTypeAndPrivacyMatchesTheValSchemas() {
        var alice = Accounts.signup(api, "alice");
        var as = alice.api(api);
        var needle = Accounts.uniqueName("kind");
        for (var type : REQUEST_TYPES) {
            for (var privacy : PRIVACIES) {
                var id = create(as, type + "_" + privacy, type, privacy, "export const tag = '" + needle + "';");
                call(as, "GET", "/v1/vals/{val_id}", "/v1/vals/" + id, null);
            }
        }
        for (var type : EXTENSION_TYPES) {
            // A Valbox extension of the request's type enum; the answer must still match the document's ExtendedVal.
            var created = callOutsideRequestSchema(
                    as,
                    "POST",
                    "/v1/vals",
                    "/v1/vals",
                    "{\"name\":\"" + type + "_val\",\"code\":\"export const tag = '" + needle + "';\",\"type\":\""
                            + type + "\",\"privacy\":\"public\"}");
            assertEquals(type, created.object().getString("type"), created::toString);
        }
        int count = REQUEST_TYPES.size() * PRIVACIES.size() + EXTENSION_TYPES.size();

        // The author's own listings hold every privacy.
        var mine = call(
                as, "GET", "/v1/users/{user_id}/vals", "/v1/users/" + alice.id() + "/vals?offset=0&limit=100", null);
        assertEquals(count, mine.object().getJsonArray("data").size(), mine::toString);
        var found = call(as, "GET", "/v1/search/vals", "/v1/search/vals?query=" + needle + "&offset=0&limit=100", null);
        assertEquals(count, found.object().getJsonArray("data").size(), found::toString);
        call(as, "GET", "/v1/alias/{username}/{val_name}", "/v1/alias/" + alice.username() + "/script_private", null);
    }

    @Test
    void usersProfilesAndAliases() {
        var alice = Accounts.signup(api, "alice");
        var bob = Accounts.signup(api, "bob");
        var as = alice.api(api);
        for (var name : List.of("one", "two", "three")) {
            create(as, name, "script", "public", "export const name = '" + name + "';");
        }
        create(as, "hidden", "script", "private", "export const secret = 1;");

        call(api, "GET", "/v1/alias/{username}", "/v1/alias/" + alice.username(), null);
        call(bob.api(api), "GET", "/v1/alias/{username}", "/v1/alias/" + alice.username(), null);
        call(api, "GET", "/v1/users/{user_id}", "/v1/users/" + alice.id(), null);
        call(bob.api(api), "GET", "/v1/users/{user_id}", "/v1/users/" + alice.id(), null);

        var profile = call(
                api, "GET", "/v1/users/{user_id}/vals", "/v1/users/" + alice.id() + "/vals?offset=0&limit=20", null);
        assertEquals(3, profile.object().getJsonArray("data").size(), profile::toString);
        assertLinks(profile, false, false);
        assertLinks(
                call(
                        bob.api(api),
                        "GET",
                        "/v1/users/{user_id}/vals",
                        "/v1/users/" + alice.id() + "/vals?offset=1&limit=1",
                        null),
                true,
                true);
        var empty =
                call(api, "GET", "/v1/users/{user_id}/vals", "/v1/users/" + bob.id() + "/vals?offset=0&limit=20", null);
        assertEquals(0, empty.object().getJsonArray("data").size(), empty::toString);

        call(api, "GET", "/v1/alias/{username}/{val_name}", "/v1/alias/" + alice.username() + "/two", null);
        call(as, "GET", "/v1/alias/{username}/{val_name}", "/v1/alias/" + alice.username() + "/hidden", null);
    }

    @Test
    void searchPages() {
        var alice = Accounts.signup(api, "alice");
        var as = alice.api(api);
        var needle = Accounts.uniqueName("needle");
        for (var name : List.of("first", "second", "third")) {
            create(as, name, "script", "public", "// " + needle + "\nexport const name = '" + name + "';");
        }
        var all = call(api, "GET", "/v1/search/vals", "/v1/search/vals?query=" + needle + "&offset=0&limit=20", null);
        assertEquals(3, all.object().getJsonArray("data").size(), all::toString);
        assertLinks(
                call(api, "GET", "/v1/search/vals", "/v1/search/vals?query=" + needle + "&offset=1&limit=1", null),
                true,
                true);
        // A query with characters a URI must encode: the page's links must still be absolute, valid URIs.
        var awkward = needle + " {x} 100% über&=?#";
        create(as, "awkward", "script", "public", "export const note = " + Json.createValue(awkward) + ";");
        var encoded = URLEncoder.encode(awkward, StandardCharsets.UTF_8);
        var odd = call(api, "GET", "/v1/search/vals", "/v1/search/vals?query=" + encoded + "&offset=0&limit=1", null);
        assertEquals(1, odd.object().getJsonArray("data").size(), odd::toString);
        assertLinks(odd, false, false);
        var oddAndPaged = call(
                as,
                "GET",
                "/v1/search/vals",
                "/v1/search/vals?query=" + URLEncoder.encode(needle + " {x}", StandardCharsets.UTF_8)
                        + "&offset=0&limit=1&extra=%7Bkept%7D",
                null);
        assertLinks(oddAndPaged, false, false);

        var none = call(
                as,
                "GET",
                "/v1/search/vals",
                "/v1/search/vals?query=" + Accounts.uniqueName("absent") + "&offset=0&limit=20",
                null);
        assertEquals(0, none.object().getJsonArray("data").size(), none::toString);
    }

    @Test
    void theCurrentUserAndTheirLists() {
        var alice = Accounts.signup(api, "alice");
        var as = alice.api(api);
        var me = call(as, "GET", "/v1/me", "/v1/me", null);
        assertEquals(alice.email(), me.object().getString("email"), me::toString);
        for (var list : List.of("likes", "comments", "references")) {
            call(as, "GET", "/v1/me/" + list, "/v1/me/" + list + "?offset=0&limit=20", null);
        }
    }

    @Test
    void sendingAnEmail() {
        var mail = Mailboxes.start();
        try {
            var as = Accounts.signup(api, "alice").api(api);
            // The document's own example body.
            call(
                    as,
                    "POST",
                    "/v1/email",
                    "/v1/email",
                    "{\"subject\":\"An important message\",\"text\":\"Hello world\","
                            + "\"html\":\"Hello <strong>world</strong>\"}");
            assertEquals(1, mail.getReceivedMessages().length);
        } finally {
            mail.stop();
        }
    }

    @Test
    void storingListingReadingAndDeletingABlob() {
        var as = Accounts.signup(api, "alice").api(api);
        // The document's request body is application/json holding a binary string: a JSON string is such a body.
        call(as, "POST", "/v1/blob/{key}", "/v1/blob/notes%2Ftoday", "\"hello, blob\"");
        call(as, "POST", "/v1/blob/{key}", "/v1/blob/other", "\"another\"");
        var all = call(as, "GET", "/v1/blob", "/v1/blob", null);
        assertEquals(2, all.json().asJsonArray().size(), all::toString);
        var prefixed = call(as, "GET", "/v1/blob", "/v1/blob?prefix=notes%2F", null);
        assertEquals(1, prefixed.json().asJsonArray().size(), prefixed::toString);
        var read = call(as, "GET", "/v1/blob/{key}", "/v1/blob/notes%2Ftoday", null);
        assertEquals("application/octet-stream", read.contentType(), read::toString);
        assertEquals("\"hello, blob\"", read.body());
        call(as, "DELETE", "/v1/blob/{key}", "/v1/blob/notes%2Ftoday", null);
        var empty = call(as, "GET", "/v1/blob", "/v1/blob?prefix=notes", null);
        assertEquals(0, empty.json().asJsonArray().size(), empty::toString);
    }

    @Test
    void sqliteStatementsAndBatches() {
        var as = Accounts.signup(api, "alice").api(api);
        var execute = "/v1/sqlite/execute";
        call(
                as,
                "POST",
                execute,
                execute,
                "{\"statement\":\"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, score REAL)\"}");
        var inserted = call(
                as,
                "POST",
                execute,
                execute,
                "{\"statement\":{\"sql\":\"INSERT INTO notes (body, score) VALUES (?, ?)\",\"args\":[\"hello\", 1.5]}}");
        assertEquals(1, inserted.object().getInt("lastInsertRowid"), inserted::toString);
        var selected = call(
                as,
                "POST",
                execute,
                execute,
                "{\"statement\":{\"sql\":\"SELECT id, body, score, NULL AS missing FROM notes WHERE body = :body\","
                        + "\"args\":{\"body\":\"hello\"}}}");
        assertEquals(1, selected.object().getJsonArray("rows").size(), selected::toString);

        var batch = "/v1/sqlite/batch";
        call(
                as,
                "POST",
                batch,
                batch,
                "{\"statements\":[{\"sql\":\"INSERT INTO notes (body) VALUES (?)\",\"args\":[\"world\"]},"
                        + "\"UPDATE notes SET score = 2 WHERE score IS NULL\"],\"mode\":\"write\"}");
        var read = call(
                as,
                "POST",
                batch,
                batch,
                "{\"statements\":[\"SELECT 1;\",\"SELECT count(*) FROM notes\"],\"mode\":\"read\"}");
        assertEquals(2, read.json().asJsonArray().size(), read::toString);
        call(as, "POST", batch, batch, "{\"statements\":[\"SELECT body FROM notes ORDER BY id\"]}");
    }

    private String create(Api as, String name, String type, String privacy, String code) {
        var body = Json.createObjectBuilder()
                .add("name", name)
                .add("code", code)
                .add("type", type)
                .add("privacy", privacy)
                .build()
                .toString();
        return call(as, "POST", "/v1/vals", "/v1/vals", body).object().getString("id");
    }

    /** Calls a listed operation with a documented request body and checks the answer is its documented success. */
    private Reply call(Api as, String method, String template, String path, String body) {
        var operation = contract.operation(method, template);
        if (body != null) {
            var schema = operation
                    .requestSchema()
                    .orElseThrow(() -> new AssertionError(operation + " takes no request body in the document"));
            var wrong = OpenApiContract.violations(schema, body);
            assertEquals(
                    List.of(), wrong, () -> "the walk itself sent an undocumented body to " + operation + ": " + body);
        }
        return send(operation, operation.successStatus(), as, path, body);
    }

    /** As {@link #call}, for a step that deliberately uses a Valbox extension of the request body. */
    private Reply callOutsideRequestSchema(Api as, String method, String template, String path, String body) {
        var operation = contract.operation(method, template);
        return send(operation, operation.successStatus(), as, path, body);
    }

    /** Calls a listed operation expecting another status the document lists for it (such as a delete's 404). */
    private Reply callExpecting(int status, Api as, String method, String template, String path) {
        var operation = contract.operation(method, template);
        assertTrue(
                operation.statuses().contains(status),
                () -> operation + " does not list " + status + ": " + operation.statuses());
        return send(operation, status, as, path, null);
    }

    private Reply send(OpenApiContract.Operation operation, int status, Api as, String path, String body) {
        WALKED.add(operation.toString());
        var reply = as.send(operation.method(), path, body);
        assertEquals(status, reply.status(), () -> operation + " documents " + status + ", got " + reply);
        var schema = operation.responseSchema(status);
        if (schema.isPresent()) {
            var contentType = reply.contentType();
            assertTrue(
                    contentType != null && contentType.startsWith("application/json"),
                    () -> operation + " documents an application/json body, got " + reply);
            var violations = OpenApiContract.violations(schema.get(), reply.body());
            if (!violations.isEmpty()) {
                fail(operation + " answered a body its schema rejects:\n  " + String.join("\n  ", violations) + "\n"
                        + reply);
            }
        } else if (status == 204) {
            assertEquals("", reply.body(), () -> operation + " answers 204, which has no body: " + reply);
        }
        return reply;
    }

    /** The walk meant to exercise {@code prev}/{@code next}: make sure they were there (and so were validated). */
    private static void assertLinks(Reply page, boolean prev, boolean next) {
        JsonObject links = page.object().getJsonObject("links");
        assertEquals(prev, links.containsKey("prev"), page::toString);
        assertEquals(next, links.containsKey("next"), page::toString);
    }
}
