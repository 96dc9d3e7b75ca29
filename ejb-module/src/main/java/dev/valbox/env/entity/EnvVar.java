package dev.valbox.env.entity;

import dev.valbox.accounts.entity.User;
import dev.valbox.database.entity.Changes;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.TooLargeException;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** One env var of one user. Only the sealed value is kept; the plaintext never reaches this entity. */
@Entity
@EntityListeners(Changes.class)
@Table(name = "vb_env_var", uniqueConstraints = @UniqueConstraint(columnNames = {"user_id", "env_key"}))
@NamedQuery(name = EnvVar.OF_USER, query = "SELECT e FROM EnvVar e WHERE e.user = :user ORDER BY e.key")
@NamedQuery(name = EnvVar.BY_KEY, query = "SELECT e FROM EnvVar e WHERE e.user = :user AND e.key = :key")
public class EnvVar {

    public static final String OF_USER = "EnvVar.ofUser";
    public static final String BY_KEY = "EnvVar.byKey";
    /** Case-sensitive, as in Deno. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public static final int MAX_KEY = 64;
    public static final int MAX_VALUE_BYTES = 32 * 1024;
    /** Set by the server for every run; a user's env var must not shadow them. */
    public static final Set<String> RESERVED = Set.of("valtown", "VALTOWN_API_URL", "VALBOX_API_URL");

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "env_key", nullable = false, length = MAX_KEY)
    private String key;

    /** The IV and the AES-GCM ciphertext with its tag. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "sealed_value", nullable = false)
    private byte[] sealed;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected EnvVar() {}

    public EnvVar(User user, String key, byte[] sealed) {
        this.id = UUID.randomUUID();
        this.user = user;
        this.key = requireKey(key);
        this.sealed = sealed.clone();
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.updatedAt = createdAt;
    }

    public static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException(
                    "key", "key must be 1-" + MAX_KEY + " characters: a letter or '_', then letters, digits or '_'");
        }
        if (RESERVED.contains(key)) {
            throw new InvalidInputException("key", "key '" + key + "' is reserved: the server sets it for every run");
        }
        return key;
    }

    public static String requireValue(String value) {
        if (value == null) {
            throw new InvalidInputException("value", "value is required");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new TooLargeException("value", "value must be at most " + MAX_VALUE_BYTES + " bytes (UTF-8)");
        }
        return value;
    }

    /** Gives the var a new value, sealed by the caller. */
    public void replace(byte[] sealed) {
        this.sealed = sealed.clone();
        this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public UUID id() {
        return id;
    }

    public User user() {
        return user;
    }

    public String key() {
        return key;
    }

    public byte[] sealed() {
        return sealed.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
