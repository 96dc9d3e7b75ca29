package dev.valbox.runner;

import java.util.Locale;

/** How a run ended, with the spelling the evaluation record uses. */
enum RunStatus {
    OK,
    ERROR,
    TIMEOUT,
    LIMIT,
    CANCELLED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
