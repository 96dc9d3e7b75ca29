package dev.valbox.vals.control;

import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;

/** Metadata changes to a val; null fields stay as they are. */
public record ValChanges(String name, String readme, ValType type, Privacy privacy) {

    public boolean empty() {
        return name == null && readme == null && type == null && privacy == null;
    }

    void applyTo(Val val) {
        if (name != null) {
            val.rename(name);
        }
        if (readme != null) {
            val.describe(readme);
        }
        if (type != null) {
            val.changeType(type);
        }
        if (privacy != null) {
            val.changePrivacy(privacy);
        }
    }
}
