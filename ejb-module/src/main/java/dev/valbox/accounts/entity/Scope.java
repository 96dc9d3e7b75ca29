package dev.valbox.accounts.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

public enum Scope {
    VAL_READ("val:read"),
    VAL_WRITE("val:write"),
    USER_READ("user:read"),
    USER_WRITE("user:write"),
    BLOB_READ("blob:read"),
    BLOB_WRITE("blob:write"),
    SQLITE_READ("sqlite:read"),
    SQLITE_WRITE("sqlite:write"),
    EMAIL_READ("email:read"),
    EMAIL_WRITE("email:write");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    /**
     * What a val's token may do unless its author says otherwise: everything but changing vals and the account, so
     * a compromised val or library cannot plant new code or take over the user.
     */
    public static Set<Scope> valDefaults() {
        return EnumSet.complementOf(EnumSet.of(VAL_WRITE, USER_WRITE));
    }

    public static Scope fromWire(String field, String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field, "unknown scope '" + value + "'; scopes are " + String.join(" ", wires(all()))));
    }

    public static Set<String> wires(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wire).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Stored form: the wire names separated by single spaces, in declaration order. */
    public static String join(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(" "));
    }

    public static Set<Scope> split(String stored) {
        var scopes = EnumSet.noneOf(Scope.class);
        if (stored != null && !stored.isBlank()) {
            for (var wire : stored.trim().split(" +")) {
                scopes.add(fromWire("scopes", wire));
            }
        }
        return scopes;
    }
}
