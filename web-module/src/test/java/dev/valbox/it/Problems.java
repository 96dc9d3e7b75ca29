package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {}

    public static void assertProblem(Api.Reply reply, int status, String type, String field) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType(), reply::toString);
        var problem = reply.object();
        assertEquals("urn:valbox:problem:" + type, problem.getString("type"), reply::toString);
        assertEquals(status, problem.getInt("status"));
        assertEquals(problem.getString("detail"), problem.getString("message"));
        if (field != null) {
            assertEquals(field, problem.getString("field"), reply::toString);
        }
    }
}
