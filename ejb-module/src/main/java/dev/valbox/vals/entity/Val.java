package dev.valbox.vals.entity;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.database.entity.Changes;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.LimitException;
import dev.valbox.problems.entity.TooLargeException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

@Entity
@EntityListeners(Changes.class)
@NamedQuery(name = Val.BY_NAME, query = "SELECT v FROM Val v WHERE v.author = :author AND v.nameKey = :key")
@Table(name = "vb_val", uniqueConstraints = @UniqueConstraint(columnNames = {"author_id", "name_key"}))
public class Val {

    public static final String BY_NAME = "Val.byName";
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");
    public static final int MAX_CODE = 256_000;
    public static final int MAX_README = 8_192;
    public static final int MAX_VERSIONS = 14_400;

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id")
    private User author;

    @Column(nullable = false, length = 48)
    private String name;

    /** The name lowercased: names are unique per author regardless of case. */
    @Column(name = "name_key", nullable = false, length = 48)
    private String nameKey;

    @Column(length = MAX_README)
    private String readme;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ValType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Privacy privacy;

    /** The latest version, the one that runs. */
    @Column(nullable = false)
    private int version;

    /** Numbers are never reused, even after a version is deleted. */
    @Column(nullable = false)
    private int nextVersion;

    @Column(nullable = false)
    private Instant createdAt;

    /**
     * The scopes of the token its runs get, as wire names separated by spaces. Null means the server's defaults:
     * vals saved before the column existed, and vals whose author never chose.
     */
    @Column(name = "token_scopes", length = 256)
    private String tokenScopes;

    /** When it runs by itself; kept when the type changes, but only an interval val runs on it. */
    @OneToOne(mappedBy = "val", fetch = FetchType.LAZY)
    private Schedule schedule;

    protected Val() {}

    public Val(User author, String name, ValType type, Privacy privacy, String readme) {
        this.id = UUID.randomUUID();
        this.author = author;
        rename(name);
        this.type = type;
        this.privacy = privacy;
        describe(readme);
        this.version = -1;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Creates the next immutable version holding this code; it becomes the version that runs. */
    public ValVersion saveCode(String code) {
        if (code == null || code.isEmpty()) {
            throw new InvalidInputException("code", "code must not be empty");
        }
        if (code.length() > MAX_CODE) {
            throw new TooLargeException("code", "code must be at most " + MAX_CODE + " characters");
        }
        if (nextVersion >= MAX_VERSIONS) {
            throw new LimitException("a val has at most " + MAX_VERSIONS + " versions");
        }
        version = nextVersion++;
        return new ValVersion(this, version, code);
    }

    /** After a version is deleted the newest remaining one runs. */
    public void versionDeleted(int newestRemaining) {
        this.version = newestRemaining;
    }

    public void rename(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "name", "name must be 1-48 characters: a letter or '_', then letters, digits or '_'");
        }
        this.name = name;
        this.nameKey = key(name);
    }

    public void describe(String readme) {
        if (readme != null && readme.length() > MAX_README) {
            throw new TooLargeException("readme", "readme must be at most " + MAX_README + " characters");
        }
        this.readme = readme;
    }

    public void changePrivacy(Privacy privacy) {
        this.privacy = privacy;
    }

    public void changeType(ValType type) {
        this.type = type;
    }

    /** The scopes its runs' tokens get from now on; an empty set is a token that can do nothing. */
    public void changeTokenScopes(Set<Scope> scopes) {
        this.tokenScopes = Scope.join(scopes);
    }

    /** Its schedule from now on; null removes it. */
    public void scheduleWith(Schedule schedule) {
        this.schedule = schedule;
    }

    public UUID id() {
        return id;
    }

    public User author() {
        return author;
    }

    public String name() {
        return name;
    }

    public String readme() {
        return readme;
    }

    public ValType type() {
        return type;
    }

    public Privacy privacy() {
        return privacy;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Schedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    public Set<Scope> tokenScopes() {
        return tokenScopes == null ? Scope.valDefaults() : Scope.split(tokenScopes);
    }
}
