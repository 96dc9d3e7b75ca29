package dev.valbox.vals.control;

import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.ValType;

/**
 * A val to create, or a new version with optional metadata changes. Null means "not given"; a {@code schedule} of ""
 * removes the val's schedule.
 */
public record NewVal(String code, String name, String readme, ValType type, Privacy privacy, String schedule) {

    public NewVal(String code, String name, String readme, ValType type, Privacy privacy) {
        this(code, name, readme, type, privacy, null);
    }

    ValChanges changes() {
        return new ValChanges(name, readme, type, privacy, null, schedule);
    }
}
