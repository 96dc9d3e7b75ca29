package dev.valbox.vals.boundary;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.problems.boundary.JsonFields;
import dev.valbox.vals.control.NewVal;
import dev.valbox.vals.control.ValChanges;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.ValType;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The bodies that create or change vals, read strictly. */
public final class ValRequest {

    private ValRequest() {}

    /** POST /v1/vals and POST /v1/vals/{id}/versions, with Valbox's {@code schedule} ("" removes it). */
    public static NewVal newVal(JsonObject json) {
        var fields = JsonFields.of(json, "code", "name", "readme", "privacy", "type", "schedule");
        return new NewVal(
                fields.requiredString("code"),
                fields.string("name"),
                fields.string("readme"),
                type(fields),
                privacy(fields),
                fields.string("schedule"));
    }

    /** PUT /v1/vals. */
    public static NewVal named(JsonObject json) {
        var fields = JsonFields.of(json, "code", "name");
        return new NewVal(fields.requiredString("code"), fields.requiredString("name"), null, null, null);
    }

    /**
     * PUT /v1/vals/{id}, with Valbox's {@code scopes} (those of the token the val's runs get) and {@code schedule}
     * ("" removes it).
     */
    public static ValChanges changes(JsonObject json) {
        var fields = JsonFields.of(json, "name", "readme", "privacy", "type", "scopes", "schedule");
        return new ValChanges(
                fields.string("name"),
                fields.string("readme"),
                type(fields),
                privacy(fields),
                scopes(fields),
                fields.string("schedule"));
    }

    private static Set<Scope> scopes(JsonFields fields) {
        var wires = fields.strings("scopes");
        return wires == null
                ? null
                : wires.stream()
                        .map(wire -> Scope.fromWire("scopes", wire))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    private static ValType type(JsonFields fields) {
        var wire = fields.string("type");
        return wire == null ? null : ValType.fromWire("type", wire);
    }

    private static Privacy privacy(JsonFields fields) {
        var wire = fields.string("privacy");
        return wire == null ? null : Privacy.fromWire("privacy", wire);
    }
}
