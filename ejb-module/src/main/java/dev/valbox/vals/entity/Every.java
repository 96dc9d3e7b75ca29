package dev.valbox.vals.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * {@code every N minutes} or {@code every N hours}: ticks N minutes apart, the first N minutes after the schedule was
 * set (from the start of that minute), so vals set at different times spread over the hour.
 */
public record Every(long minutes) implements Timing {

    /** A year (a leap one): longer intervals are a cron expression's job. */
    static final long MAX_MINUTES = 366L * 24 * 60;

    private static final Pattern FORM = Pattern.compile("(?i)every\\s+([0-9]{1,6})\\s+(minute|minutes|hour|hours)");

    public static Every parse(String text) {
        var match = FORM.matcher(text.trim());
        if (!match.matches()) {
            throw new InvalidInputException(
                    "schedule", "schedule: write 'every N minutes', 'every N hours' or a 5-field cron expression");
        }
        long n = Long.parseLong(match.group(1));
        long minutes = match.group(2).toLowerCase(java.util.Locale.ROOT).startsWith("hour") ? n * 60 : n;
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidInputException(
                    "schedule", "schedule: an interval is from 1 minute to " + MAX_MINUTES / 60 + " hours");
        }
        return new Every(minutes);
    }

    @Override
    public Instant first(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(minutes));
    }

    @Override
    public Instant next(Instant due, Instant now) {
        if (due.isAfter(now)) {
            return due.plus(Duration.ofMinutes(minutes));
        }
        long missed = Duration.between(due, now).toMinutes() / minutes;
        return due.plus(Duration.ofMinutes((missed + 1) * minutes));
    }

    @Override
    public long shortestGapMinutes() {
        return minutes;
    }
}
