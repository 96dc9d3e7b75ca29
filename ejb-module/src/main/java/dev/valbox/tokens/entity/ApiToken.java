package dev.valbox.tokens.entity;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * An API token, stored only as its SHA-256. A revoked token is kept as a tombstone (with when and why), so that it
 * authenticates nothing while a leak of it reported later is still recognised as a real token.
 */
@Entity
@Table(name = "vb_api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t JOIN FETCH t.user WHERE t.hash = :hash")
@NamedQuery(
        name = ApiToken.BY_USER,
        query = "SELECT t FROM ApiToken t WHERE t.user = :user AND t.revokedAt IS NULL ORDER BY t.createdAt DESC, t.id")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String BY_USER = "ApiToken.byUser";
    public static final int MAX_NAME = 100;
    public static final int MAX_REVOKED_REASON = 500;
    /** last-used is a hint, not an audit log: refresh it at most this often to keep reads cheap. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @Column(nullable = false, length = 256)
    private String scopes;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    @Column(length = MAX_REVOKED_REASON)
    private String revokedReason;

    protected ApiToken() {}

    public ApiToken(User user, String name, String hash, Set<Scope> scopes, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "name must be 1-" + MAX_NAME + " characters");
        }
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new InvalidInputException("expiresAt", "expiresAt must be in the future");
        }
        this.id = UUID.randomUUID();
        this.user = user;
        this.name = name.strip();
        this.hash = hash;
        this.scopes = Scope.join(scopes);
        this.expiresAt = expiresAt;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Ends the token for good; the first revocation's time and reason are the ones kept. */
    public void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now.truncatedTo(ChronoUnit.MILLIS);
            revokedReason = reason.length() > MAX_REVOKED_REASON ? reason.substring(0, MAX_REVOKED_REASON) : reason;
        }
    }

    /** Records a use; answers whether the stored value changed. */
    public boolean used(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    public UUID id() {
        return id;
    }

    public User user() {
        return user;
    }

    public String name() {
        return name;
    }

    public Set<Scope> scopes() {
        return Scope.split(scopes);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedReason() {
        return revokedReason;
    }
}
