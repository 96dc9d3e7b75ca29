package dev.valbox.execution.control;

import dev.valbox.accounts.control.Caller;
import java.util.function.Supplier;

/**
 * Whom a run acts as: the caller its host calls act as, and how to mint its val token (null for a run with none,
 * an anonymous eval). The token is signed only when the val first reads {@code valtown}, at most once per run:
 * signing costs more than everything else a small request does, and most runs never look at it.
 */
public record RunIdentity(Caller caller, Supplier<String> valToken) {

    public static RunIdentity of(Caller caller, Supplier<String> valToken) {
        return new RunIdentity(caller, valToken == null ? null : once(valToken));
    }

    public boolean hasValToken() {
        return valToken != null;
    }

    private static Supplier<String> once(Supplier<String> supplier) {
        return new Supplier<>() {
            private String value;

            @Override
            public synchronized String get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
