package dev.valbox.vals.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

public enum ValType {
    HTTP("http"),
    SCRIPT("script"),
    EXPRESS("express"),
    INTERVAL("interval"),
    EMAIL("email"),
    RPC("rpc");

    private final String wire;

    ValType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ValType fromWire(String field, String value) {
        return Arrays.stream(values())
                .filter(t -> t.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        field + " must be one of "
                                + Arrays.stream(values()).map(ValType::wire).collect(Collectors.joining(", "))));
    }
}
