package dev.valbox.tokens.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.control.Sha256;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.tokens.entity.ApiToken;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Issuing, listing, revoking and checking API tokens. */
@Stateless
public class Tokens {

    /** A token just created: the only moment its raw value exists outside the caller's hands. */
    public record Issued(ApiToken apiToken, String token) {}

    @PersistenceContext
    EntityManager em;

    public Issued create(Caller caller, String name, Set<Scope> scopes, Instant expiresAt) {
        caller.require(Scope.USER_WRITE);
        if (!caller.scopes().containsAll(scopes)) {
            throw new ForbiddenException("A token cannot grant scopes its creator does not hold.");
        }
        return issue(caller.user(), name, scopes, expiresAt);
    }

    public Issued issue(User user, String name, Set<Scope> scopes, Instant expiresAt) {
        var raw = TokenFormat.generate();
        var token = new ApiToken(user, name, Sha256.hex(raw), scopes, expiresAt);
        em.persist(token);
        return new Issued(token, raw);
    }

    public List<ApiToken> list(Caller caller) {
        caller.require(Scope.USER_WRITE);
        return em.createNamedQuery(ApiToken.BY_USER, ApiToken.class)
                .setParameter("user", caller.user())
                .getResultList();
    }

    /** The owner ends a token; it is kept as a tombstone, so a leak of it reported later is still recognised. */
    public void revoke(Caller caller, UUID id) {
        caller.require(Scope.USER_WRITE);
        var token = em.find(ApiToken.class, id);
        if (token == null || token.revoked() || !caller.is(token.user())) {
            throw new NotFoundException("Token not found");
        }
        token.revoke(Instant.now(), "revoked by its owner");
    }

    /**
     * A value reported as leaked (GitHub secret scanning): if it is one of this server's API tokens, it is revoked at
     * once, in this transaction. A value without the token's shape and checksum is answered without touching the
     * database; a token revoked before (a tombstone) is still real.
     */
    public Revocation revokeLeaked(String raw, String where) {
        if (!TokenFormat.wellFormed(raw)) {
            return Revocation.NOT_OURS;
        }
        var found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", Sha256.hex(raw))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        if (found.isEmpty()) {
            return Revocation.NOT_OURS;
        }
        var token = found.get();
        if (token.revoked()) {
            return Revocation.BEFORE;
        }
        token.revoke(Instant.now(), "leaked: " + where);
        return Revocation.now(token.user(), "API token \"" + token.name() + "\"");
    }

    /** The caller a raw bearer token stands for. A malformed token is refused before any database lookup. */
    public Caller authenticate(String raw) {
        if (!TokenFormat.wellFormed(raw)) {
            throw new UnauthenticatedException("The API token is not valid.");
        }
        var token = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", Sha256.hex(raw))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnauthenticatedException("The API token is not valid."));
        if (token.revoked()) {
            throw new UnauthenticatedException("The API token has been revoked.");
        }
        var now = Instant.now();
        if (token.expired(now)) {
            throw new UnauthenticatedException("The API token has expired.");
        }
        token.used(now);
        return new Caller(token.user(), token.scopes(), Caller.Via.API_TOKEN);
    }
}
