package dev.valbox.vals.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.time.Instant;
import java.util.Locale;

/**
 * When a schedule's ticks fall: a cron expression ({@link Cron}) or a fixed interval ({@link Every}). Ticks are whole
 * minutes in UTC. A tick that was missed is not replayed: the next one is always after "now".
 */
public sealed interface Timing permits Cron, Every {

    int MAX_LENGTH = 256;

    /** Reads a schedule as a user wrote it; a bad one is refused naming {@code schedule}, as is one that would run
     * more often than once per {@code minMinutes}. */
    static Timing parse(String text, int minMinutes) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("schedule", "schedule must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("schedule", "schedule must be at most " + MAX_LENGTH + " characters");
        }
        Timing timing = text.trim().toLowerCase(Locale.ROOT).startsWith("every") ? Every.parse(text) : Cron.parse(text);
        if (timing.shortestGapMinutes() < minMinutes) {
            throw new InvalidInputException(
                    "schedule",
                    "schedule: '" + text.trim() + "' runs more often than this server allows: at most once every "
                            + minMinutes + " minutes");
        }
        return timing;
    }

    /** The first tick of a schedule set at {@code now}. */
    Instant first(Instant now);

    /** The tick after the one that was due at {@code due} and was claimed at {@code now}; null if there is none. */
    Instant next(Instant due, Instant now);

    /** The least time between two ticks, in minutes. */
    long shortestGapMinutes();
}
