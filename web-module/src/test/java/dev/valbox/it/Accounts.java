package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh users for tests: every call signs up a new, uniquely named user. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A signed-up user and the all-scopes token sign-up returned. */
    public record Account(String id, String username, String email, String token) {

        public Api api(Api anonymous) {
            return anonymous.token(token);
        }
    }

    private Accounts() {}

    public static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
    }

    public static Account signup(Api api, String prefix) {
        var username = uniqueName(prefix);
        var email = username + "@example.com";
        var reply = api.post(
                "/v1/signup",
                "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        var body = reply.object();
        return new Account(body.getJsonObject("user").getString("id"), username, email, body.getString("token"));
    }

    /** A new API token of the account with just these scopes, ready to use. */
    public static Api token(Api api, Account owner, String... scopes) {
        var body = jakarta.json.Json.createObjectBuilder()
                .add("name", "scoped")
                .add("scopes", jakarta.json.Json.createArrayBuilder(java.util.List.of(scopes)))
                .build();
        var created = api.token(owner.token()).post("/v1/me/tokens", body.toString());
        assertEquals(201, created.status(), created::toString);
        return api.token(created.object().getString("token"));
    }

    /** Creates a val and answers its id. */
    public static String createVal(Api api, Account author, String name, String privacy, String code) {
        var reply = api.token(author.token())
                .post(
                        "/v1/vals",
                        "{\"name\":\"" + name + "\",\"privacy\":\"" + privacy + "\",\"code\":"
                                + jakarta.json.Json.createValue(code) + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("id");
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }
}
