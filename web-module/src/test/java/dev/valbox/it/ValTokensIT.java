package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2, val tokens: every run carries a fresh JWT as {@code valtown}; the API takes it as a bearer token, verified
 * by MicroProfile JWT, with the val's scopes applied like an API token's.
 */
class ValTokensIT extends SignedUpValbox {

    private static final String DEFAULT_SCOPES =
            "val:read user:read blob:read blob:write sqlite:read sqlite:write email:read email:write";
    private static final String SHOW_TOKEN =
            "export default function () { return { token: Deno.env.get('valtown') ?? null, process: process.env.valtown ?? null } }";

    @Test
    void aRunCarriesAValTokenThatActsAsTheAuthor() throws ParseException {
        var id = Accounts.createVal(api, alice, "whoami", "private", SHOW_TOKEN);
        var run = asAlice.get("/v1/run/" + alice.username() + ".whoami");
        assertEquals(200, run.status(), run::toString);
        var token = run.object().getString("token");
        assertEquals(token, run.object().getString("process"), "Deno.env and process.env agree");

        var header = SignedJWT.parse(token).getHeader();
        assertEquals(JOSEObjectType.JWT, header.getType());
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertEquals(alice.id(), claims.getSubject());
        assertEquals(alice.username(), claims.getStringClaim("upn"));
        assertEquals(id, claims.getStringClaim("val"));
        assertEquals(DEFAULT_SCOPES, claims.getStringClaim("scope"));
        assertTrue(claims.getIssuer().startsWith("http"), claims::toString);
        assertTrue(claims.getJWTID() != null && !claims.getJWTID().isBlank());
        long lifetime =
                (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertEquals(runTimeoutSeconds() + 60, lifetime, "exp is the run time limit plus 60 s after iat");

        var me = api.token(token).get("/v1/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals(alice.username(), me.object().getString("username"));
        assertNull(me.header("Set-Cookie"), "a val token never opens a session");
        assertEquals(200, api.token(token).get("/v1/vals/" + id).status(), "val:read is a default scope");
    }

    @Test
    void everyRunGetsAFreshToken() throws ParseException {
        Accounts.createVal(api, alice, "fresh", "private", SHOW_TOKEN);
        var first = runToken("fresh");
        var second = runToken("fresh");
        assertNotEquals(first, second);
        assertNotEquals(
                SignedJWT.parse(first).getJWTClaimsSet().getJWTID(),
                SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
    }

    @Test
    void aValTokenCannotChangeValsOrTheAccountByDefault() {
        Accounts.createVal(api, alice, "confined", "private", SHOW_TOKEN);
        var token = runToken("confined");

        var create = api.token(token).post("/v1/vals", "{\"name\":\"planted\",\"code\":\"export default 1\"}");
        assertProblem(create, 403, "forbidden", null);
        assertTrue(create.object().getString("detail").startsWith("Token does not have the required permissions."));
        assertTrue(create.object().getString("detail").contains("val:write"), create::toString);

        var tokens = api.token(token).get("/v1/me/tokens");
        assertProblem(tokens, 403, "forbidden", null);
        assertTrue(tokens.object().getString("detail").contains("user:write"), tokens::toString);
    }

    @Test
    void narrowedScopesApplyToTheNextRun() throws ParseException {
        var id = Accounts.createVal(api, alice, "narrow", "private", SHOW_TOKEN);
        var before = runToken("narrow");

        var update = asAlice.put("/v1/vals/" + id, "{\"scopes\":[\"val:read\"]}");
        assertEquals(204, update.status(), update::toString);

        var after = runToken("narrow");
        assertEquals("val:read", SignedJWT.parse(after).getJWTClaimsSet().getStringClaim("scope"));
        var me = api.token(after).get("/v1/me");
        assertProblem(me, 403, "forbidden", null);
        assertTrue(me.object().getString("detail").contains("user:read"), me::toString);
        assertEquals(200, api.token(after).get("/v1/vals/" + id).status());
        assertEquals(200, api.token(before).get("/v1/me").status(), "a token already issued keeps its scopes");
    }

    @Test
    void valWriteIsGrantedOnlyWhenTheAuthorAsksForIt() {
        var id = Accounts.createVal(api, alice, "deployer", "private", SHOW_TOKEN);
        var update = asAlice.put("/v1/vals/" + id, "{\"scopes\":[\"val:read\",\"val:write\"]}");
        assertEquals(204, update.status(), update::toString);

        var token = runToken("deployer");
        var create = api.token(token).post("/v1/vals", "{\"name\":\"deployed\",\"code\":\"export default 1\"}");
        assertEquals(200, create.status(), create::toString);
        assertEquals(alice.username(), create.object().getJsonObject("author").getString("username"));
    }

    @Test
    void scopesAreValidatedAndNeverWiderThanTheCallersOwn() {
        var id = Accounts.createVal(api, alice, "checked", "private", SHOW_TOKEN);
        assertProblem(
                asAlice.put("/v1/vals/" + id, "{\"scopes\":[\"val:read\",\"val:admin\"]}"), 400, "invalid", "scopes");
        assertProblem(asAlice.put("/v1/vals/" + id, "{\"scopes\":\"val:read\"}"), 400, "invalid", "scopes");
        assertProblem(asAlice.put("/v1/vals/" + id, "{\"scopes\":[1]}"), 400, "invalid", "scopes");

        var narrow = asAlice.post("/v1/me/tokens", "{\"name\":\"deploy\",\"scopes\":[\"val:read\",\"val:write\"]}")
                .object()
                .getString("token");
        assertProblem(api.token(narrow).put("/v1/vals/" + id, "{\"scopes\":[\"user:write\"]}"), 403, "forbidden", null);
        assertEquals(
                List.of(DEFAULT_SCOPES.split(" ")),
                scopesOf(asAlice.get("/v1/vals/" + id)),
                "refused changes change nothing");
    }

    @Test
    void scopesAreShownToTheAuthorOnly() {
        var id = Accounts.createVal(api, alice, "shown", "public", SHOW_TOKEN);
        assertEquals(List.of(DEFAULT_SCOPES.split(" ")), scopesOf(asAlice.get("/v1/vals/" + id)));
        assertEquals(204, asAlice.put("/v1/vals/" + id, "{\"scopes\":[]}").status());
        assertEquals(List.of(), scopesOf(asAlice.get("/v1/vals/" + id)));

        var bob = Accounts.signup(api, "bob");
        for (var viewer : List.of(api, api.token(bob.token()))) {
            var seen = viewer.get("/v1/vals/" + id);
            assertEquals(200, seen.status(), seen::toString);
            assertFalse(seen.object().containsKey("scopes"), seen::toString);
        }
    }

    @Test
    void evalWithATokenGetsTheCallersScopesWithinTheDefaultsAndAnonymousEvalNone() throws ParseException {
        var code = Json.createObjectBuilder()
                .add("code", "Deno.env.get('valtown') ?? null")
                .build()
                .toString();
        var token = Json.createReader(
                        new java.io.StringReader(asAlice.post("/v1/eval", code).body()))
                .readValue();
        var claims =
                SignedJWT.parse(((jakarta.json.JsonString) token).getString()).getJWTClaimsSet();
        assertEquals(alice.id(), claims.getSubject());
        assertEquals(DEFAULT_SCOPES, claims.getStringClaim("scope"));
        assertEquals(null, claims.getClaim("val"));

        var narrow = asAlice.post(
                        "/v1/me/tokens", "{\"name\":\"eval\",\"scopes\":[\"val:write\",\"blob:read\",\"user:write\"]}")
                .object()
                .getString("token");
        var narrowed = Json.createReader(new java.io.StringReader(
                        api.token(narrow).post("/v1/eval", code).body()))
                .readValue();
        assertEquals(
                "blob:read",
                SignedJWT.parse(((jakarta.json.JsonString) narrowed).getString())
                        .getJWTClaimsSet()
                        .getStringClaim("scope"));

        var anonymous = api.post("/v1/eval", code);
        assertEquals(200, anonymous.status(), anonymous::toString);
        assertEquals("null", anonymous.body());
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        Accounts.createVal(api, alice, "tampered", "private", SHOW_TOKEN);
        var token = runToken("tampered");
        var parts = token.split("\\.");

        var widened = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                .claim("scope", "val:read val:write user:read user:write")
                .build();
        var payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(widened.toString().getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated(
                api.token(parts[0] + "." + payload + "." + parts[2]).get("/v1/me"));

        var signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        assertUnauthenticated(api.token(parts[0] + "." + parts[1] + "." + new String(signature))
                .get("/v1/me"));
        assertUnauthenticated(api.token("not-a-token").get("/v1/me"));
        assertEquals(200, api.token(token).get("/v1/me").status(), "the untouched token still works");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // The issuer comes first: finding it runs a val, which may take a while on a busy machine.
        var issuer = issuer();
        var now = Instant.now();
        var fresh = forge(serverKey(), issuer, alice.id(), alice.username(), now.minusSeconds(5), now.plusSeconds(60));
        assertEquals(200, api.token(fresh).get("/v1/me").status(), "a token made like the server's is accepted");

        var expired =
                forge(serverKey(), issuer, alice.id(), alice.username(), now.minusSeconds(130), now.minusSeconds(65));
        assertUnauthenticated(api.token(expired).get("/v1/me"));
    }

    @Test
    void aTokenOfAnUnknownUserOrAnotherKeyIsRefused() throws Exception {
        var issuer = issuer();
        var now = Instant.now();
        assertUnauthenticated(
                api.token(forge(serverKey(), issuer, UUID.randomUUID().toString(), "ghost", now, now.plusSeconds(60)))
                        .get("/v1/me"));

        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var otherKey = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        assertUnauthenticated(api.token(forge(otherKey, issuer, alice.id(), alice.username(), now, now.plusSeconds(60)))
                .get("/v1/me"));
    }

    @Test
    void apiTokensAndAnonymousRequestsAreUnaffected() {
        assertEquals(200, asAlice.get("/v1/me").status());
        assertUnauthenticated(api.get("/v1/me"));
        assertUnauthenticated(api.token("vbx_000000000000000000000000000000").get("/v1/me"));
    }

    private String runToken(String valName) {
        var run = asAlice.get("/v1/run/" + alice.username() + "." + valName);
        assertEquals(200, run.status(), run::toString);
        return run.object().getString("token");
    }

    private static List<String> scopesOf(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static void assertUnauthenticated(Api.Reply reply) {
        assertProblem(reply, 401, "unauthenticated", null);
    }

    /** A token shaped like the server's, signed with {@code key}, for the site URL the server has by default. */
    private static String forge(
            ECPrivateKey key, String issuer, String subject, String username, Instant issued, Instant expires)
            throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("upn", username)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("scope", DEFAULT_SCOPES)
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** The issuer of a token the server made: forged tokens differ from real ones only where a test says. */
    private String issuer() throws ParseException {
        var name = Accounts.uniqueName("issuer");
        Accounts.createVal(api, alice, name, "private", SHOW_TOKEN);
        return SignedJWT.parse(runToken(name)).getJWTClaimsSet().getIssuer();
    }

    /**
     * The server's signing key, read from its data directory as only its own user can: the one way a test can make a
     * token that is valid in every respect but one.
     */
    private static ECPrivateKey serverKey() throws Exception {
        var jvmArgs = System.getProperty("valbox.it.jvmArgs", "");
        var dataDir = Pattern.compile("-Dvalbox.data=(\\S+)").matcher(jvmArgs);
        assertTrue(dataDir.find(), "valbox.it.jvmArgs names the server's data directory: " + jvmArgs);
        var pem = Files.readString(Path.of(dataDir.group(1), "val-token-key.pem"), StandardCharsets.US_ASCII);
        var body = pem.replaceAll("(?s).*-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----.*", "$1");
        return (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body.strip())));
    }

    private static long runTimeoutSeconds() {
        var timeout =
                Pattern.compile("-Dvalbox.run.timeout-ms=(\\d+)").matcher(System.getProperty("valbox.it.jvmArgs", ""));
        long millis = timeout.find() ? Long.parseLong(timeout.group(1)) : 10_000;
        return (millis + 999) / 1000;
    }
}
