package dev.valbox.vals.entity;

import dev.valbox.problems.entity.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A 5-field Unix cron expression (minute, hour, day of month, month, day of week), read in UTC as Vixie cron reads
 * it: lists, ranges, steps ({@code *}{@code /15}, {@code 1-30/5}, and cronie's {@code 5/15} for {@code 5-59/15}),
 * month and day names, 0 and 7 both Sunday, and the day rule: when both day fields are restricted a day matches
 * either of them (a field starting with {@code *} is unrestricted, as in Vixie cron). No seconds, no {@code L W # ?}.
 * Our own because no maintained library has these semantics (docs/triggers.md); cron-utils checks it in the tests.
 */
public final class Cron implements Timing {

    /** How far ahead a tick is looked for: further than any leap-day schedule needs. */
    static final int HORIZON_YEARS = 9;

    private static final Pattern FIELDS = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean eitherDay;

    private Cron(String[] fields) {
        minutes = field("minute", fields[0], 0, 59, List.of());
        hours = field("hour", fields[1], 0, 23, List.of());
        daysOfMonth = field("day of month", fields[2], 1, 31, List.of());
        months = field("month", fields[3], 1, 12, MONTHS);
        var week = field("day of week", fields[4], 0, 7, DAYS);
        if (week.get(7)) {
            week.set(0);
            week.clear(7);
        }
        daysOfWeek = week;
        eitherDay = !fields[2].startsWith("*") && !fields[4].startsWith("*");
    }

    /** Reads an expression; a bad one is refused naming {@code schedule} and saying what is wrong. */
    public static Cron parse(String text) {
        var trimmed = text.trim();
        var expression = NICKNAMES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        if (expression.startsWith("@")) {
            throw invalid(
                    "'" + trimmed + "' is not a cron nickname; use @hourly, @daily, @weekly, @monthly or @yearly");
        }
        var fields = FIELDS.split(expression);
        if (fields.length != 5) {
            throw invalid("a cron expression has 5 fields (minute hour day-of-month month day-of-week), not "
                    + fields.length);
        }
        var cron = new Cron(fields);
        if (cron.after(Instant.now()) == null) {
            throw invalid("'" + trimmed + "' never runs: no day matches it in the next " + HORIZON_YEARS + " years");
        }
        return cron;
    }

    /** The first minute strictly after {@code instant} that matches, or null if none within the horizon. */
    public Instant after(Instant instant) {
        var t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        var lastYear = t.getYear() + HORIZON_YEARS;
        while (t.getYear() <= lastYear) {
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t.toInstant(ZoneOffset.UTC);
            }
        }
        return null;
    }

    @Override
    public Instant first(Instant now) {
        return after(now);
    }

    @Override
    public Instant next(Instant due, Instant now) {
        return after(now.isAfter(due) ? now : due);
    }

    /**
     * The closest two ticks can be, in minutes: between the times of day, and across midnight (as if every day
     * matched, so it never overstates the gap).
     */
    @Override
    public long shortestGapMinutes() {
        int first = -1;
        int previous = -1;
        long gap = 24 * 60;
        for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                int time = h * 60 + m;
                if (previous >= 0) {
                    gap = Math.min(gap, time - previous);
                } else {
                    first = time;
                }
                previous = time;
            }
        }
        return Math.min(gap, 24 * 60 - previous + first);
    }

    private boolean dayMatches(LocalDate date) {
        boolean dom = daysOfMonth.get(date.getDayOfMonth());
        boolean dow = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
        return eitherDay ? dom || dow : dom && dow;
    }

    private static BitSet field(String name, String text, int low, int high, List<String> names) {
        var bits = new BitSet(high + 1);
        for (var element : text.split(",", -1)) {
            element(name, element, low, high, names, bits);
        }
        return bits;
    }

    /** One list element: {@code *}, {@code a}, {@code a-b}, each optionally {@code /step}. */
    private static void element(String name, String element, int low, int high, List<String> names, BitSet bits) {
        var slash = element.indexOf('/');
        var range = slash < 0 ? element : element.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            var stepText = element.substring(slash + 1);
            if (!NUMBER.matcher(stepText).matches() || Integer.parseInt(stepText) == 0) {
                throw invalid("the " + name + " step in '" + element + "' must be a number from 1");
            }
            step = Integer.parseInt(stepText);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = low;
            to = high;
        } else {
            var dash = range.indexOf('-');
            from = value(name, dash < 0 ? range : range.substring(0, dash), low, high, names);
            // cronie's a/n: from a to the end of the field.
            to = dash >= 0 ? value(name, range.substring(dash + 1), low, high, names) : slash >= 0 ? high : from;
            if (from > to) {
                throw invalid("the " + name + " range '" + range + "' runs backwards");
            }
        }
        for (int v = from; v <= to; v += step) {
            bits.set(v);
        }
    }

    private static int value(String name, String text, int low, int high, List<String> names) {
        if (NUMBER.matcher(text).matches()) {
            int v = Integer.parseInt(text);
            if (v < low || v > high) {
                throw invalid("the " + name + " " + v + " is outside " + low + "-" + high);
            }
            return v;
        }
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index < 0) {
            throw invalid("'" + text + "' is not a " + name
                    + (names.isEmpty()
                            ? " (a number " + low + "-" + high + ")"
                            : " (a number or a name like " + names.get(1) + ")"));
        }
        return index + low;
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException("schedule", "schedule: " + detail);
    }
}
