package dev.valbox.accounts.entity;

import dev.valbox.database.entity.Changes;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

@Entity
@EntityListeners(Changes.class)
@Table(
        name = "vb_user",
        uniqueConstraints = {@UniqueConstraint(columnNames = "username"), @UniqueConstraint(columnNames = "email")})
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
public class User {

    public static final String BY_USERNAME = "User.byUsername";
    public static final String BY_EMAIL = "User.byEmail";
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_]{1,29}");
    public static final int MAX_EMAIL = 254;
    public static final int MAX_BIO = 1024;

    @Id
    private UUID id;

    @Column(nullable = false, length = 30)
    private String username;

    @Column(nullable = false, length = MAX_EMAIL)
    private String email;

    @Column(nullable = false, length = 512)
    private String passwordHash;

    @Column(length = MAX_BIO)
    private String bio;

    @Column(nullable = false)
    private Instant createdAt;

    protected User() {}

    public User(String username, String email, String passwordHash) {
        this.id = UUID.randomUUID();
        this.username = requireUsername(username);
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException(
                    "username",
                    "username must be 2-30 characters: a lowercase letter, then lowercase letters, digits or '_'");
        }
        return username;
    }

    public static String normalizeEmail(String email) {
        var trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        var at = trimmed.indexOf('@');
        if (trimmed.length() > MAX_EMAIL
                || at < 1
                || at != trimmed.lastIndexOf('@')
                || at == trimmed.length() - 1
                || trimmed.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidInputException("email", "email must be an address like name@example.com");
        }
        return trimmed;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String bio() {
        return bio;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
