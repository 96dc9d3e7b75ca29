package dev.valbox.tokens.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.site.control.Site;
import dev.valbox.tokens.entity.RevokedValToken;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The short-lived JWTs a run carries as {@code valtown}: signed here, on the server only (workers never see the key),
 * and verified by MicroProfile JWT when a val calls the API with one. A token lives for the run's time limit plus
 * {@code valbox.val-token.ttl-seconds}, and holds the val's scopes as far as its author can grant them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ValTokens {

    /** Space-separated scope wire names, as in OAuth 2.0. */
    public static final String SCOPE = "scope";
    /** The id of the val whose run the token was issued for; absent for evals. */
    public static final String VAL = "val";

    @PersistenceContext
    EntityManager em;

    @Inject
    Site site;

    @Inject
    @ConfigProperty(name = "valbox.val-token.ttl-seconds", defaultValue = "60")
    long ttlSeconds;

    ValTokenKey key;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void loadKey() {
        key = ValTokenKeySource.key();
    }

    /** Who a run of a val acts as: its author, with the val's token scopes as far as the author can grant. */
    public static Caller runAs(User author, Set<Scope> valTokenScopes) {
        return new Caller(author, granted(valTokenScopes, grantableBy(author)), Caller.Via.VAL_TOKEN);
    }

    /**
     * Who an eval acts as: the evaluating caller, with its own scopes within what a val gets by default. Anonymous
     * evals stay anonymous, with no token, as with no env.
     */
    public static Caller runAsForEval(Caller caller) {
        if (caller.anonymous()) {
            return Caller.ANONYMOUS;
        }
        var wanted = granted(caller.scopes(), Scope.valDefaults());
        return new Caller(caller.user(), granted(wanted, grantableBy(caller.user())), Caller.Via.VAL_TOKEN);
    }

    /**
     * The signed token of a run acting as {@code runAs}; {@code valId} is null for an eval. It expires {@code
     * timeLimit}, the run's own, plus the grace period after it is issued.
     */
    public String issue(Caller runAs, UUID valId, Duration timeLimit) {
        return sign(runAs.user(), valId, runAs.scopes(), timeLimit);
    }

    /**
     * The caller a token that MicroProfile JWT has verified (signature, issuer, expiry) stands for: its user, who must
     * still exist, with exactly the token's scopes.
     */
    public Caller authenticate(JsonWebToken jwt) {
        if (jwt.getTokenID() != null && em.find(RevokedValToken.class, jwt.getTokenID()) != null) {
            throw new UnauthenticatedException("The val token has been revoked.");
        }
        var user = uuid(jwt.getSubject())
                .map(id -> em.find(User.class, id))
                .orElseThrow(() -> new UnauthenticatedException("The val token's user does not exist."));
        return new Caller(user, scopes(jwt.getClaim(SCOPE)), Caller.Via.VAL_TOKEN);
    }

    /**
     * A value reported as leaked (GitHub secret scanning): if it is a val token this server signed, it is real, and
     * when it has not expired yet it is refused from now on. Anything that does not verify is not ours.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Revocation revokeLeaked(String raw, String where) {
        var claims = verified(raw);
        if (claims.isEmpty()) {
            return Revocation.NOT_OURS;
        }
        var jwtId = claims.get().getJWTID();
        var expires = claims.get().getExpirationTime();
        var user = uuid(claims.get().getSubject()).map(id -> em.find(User.class, id));
        var now = clock.instant();
        if (jwtId == null
                || jwtId.length() > RevokedValToken.MAX_ID
                || expires == null
                || !expires.toInstant().isAfter(now)
                || user.isEmpty()
                || em.find(RevokedValToken.class, jwtId) != null) {
            return Revocation.BEFORE;
        }
        em.createNamedQuery(RevokedValToken.DELETE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate();
        em.persist(new RevokedValToken(jwtId, user.get(), expires.toInstant(), "leaked: " + where));
        return Revocation.now(user.get(), "val token (the \"valtown\" token of one run of a val)");
    }

    /** The claims of a JWT this server signed (signature and issuer checked, expiry not), if it is one. */
    Optional<JWTClaimsSet> verified(String raw) {
        try {
            var jwt = SignedJWT.parse(raw);
            if (!jwt.getHeader().getAlgorithm().equals(key.algorithm()) || !jwt.verify(key.verifier())) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            return site.url().equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (java.text.ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * What {@code author} may put in a val token. Today that is every scope, since a user holds every right over
     * their own account; the rule lives here so that a narrower one (limits set by an administrator) has one place.
     */
    static Set<Scope> grantableBy(User author) {
        return Scope.all();
    }

    static Set<Scope> granted(Set<Scope> wanted, Set<Scope> grantable) {
        var scopes = wanted.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(wanted);
        scopes.retainAll(grantable);
        return scopes;
    }

    /** The time limit rounded up to whole seconds, since JWT times are in seconds, plus the grace period. */
    Duration lifetime(Duration timeLimit) {
        return Duration.ofSeconds(Math.floorDiv(timeLimit.toMillis() + 999, 1000) + ttlSeconds);
    }

    String sign(User user, UUID valId, Set<Scope> scopes, Duration timeLimit) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var claims = new JWTClaimsSet.Builder()
                .issuer(site.url())
                .subject(user.id().toString())
                .claim("upn", user.username())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime(timeLimit))))
                .claim(SCOPE, Scope.join(scopes));
        if (valId != null) {
            claims.claim(VAL, valId.toString());
        }
        var jwt = new SignedJWT(
                new JWSHeader.Builder(key.algorithm()).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a val token", e);
        }
        return jwt.serialize();
    }

    private static Set<Scope> scopes(Object claim) {
        var wires = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (wires == null) {
            throw new UnauthenticatedException("The val token has no scope claim.");
        }
        try {
            return Scope.split(wires);
        } catch (InvalidInputException e) {
            throw new UnauthenticatedException("The val token names an unknown scope.");
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.ofNullable(text).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
