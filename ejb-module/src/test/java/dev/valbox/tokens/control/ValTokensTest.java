package dev.valbox.tokens.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.site.control.Site;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValTokensTest {

    private static final String SITE = "https://valbox.example.com";
    /** The run time limit the tokens are issued for: the default of {@code valbox.run.timeout-ms}. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(10);

    private static final ValTokenKey KEY = ValTokenKey.generate();

    private final User alice = new User("alice", "alice@example.com", "hash");
    private final Val val = new Val(alice, "notify", ValType.SCRIPT, Privacy.PRIVATE, null);

    @Test
    void aRunTokenNamesTheAuthorTheValAndTheDefaultScopes() throws Exception {
        var claims = verified(issue(tokens(Clock.systemUTC()), val));
        assertEquals(SITE, claims.getIssuer());
        assertEquals(alice.id().toString(), claims.getSubject());
        assertEquals("alice", claims.getStringClaim("upn"));
        assertEquals(val.id().toString(), claims.getStringClaim(ValTokens.VAL));
        assertEquals(
                "val:read user:read blob:read blob:write sqlite:read sqlite:write email:read email:write",
                claims.getStringClaim(ValTokens.SCOPE));
        assertFalse(claims.getJWTID().isBlank());
    }

    @Test
    void aTokenLivesForTheRunTimeLimitPlusTheGracePeriod() throws Exception {
        var now = Instant.parse("2030-01-01T00:00:00.700Z");
        var tokens = tokens(Clock.fixed(now, ZoneOffset.UTC));
        var claims = SignedJWT.parse(tokens.issue(
                        ValTokens.runAs(val.author(), val.tokenScopes()), val.id(), Duration.ofMillis(2_500)))
                .getJWTClaimsSet();
        assertEquals(
                Instant.parse("2030-01-01T00:00:00Z"), claims.getIssueTime().toInstant());
        assertEquals(
                Duration.ofSeconds(3 + 60),
                Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()),
                "the time limit rounds up to whole seconds");
    }

    @Test
    void anExpiredTokenFailsVerification() {
        var tokens = tokens(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-71)));
        var token = issue(tokens, val);
        var e = assertThrows(BadJOSEException.class, () -> verified(token));
        assertTrue(e.getMessage().contains("Expired"), e.getMessage());
        var stillValid = issue(tokens(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-60))), val);
        assertDoesNotThrow(() -> verified(stillValid));
    }

    @Test
    void aTamperedTokenFailsVerification() throws Exception {
        var token = issue(tokens(Clock.systemUTC()), val);
        var parts = token.split("\\.");
        var claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                .claim(ValTokens.SCOPE, Scope.join(Scope.all()))
                .build();
        var payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.toString().getBytes());
        var widened = parts[0] + "." + payload + "." + parts[2];
        assertFalse(SignedJWT.parse(widened).verify(new ECDSAVerifier((ECPublicKey) KEY.publicKey())));
        assertThrows(BadJOSEException.class, () -> verified(widened));

        var otherKey = ValTokenKey.generate();
        assertFalse(SignedJWT.parse(token).verify(new ECDSAVerifier((ECPublicKey) otherKey.publicKey())));
    }

    @Test
    void theHeaderIsWhatMicroProfileJwtAccepts() throws Exception {
        var header = SignedJWT.parse(issue(tokens(Clock.systemUTC()), val)).getHeader();
        assertEquals(JWSAlgorithm.ES256, header.getAlgorithm());
        assertEquals(JOSEObjectType.JWT, header.getType());
    }

    @Test
    void everyTokenIsDistinct() throws Exception {
        var tokens = tokens(Clock.fixed(Instant.now(), ZoneOffset.UTC));
        var first = SignedJWT.parse(issue(tokens, val)).getJWTClaimsSet();
        var second = SignedJWT.parse(issue(tokens, val)).getJWTClaimsSet();
        assertNotEquals(first.getJWTID(), second.getJWTID());
    }

    @Test
    void theValsConfiguredScopesAreIntersectedWithWhatTheAuthorCanGrant() throws Exception {
        val.changeTokenScopes(EnumSet.of(Scope.VAL_READ, Scope.VAL_WRITE));
        assertEquals(
                "val:read val:write",
                verified(issue(tokens(Clock.systemUTC()), val)).getStringClaim(ValTokens.SCOPE));

        assertEquals(
                EnumSet.of(Scope.BLOB_READ),
                ValTokens.granted(EnumSet.of(Scope.BLOB_READ, Scope.USER_WRITE), EnumSet.of(Scope.BLOB_READ)));
        assertEquals(EnumSet.noneOf(Scope.class), ValTokens.granted(Set.of(), Scope.all()));
        assertEquals(Scope.all(), ValTokens.grantableBy(alice), "for now an author can grant every scope");

        val.changeTokenScopes(Set.of());
        assertEquals("", verified(issue(tokens(Clock.systemUTC()), val)).getStringClaim(ValTokens.SCOPE));
    }

    @Test
    void evalTokensCarryTheCallersScopesWithinTheDefaultsAndAnonymousGetsNone() throws Exception {
        var tokens = tokens(Clock.systemUTC());
        assertTrue(tokens.runAsForEval(Caller.ANONYMOUS).anonymous());

        var session = new Caller(alice, Scope.all(), Caller.Via.SESSION);
        var claims = verified(tokens.issue(tokens.runAsForEval(session), null, RUN_LIMIT));
        assertEquals(Scope.join(Scope.valDefaults()), claims.getStringClaim(ValTokens.SCOPE));
        assertNull(claims.getClaim(ValTokens.VAL));

        var narrow = new Caller(alice, EnumSet.of(Scope.VAL_WRITE, Scope.BLOB_READ), Caller.Via.API_TOKEN);
        assertEquals(
                "blob:read",
                verified(tokens.issue(tokens.runAsForEval(narrow), null, RUN_LIMIT))
                        .getStringClaim(ValTokens.SCOPE));
    }

    @Test
    void aReportedValueIsOursOnlyWhenThisKeySignedItForThisSiteExpiredOrNot() throws Exception {
        var tokens = tokens(Clock.systemUTC());
        var token = issue(tokens, val);
        assertEquals(alice.id().toString(), tokens.verified(token).orElseThrow().getSubject());
        var expired = issue(tokens(Clock.offset(Clock.systemUTC(), Duration.ofDays(-1))), val);
        assertTrue(tokens.verified(expired).isPresent(), "an expired token is still a real one");

        var otherKey = tokens(Clock.systemUTC());
        otherKey.key = ValTokenKey.generate();
        assertTrue(tokens.verified(issue(otherKey, val)).isEmpty());
        var otherSite = tokens(Clock.systemUTC());
        otherSite.site = new Site("https://elsewhere.example.com", "elsewhere.example.com", "run.localhost");
        assertTrue(tokens.verified(issue(otherSite, val)).isEmpty());
        var parts = token.split("\\.");
        assertTrue(tokens.verified(parts[0] + "." + parts[1] + "." + parts[2].substring(1))
                .isEmpty());
        for (var junk : new String[] {"", "some_token", "a.b.c", "vbx_0123456789"}) {
            assertTrue(tokens.verified(junk).isEmpty(), junk);
        }
    }

    private static ValTokens tokens(Clock clock) {
        var tokens = new ValTokens();
        tokens.site = new Site(SITE, "localhost", "run.localhost");
        tokens.ttlSeconds = 60;
        tokens.key = KEY;
        tokens.clock = clock;
        return tokens;
    }

    /** Verifies as MicroProfile JWT does: ES256 signature by the key, typ JWT, issuer, and exp and iat required. */
    private static JWTClaimsSet verified(String token) throws Exception {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        var jwk = new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) KEY.publicKey()).build();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(new JWKSet(jwk))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(SITE).build(), Set.of("sub", "exp", "iat", "jti", "upn")));
        var verifier = processor.getJWTClaimsSetVerifier();
        ((DefaultJWTClaimsVerifier<SecurityContext>) verifier).setMaxClockSkew(0);
        return processor.process(token, null);
    }

    private static String issue(ValTokens tokens, dev.valbox.vals.entity.Val val) {
        return tokens.issue(ValTokens.runAs(val.author(), val.tokenScopes()), val.id(), RUN_LIMIT);
    }
}
