package dev.valbox.vals.control;

import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.ValType;

/** A val to create, or a new version with optional metadata changes. Null means "not given". */
public record NewVal(String code, String name, String readme, ValType type, Privacy privacy) {

    ValChanges changes() {
        return new ValChanges(name, readme, type, privacy);
    }
}
