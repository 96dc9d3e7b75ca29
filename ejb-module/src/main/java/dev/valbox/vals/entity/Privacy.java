package dev.valbox.vals.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

public enum Privacy {
    PUBLIC("public"),
    UNLISTED("unlisted"),
    PRIVATE("private"),
    /** Private, and its HTTP endpoint also needs the author's API token (the pre-2024 Val Town behaviour). */
    LEGACY_PRIVATE("legacy_private");

    private final String wire;

    Privacy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Code and metadata are visible to anyone who has the id or link. */
    public boolean viewableByAnyone() {
        return this == PUBLIC || this == UNLISTED;
    }

    /** Shown on profiles and in search to people other than the author. */
    public boolean listed() {
        return this == PUBLIC;
    }

    public static Privacy fromWire(String field, String value) {
        return Arrays.stream(values())
                .filter(p -> p.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        field + " must be one of "
                                + Arrays.stream(values()).map(Privacy::wire).collect(Collectors.joining(", "))));
    }
}
