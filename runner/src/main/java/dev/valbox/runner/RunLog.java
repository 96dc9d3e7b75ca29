package dev.valbox.runner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The console output of one run, capped at the run's log budget with a single truncation marker. */
final class RunLog {

    static final String TRUNCATED = "[logs truncated: the run's log limit was reached]";
    private static final List<String> LEVELS = List.of("log", "info", "warn", "error", "debug");

    private final long limitBytes;
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private long usedBytes;
    private boolean truncated;

    RunLog(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    synchronized void add(String level, String text) {
        if (truncated) {
            return;
        }
        long size = text.getBytes(StandardCharsets.UTF_8).length;
        String time = Instant.now().toString();
        if (usedBytes + size > limitBytes) {
            truncated = true;
            entries.add(Map.of("level", "warn", "text", TRUNCATED, "time", time));
            return;
        }
        usedBytes += size;
        entries.add(Map.of("level", LEVELS.contains(level) ? level : "log", "text", text, "time", time));
    }

    synchronized List<Map<String, Object>> entries() {
        return List.copyOf(entries);
    }
}
