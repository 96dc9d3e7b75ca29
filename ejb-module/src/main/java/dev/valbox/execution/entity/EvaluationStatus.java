package dev.valbox.execution.entity;

import java.util.Arrays;

public enum EvaluationStatus {
    RUNNING("running"),
    OK("ok"),
    ERROR("error"),
    TIMEOUT("timeout"),
    LIMIT("limit"),
    CANCELLED("cancelled");

    private final String wire;

    EvaluationStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static EvaluationStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElse(ERROR);
    }
}
