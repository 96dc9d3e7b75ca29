package dev.valbox.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A browser login. The id is the SHA-256 of the cookie value; the raw value exists only in the browser. */
@Entity
@Table(name = "vb_session")
public class Session {

    @Id
    @Column(length = 64)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(nullable = false, length = 64)
    private String csrfToken;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    protected Session() {}

    public Session(String id, User user, String csrfToken, Instant expiresAt) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.expiresAt = expiresAt;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public User user() {
        return user;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
