package dev.valbox.vals.entity;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.database.entity.Changes;
import jakarta.json.JsonString;
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
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** One saved state of a val's code. Never changed after it is created. */
@Entity
@EntityListeners(Changes.class)
@NamedQuery(
        name = ValVersion.OF_VAL,
        query = "SELECT vv FROM ValVersion vv WHERE vv.val = :val AND vv.version = :version")
@NamedQuery(name = ValVersion.LIST, query = "SELECT vv FROM ValVersion vv WHERE vv.val = :val ORDER BY vv.version DESC")
@NamedQuery(name = ValVersion.NEWEST, query = "SELECT MAX(vv.version) FROM ValVersion vv WHERE vv.val = :val")
@NamedQuery(name = ValVersion.COUNT, query = "SELECT COUNT(vv) FROM ValVersion vv WHERE vv.val = :val")
@NamedQuery(name = ValVersion.DELETE_ALL, query = "DELETE FROM ValVersion vv WHERE vv.val = :val")
@NamedQuery(
        name = ValVersion.CURRENT_BY_AUTHOR,
        query = "SELECT vv FROM ValVersion vv JOIN FETCH vv.val v WHERE vv.version = v.version"
                + " AND v.author = :author AND v.privacy IN :privacies ORDER BY v.createdAt DESC, v.id")
@NamedQuery(
        name = ValVersion.SEARCH,
        query = "SELECT vv FROM ValVersion vv JOIN FETCH vv.val v WHERE vv.version = v.version"
                + " AND (v.privacy = dev.valbox.vals.entity.Privacy.PUBLIC OR v.author.id = :viewer)"
                + " AND (LOWER(v.name) LIKE :pattern ESCAPE '!' OR LOWER(v.readme) LIKE :pattern ESCAPE '!'"
                + " OR LOWER(vv.code) LIKE :pattern ESCAPE '!') ORDER BY v.createdAt DESC, v.id")
@Table(name = "vb_val_version", uniqueConstraints = @UniqueConstraint(columnNames = {"val_id", "version"}))
public class ValVersion {

    public static final String OF_VAL = "ValVersion.ofVal";
    public static final String LIST = "ValVersion.list";
    public static final String NEWEST = "ValVersion.newest";
    public static final String COUNT = "ValVersion.count";
    public static final String DELETE_ALL = "ValVersion.deleteAll";
    public static final String CURRENT_BY_AUTHOR = "ValVersion.currentByAuthor";
    public static final String SEARCH = "ValVersion.search";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "val_id")
    private Val val;

    @Column(nullable = false)
    private int version;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private Instant createdAt;

    /** What the workers run: null until compiled, empty when the source has syntax errors. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private String compiledCode;

    /** The import specifiers of the source, as a JSON array, once compiled. */
    @Lob
    private String imports;

    /** The syntax errors of the source, as a JSON array of {message, line, column}; null when there are none. */
    @Lob
    private String compileErrors;

    /**
     * What its npm imports resolved to when it was saved ({@code dev.valbox.packages.entity.PackageLock} as JSON), so
     * that it always runs the same package code; null when it imports no package.
     */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String packages;

    protected ValVersion() {}

    ValVersion(Val val, int version, String code) {
        this.id = UUID.randomUUID();
        this.val = val;
        this.version = version;
        this.code = code;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The one change a version allows: recording what its source compiled to. */
    public void compiled(String code, String importsJson, String errorsJson) {
        this.compiledCode = code;
        this.imports = importsJson;
        this.compileErrors = errorsJson;
    }

    /** Pins the packages its imports resolved to; done once, when it is saved (or first compiled). */
    public void packagesResolved(String lockJson) {
        if (this.packages != null) {
            throw new IllegalStateException("a version's packages are pinned once");
        }
        this.packages = lockJson;
    }

    public String packages() {
        return packages;
    }

    public boolean isCompiled() {
        return compiledCode != null;
    }

    public String compiledCode() {
        return compiledCode;
    }

    public String imports() {
        return imports;
    }

    /** The import specifiers the compiler found, in order ({@link #imports()} is their JSON array). */
    public List<String> importSpecifiers() {
        if (imports == null) {
            return List.of();
        }
        try (var reader = JSON.createReader(new StringReader(imports))) {
            return reader.readArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
    }

    public String compileErrors() {
        return compileErrors;
    }

    public UUID id() {
        return id;
    }

    public Val val() {
        return val;
    }

    public int version() {
        return version;
    }

    public String code() {
        return code;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
