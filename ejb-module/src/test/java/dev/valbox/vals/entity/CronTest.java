package dev.valbox.vals.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.valbox.problems.entity.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our cron against cron-utils 9.2.1's Unix definition (the oracle), and the cases written out by hand. */
class CronTest {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    @Test
    void agreesWithCronUtilsOnRandomExpressionsAndInstants() {
        var random = new Random(20261206);
        int expressions = 0;
        int comparisons = 0;
        var disagreements = new ArrayList<String>();
        while (expressions < 3_000) {
            var expression = String.join(
                    " ",
                    field(random, 0, 59, null),
                    field(random, 0, 23, null),
                    field(random, 1, 31, null),
                    field(random, 1, 12, i -> MONTHS[i - 1]),
                    field(random, 0, 6, i -> DAYS[i]));
            var fields = expression.split(" ");
            if (starredButRestricted(fields[2], fields[4]) || starredButRestricted(fields[4], fields[2])) {
                // crontab(5): a day field is restricted when it does not start with '*'; cron-utils counts */2 as
                // restricted too. Checked by hand in aDayFieldStartingWithAStarIsUnrestricted.
                continue;
            }
            Cron ours;
            try {
                ours = Cron.parse(expression);
            } catch (InvalidInputException e) {
                // Only "never runs" may be refused here (the generator writes valid fields): cron-utils agrees.
                assertTrue(e.getMessage().contains("never runs"), expression + ": " + e.getMessage());
                assertTrue(oracle(expression, Instant.now()) == null, expression);
                continue;
            }
            expressions++;
            var instant = randomInstant(random);
            for (int step = 0; step < 4 && instant != null; step++) {
                var expected = oracle(expression, instant);
                var actual = ours.after(instant);
                comparisons++;
                if (!Objects.equals(expected, actual)) {
                    disagreements.add(
                            expression + " after " + instant + ": cron-utils " + expected + ", ours " + actual);
                }
                instant = actual;
            }
        }
        assertEquals(List.of(), disagreements.subList(0, Math.min(20, disagreements.size())));
        assertTrue(comparisons > 10_000, "compared " + comparisons);
    }

    @Test
    void bothDayFieldsRestrictedMeansEitherDay() {
        var cron = Cron.parse("0 0 13 * 5");
        var friday = cron.after(Instant.parse("2026-12-06T00:00:00Z"));
        assertEquals(Instant.parse("2026-12-11T00:00:00Z"), friday);
        assertEquals(Instant.parse("2026-12-13T00:00:00Z"), cron.after(friday));
        assertEquals(
                Instant.parse("2026-12-07T00:00:00Z"),
                Cron.parse("0 0 1 * MON").after(Instant.parse("2026-12-06T12:00:00Z")));
        // One day field unrestricted: only the other counts.
        assertEquals(
                Instant.parse("2026-12-07T09:30:00Z"),
                Cron.parse("30 9 * * 1").after(Instant.parse("2026-12-06T12:00:00Z")));
    }

    @Test
    void aDayFieldStartingWithAStarIsUnrestricted() {
        // Vixie cron and crontab(5): "*/2" in day of month does not make it restricted, so both fields must match:
        // the odd days that are Mondays (cron-utils would take odd days or Mondays).
        var cron = Cron.parse("0 0 */2 * 1");
        assertEquals(Instant.parse("2026-12-07T00:00:00Z"), cron.after(Instant.parse("2026-12-06T00:00:00Z")));
        assertEquals(Instant.parse("2026-12-21T00:00:00Z"), cron.after(Instant.parse("2026-12-07T00:00:00Z")));
    }

    @Test
    void readsRangesStepsListsNamesAndSunday7() {
        var from = Instant.parse("2026-12-06T10:07:30Z");
        assertEquals(
                Instant.parse("2026-12-06T10:11:00Z"),
                Cron.parse("1-30/5 * * * *").after(from));
        assertEquals(
                Instant.parse("2026-12-06T10:20:00Z"),
                Cron.parse("5/15 * * * *").after(from));
        assertEquals(
                Instant.parse("2026-12-06T10:15:00Z"),
                Cron.parse("*/15 * * * *").after(from));
        assertEquals(
                Instant.parse("2026-12-06T12:00:00Z"),
                Cron.parse("0 9,12,18 * * *").after(from));
        assertEquals(
                Instant.parse("2026-12-07T09:00:00Z"),
                Cron.parse("0 9 * * mon-FRI").after(from));
        assertEquals(
                Instant.parse("2026-12-13T00:00:00Z"), Cron.parse("0 0 * * 7").after(from));
        assertEquals(
                Instant.parse("2027-01-01T00:00:00Z"), Cron.parse("0 0 1 jan *").after(from));
        assertEquals(
                Instant.parse("2027-01-01T00:00:00Z"), Cron.parse("@yearly").after(from));
        assertEquals(
                Instant.parse("2026-12-06T11:00:00Z"),
                Cron.parse("  0   *\t* * *  ").after(from));
        assertEquals(
                Instant.parse("2028-02-29T06:00:00Z"), Cron.parse("0 6 29 2 *").after(from));
    }

    @Test
    void theNextTickIsAlwaysAfterNowSoMissedTicksAreNotReplayed() {
        var cron = Cron.parse("*/10 * * * *");
        var due = Instant.parse("2026-12-06T10:00:00Z");
        assertEquals(Instant.parse("2026-12-06T10:10:00Z"), cron.next(due, due.plusMillis(300)));
        assertEquals(Instant.parse("2026-12-06T11:50:00Z"), cron.next(due, Instant.parse("2026-12-06T11:43:00Z")));
        assertEquals(Instant.parse("2026-12-06T10:10:00Z"), cron.first(Instant.parse("2026-12-06T10:00:00Z")));
    }

    @Test
    void theShortestGapCountsAcrossMidnight() {
        assertEquals(1, Cron.parse("* * * * *").shortestGapMinutes());
        assertEquals(15, Cron.parse("*/15 * * * *").shortestGapMinutes());
        assertEquals(60, Cron.parse("0 * * * *").shortestGapMinutes());
        assertEquals(24 * 60, Cron.parse("0 9 * * 1").shortestGapMinutes());
        assertEquals(20, Cron.parse("10,50 0,23 * * *").shortestGapMinutes());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "* * * *",
                "* * * * * *",
                "60 * * * *",
                "* 24 * * *",
                "* * 0 * *",
                "* * 32 * *",
                "* * * 13 *",
                "* * * * 8",
                "30-10 * * * *",
                "*/0 * * * *",
                "1-5/x * * * *",
                "1,,2 * * * *",
                "L * * * *",
                "? * * * *",
                "* * * * MON#2",
                "* * L * *",
                "MON * * * *",
                "* * * FOO *",
                "0 0 31 2 *",
                "0 0 30 2 *",
                "@reboot",
                "-1 * * * *",
                "*-5 * * * *"
            })
    void refusesWhatIsNotUnixCronNamingTheSchedule(String expression) {
        var e = assertThrows(InvalidInputException.class, () -> Cron.parse(expression));
        assertEquals("schedule", e.field());
        assertTrue(e.getMessage().startsWith("schedule: "), e.getMessage());
    }

    @Test
    void anIntervalIsEveryNMinutesOrHoursWithinTheServersMinimum() {
        assertEquals(new Every(15), Timing.parse("every 15 minutes", 1));
        assertEquals(new Every(120), Timing.parse("Every 2 hours", 1));
        assertEquals(new Every(1), Timing.parse("every 1 minute", 1));
        var set = Instant.parse("2026-12-06T10:07:30Z");
        var every = new Every(15);
        assertEquals(Instant.parse("2026-12-06T10:22:00Z"), every.first(set));
        var due = Instant.parse("2026-12-06T10:22:00Z");
        assertEquals(Instant.parse("2026-12-06T10:37:00Z"), every.next(due, due.plusSeconds(1)));
        assertEquals(Instant.parse("2026-12-06T11:37:00Z"), every.next(due, Instant.parse("2026-12-06T11:30:00Z")));
        for (var bad : List.of("every 0 minutes", "every minutes", "every 5 days", "every 9000 hours", "", "  ")) {
            var e = assertThrows(InvalidInputException.class, () -> Timing.parse(bad, 1), bad);
            assertEquals("schedule", e.field());
        }
        var tooOften = assertThrows(InvalidInputException.class, () -> Timing.parse("*/5 * * * *", 15));
        assertTrue(tooOften.getMessage().contains("15 minutes"), tooOften.getMessage());
        assertThrows(InvalidInputException.class, () -> Timing.parse("every 10 minutes", 15));
        assertEquals(new Every(15), Timing.parse("every 15 minutes", 15));
        assertThrows(InvalidInputException.class, () -> Timing.parse("x".repeat(300), 1));
    }

    private static boolean starredButRestricted(String day, String otherDay) {
        return day.startsWith("*/") && !otherDay.equals("*");
    }

    /** cron-utils refuses name ranges from SUN (SUN-FRI); numbers mean the same. */
    private static Instant oracle(String expression, Instant after) {
        for (int i = 0; i < DAYS.length; i++) {
            expression = expression.replace(DAYS[i], String.valueOf(i));
        }
        for (int i = 0; i < MONTHS.length; i++) {
            expression = expression.replace(MONTHS[i], String.valueOf(i + 1));
        }
        var execution = ExecutionTime.forCron(UNIX.parse(expression));
        return execution
                .nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant)
                .orElse(null);
    }

    private static Instant randomInstant(Random random) {
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2060-01-01T00:00:00Z").getEpochSecond();
        return Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
    }

    /** A random valid field: lists of *, a, a-b, with steps, names where the field has them. */
    private static String field(Random random, int low, int high, IntFunction<String> name) {
        if (random.nextInt(3) == 0) {
            // cron-utils refuses a step longer than the field (Vixie cron takes */24 in hours as 0 only).
            return random.nextBoolean() ? "*" : "*/" + (1 + random.nextInt(high - low));
        }
        var elements = new ArrayList<String>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int a = low + random.nextInt(high - low + 1);
            String first = name != null && random.nextInt(3) == 0 ? name.apply(a) : String.valueOf(a);
            switch (random.nextInt(3)) {
                case 0 -> elements.add(first);
                case 1 -> {
                    int b = a + random.nextInt(high - a + 1);
                    elements.add(first + "-" + (name != null && random.nextBoolean() ? name.apply(b) : b));
                }
                default -> {
                    int b = a + random.nextInt(high - a + 1);
                    elements.add(first + "-" + b + "/" + (1 + random.nextInt(high - low)));
                }
            }
        }
        return String.join(",", elements);
    }
}
