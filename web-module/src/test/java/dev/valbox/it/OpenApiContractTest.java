package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract checker itself: it finds the operations and their schemas, and it does reject wrong bodies. */
class OpenApiContractTest {

    private static final String VAL_ID = "2c7f3ac4-3bd4-4b4e-9a77-5a2b1c6d8e90";
    private static final String USER_ID = "8d1e6a0b-7c55-4f27-bb1e-0f9d2a3c4b5d";

    private static OpenApiContract contract;

    @BeforeAll
    static void load() {
        contract = OpenApiContract.load();
    }

    @Test
    void everyOperationTheWalkChecksIsInTheDocumentWithOneSuccessStatus() {
        for (var operation : OpenApiContractIT.OPERATIONS) {
            var found = contract.operation(operation.method(), operation.path());
            assertEquals(operation.status(), found.successStatus(), found::toString);
        }
        assertEquals(
                Set.of(204, 404),
                contract.operation("DELETE", "/v1/vals/{val_id}").statuses());
    }

    @Test
    void operationsWithoutABodySchemaSaySo() {
        assertTrue(contract.operation("PUT", "/v1/vals").responseSchema(200).isEmpty());
        assertTrue(contract.operation("PUT", "/v1/vals/{val_id}")
                .responseSchema(204)
                .isEmpty());
        assertTrue(contract.operation("POST", "/v1/vals/{val_id}/versions")
                .responseSchema(201)
                .isPresent());
        assertThrows(IllegalArgumentException.class, () -> contract.operation("POST", "/v1/vals")
                .responseSchema(201));
        assertThrows(IllegalArgumentException.class, () -> contract.operation("PATCH", "/v1/vals"));
    }

    @Test
    void aValTownValConforms() {
        assertEquals(List.of(), OpenApiContract.violations(getVal(), val(VAL_ID, "\"public\"", "\"# hi\"")));
        assertEquals(List.of(), OpenApiContract.violations(getVal(), val(VAL_ID, "\"private\"", "null")));
    }

    @Test
    void aValWithoutAnIdIsRejected() {
        var withoutId = val(VAL_ID, "\"public\"", "null").replace("\"id\":\"" + VAL_ID + "\",", "");
        assertViolation(getVal(), withoutId, "required", "id");
    }

    @Test
    void wrongTypesFormatsAndEnumsAreRejected() {
        assertViolation(getVal(), val("not-a-uuid", "\"public\"", "null"), "format", "/id");
        assertViolation(getVal(), val(VAL_ID, "\"legacy_private\"", "null"), "enum", "/privacy");
        assertViolation(getVal(), val(VAL_ID, "\"public\"", "42"), "type", "/readme");
        assertViolation(
                getVal(),
                val(VAL_ID, "\"public\"", "null").replace("\"version\":3", "\"version\":-1"),
                "minimum",
                "/version");
        assertViolation(
                getVal(),
                val(VAL_ID, "\"public\"", "null").replace("2024-06-11T22:05:12.585Z", "yesterday"),
                "format",
                "/createdAt");
        assertViolation(
                getVal(),
                val(VAL_ID, "\"public\"", "null").replace("\"public\":true", "\"public\":\"yes\""),
                "type",
                "/public");
    }

    @Test
    void refsIntoComponentsResolve() {
        var search =
                contract.operation("GET", "/v1/search/vals").responseSchema(200).orElseThrow();
        var page = "{\"data\":[" + val(VAL_ID, "\"public\"", "null")
                + "],\"links\":{\"self\":\"http://localhost/v1/search/vals?query=a&offset=0&limit=1\",\"next\":\"http://localhost/v1/search/vals?query=a&offset=1&limit=1\"}}";
        assertEquals(List.of(), OpenApiContract.violations(search, page));
        // PaginationLinks (a $ref) says prev is a string: an explicit null is not "absent"
        assertViolation(search, page.replace("\"next\":", "\"prev\":null,\"next\":"), "type", "/links/prev");
        // BasicVal (a $ref in the items) needs an author
        assertViolation(search, page.replace("\"author\":", "\"writer\":"), "required", "author");
    }

    @Test
    void theCurrentUserNeedsEmailAndATierOrNull() {
        var me = contract.operation("GET", "/v1/me").responseSchema(200).orElseThrow();
        var body = "{\"id\":\"" + USER_ID
                + "\",\"username\":\"alice\",\"email\":\"alice@example.com\",\"bio\":null,\"profileImageUrl\":null,\"tier\":null}";
        assertEquals(List.of(), OpenApiContract.violations(me, body));
        assertViolation(me, body.replace("\"tier\":null", "\"tier\":\"gold\""), "enum", "/tier");
        assertViolation(me, body.replace(",\"tier\":null", ""), "required", "tier");
    }

    @Test
    void notJsonAndNoBodyAreViolations() {
        assertEquals(List.of("no body"), OpenApiContract.violations(getVal(), ""));
        assertTrue(OpenApiContract.violations(getVal(), "<html>").get(0).startsWith("not JSON"));
    }

    @Test
    void pointersBecomeUriFragments() {
        assertEquals("~1v1~1vals~1{val_id}", OpenApiContract.escape("/v1/vals/{val_id}"));
        assertEquals(
                "/paths/~1v1~1vals~1%7Bval_id%7D/get", OpenApiContract.fragment("/paths/~1v1~1vals~1{val_id}/get"));
        assertEquals("/a%20b/%C3%A9", OpenApiContract.fragment("/a b/é"));
    }

    private static JsonSchema getVal() {
        return contract.operation("GET", "/v1/vals/{val_id}")
                .responseSchema(200)
                .orElseThrow();
    }

    private static String val(String id, String privacy, String readme) {
        return "{\"id\":\"" + id + "\",\"name\":\"counter\",\"version\":3,\"code\":\"export const count = 1;\","
                + "\"public\":true,\"privacy\":" + privacy + ",\"type\":\"script\","
                + "\"url\":\"http://localhost:8080/v/alice/counter\","
                + "\"author\":{\"id\":\"" + USER_ID + "\",\"username\":\"alice\"},"
                + "\"createdAt\":\"2024-06-11T22:05:12.585Z\",\"readme\":" + readme
                + ",\"likeCount\":0,\"referenceCount\":0}";
    }

    private static void assertViolation(JsonSchema schema, String json, String keyword, String where) {
        var violations = OpenApiContract.violations(schema, json);
        assertFalse(violations.isEmpty(), () -> "accepted: " + json);
        assertTrue(
                violations.stream().anyMatch(v -> v.contains("[" + keyword + "]") && v.contains(where)),
                () -> "expected a " + keyword + " violation at " + where + ", got " + violations);
    }
}
