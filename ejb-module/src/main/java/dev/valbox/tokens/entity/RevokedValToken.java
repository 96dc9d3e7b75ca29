package dev.valbox.tokens.entity;

import dev.valbox.accounts.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A val token revoked before it expired (it was reported as leaked), by its JWT id: a val token is otherwise valid
 * until it expires, so this row is what refuses it. Rows whose token has expired are no longer needed.
 */
@Entity
@Table(name = "vb_revoked_val_token")
@NamedQuery(name = RevokedValToken.DELETE_EXPIRED, query = "DELETE FROM RevokedValToken r WHERE r.expiresAt < :now")
public class RevokedValToken {

    public static final String DELETE_EXPIRED = "RevokedValToken.deleteExpired";
    public static final int MAX_ID = 64;

    @Id
    @Column(length = MAX_ID)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private Instant revokedAt;

    @Column(length = ApiToken.MAX_REVOKED_REASON)
    private String reason;

    protected RevokedValToken() {}

    public RevokedValToken(String id, User user, Instant expiresAt, String reason) {
        this.id = id;
        this.user = user;
        this.expiresAt = expiresAt;
        this.revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.reason = reason.length() > ApiToken.MAX_REVOKED_REASON
                ? reason.substring(0, ApiToken.MAX_REVOKED_REASON)
                : reason;
    }

    public String id() {
        return id;
    }

    public User user() {
        return user;
    }
}
