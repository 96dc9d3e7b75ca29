package dev.valbox.problems.boundary;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.UUID;

/**
 * Path and query parameters are taken as strings and parsed here, because JAX-RS answers a failed conversion with a
 * bare 404 that names nothing.
 */
public final class Params {

    private Params() {}

    public static int integer(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be an integer");
        }
    }

    public static UUID uuid(String name, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(name, name + " must be a UUID");
        }
    }
}
