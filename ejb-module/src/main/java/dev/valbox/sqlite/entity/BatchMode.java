package dev.valbox.sqlite.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** libSQL's transaction modes for a batch. */
public enum BatchMode {
    /** Takes the write lock at once ({@code BEGIN IMMEDIATE}): the batch means to write. */
    WRITE("write"),
    /** Read-only: SQLite refuses every write in the batch. */
    READ("read"),
    /** Takes locks as the statements need them ({@code BEGIN DEFERRED}); the default. */
    DEFERRED("deferred");

    private final String wire;

    BatchMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The mode a wire value names; {@link #DEFERRED} when it is absent. */
    public static BatchMode fromWire(String field, String value) {
        if (value == null) {
            return DEFERRED;
        }
        return Arrays.stream(values())
                .filter(m -> m.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        field + " must be one of "
                                + Arrays.stream(values()).map(BatchMode::wire).collect(Collectors.joining(", "))));
    }
}
