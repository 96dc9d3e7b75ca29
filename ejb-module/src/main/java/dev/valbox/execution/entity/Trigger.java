package dev.valbox.execution.entity;

/** What started a run. */
public enum Trigger {
    HTTP("http"),
    EXPRESS("express"),
    RUN("run"),
    EVAL("eval"),
    INTERVAL("interval"),
    EMAIL("email"),
    UI("ui");

    private final String wire;

    Trigger(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
