package dev.valbox.vals.control;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import java.util.Set;

/**
 * Metadata changes to a val; null fields stay as they are. {@code scopes} are those of its runs' tokens; a
 * {@code schedule} of "" removes the val's schedule.
 */
public record ValChanges(
        String name, String readme, ValType type, Privacy privacy, Set<Scope> scopes, String schedule) {

    public ValChanges(String name, String readme, ValType type, Privacy privacy) {
        this(name, readme, type, privacy, null, null);
    }

    public boolean empty() {
        return name == null && readme == null && type == null && privacy == null && scopes == null && schedule == null;
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
        if (scopes != null) {
            val.changeTokenScopes(scopes);
        }
    }
}
