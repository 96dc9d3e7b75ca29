package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §8: interval vals' schedules, their runs on a schedule and "Run now", and each tick claimed exactly once. */
class IntervalValsIT extends SignedUpValbox {

    /** Returns what it was given, and whether its val token reached it. */
    static final String ECHO = "export default async (interval: Interval) => ({\n"
            + "  lastRunAt: interval.lastRunAt === undefined ? 'undefined' : interval.lastRunAt.toISOString(),\n"
            + "  isDate: interval.lastRunAt instanceof Date,\n"
            + "  token: typeof Deno.env.get('valtown') === 'string',\n"
            + "});";

    @Test
    void anIntervalValRunsOnItsScheduleAndGetsTheStartOfItsLastRun() throws InterruptedException {
        var id = create("tick", "interval", "0 0 1 1 *", ECHO).getString("id");

        // Run now: a run of its schedule, before any other, so lastRunAt is undefined; it becomes the last run.
        var now = asAlice.post("/v1/vals/" + id + "/run", null);
        assertEquals(200, now.status(), now::toString);
        assertEquals("undefined", now.object().getString("lastRunAt"), now::toString);
        assertFalse(now.object().getBoolean("isDate"));
        assertTrue(now.object().getBoolean("token"), now::toString);
        var first = evaluation(now.header("X-Valbox-Evaluation"));
        assertEquals("interval", first.getString("trigger"), first::toString);
        assertEquals("ok", first.getString("status"));
        var lastRunAt = asAlice.get("/v1/vals/" + id).object().getString("lastRunAt");

        // Every minute from now on: the scheduler runs it at the next whole minute, with the start of the run before.
        assertEquals(
                204,
                asAlice.put("/v1/vals/" + id, "{\"schedule\":\"* * * * *\"}").status());
        var due = Instant.parse(asAlice.get("/v1/vals/" + id).object().getString("nextRunAt"));
        assertEquals(due.truncatedTo(ChronoUnit.MINUTES), due);
        var scheduled = awaitEvaluations(id, 2, Duration.ofSeconds(90)).get(0);
        assertEquals("interval", scheduled.getString("trigger"), scheduled::toString);
        assertEquals("ok", scheduled.getString("status"), scheduled::toString);
        var value = scheduled.getJsonObject("returnValue");
        assertEquals(lastRunAt, value.getString("lastRunAt"), scheduled::toString);
        assertTrue(value.getBoolean("isDate"));
        assertTrue(value.getBoolean("token"));
        var startedAt = Instant.parse(scheduled.getString("startedAt"));
        assertFalse(startedAt.isBefore(due), scheduled::toString);
        var after = asAlice.get("/v1/vals/" + id).object();
        assertTrue(Instant.parse(after.getString("nextRunAt")).isAfter(due), after::toString);
        assertFalse(Instant.parse(after.getString("lastRunAt")).isBefore(due), after::toString);
    }

    @Test
    void aScheduleIsCheckedAndNothingIsSavedWhenItIsBad() {
        for (var bad : List.of("61 * * * *", "* * * *", "1-30/0 * * * *", "every 0 minutes", "0 0 31 2 *", "@reboot")) {
            var name = Accounts.uniqueName("bad");
            var reply = asAlice.post(
                    "/v1/vals",
                    Json.createObjectBuilder()
                            .add("name", name)
                            .add("type", "interval")
                            .add("schedule", bad)
                            .add("code", ECHO)
                            .build()
                            .toString());
            assertProblem(reply, 400, "invalid", "schedule");
            assertEquals(
                    404,
                    asAlice.get("/v1/alias/" + alice.username() + "/" + name).status(),
                    bad);
        }
        var id = create("daily", "interval", "0 9 * * MON-FRI", ECHO).getString("id");
        assertProblem(
                asAlice.put("/v1/vals/" + id, "{\"name\":\"renamed\",\"schedule\":\"every 2 weeks\"}"),
                400,
                "invalid",
                "schedule");
        assertProblem(
                asAlice.post(
                        "/v1/vals/" + id + "/versions",
                        "{\"code\":\"export default () => 2\",\"schedule\":\"0 25 * * *\"}"),
                400,
                "invalid",
                "schedule");
        var unchanged = asAlice.get("/v1/vals/" + id).object();
        assertEquals("daily", unchanged.getString("name"));
        assertEquals("0 9 * * MON-FRI", unchanged.getString("schedule"));
        assertEquals(0, unchanged.getInt("version"));
        assertTrue(unchanged.isNull("lastRunAt"));
        var next = Instant.parse(unchanged.getString("nextRunAt"));
        assertEquals(9, next.atZone(ZoneOffset.UTC).getHour());
    }

    @Test
    void aScheduleIsKeptWhenTheTypeChangesButOnlyIntervalValsRun() {
        var id = create("kept", "interval", "every 2 hours", ECHO).getString("id");
        assertEquals(204, asAlice.put("/v1/vals/" + id, "{\"type\":\"script\"}").status());
        var script = asAlice.get("/v1/vals/" + id).object();
        assertEquals("every 2 hours", script.getString("schedule"));
        assertTrue(script.isNull("nextRunAt"), script::toString);
        assertProblem(asAlice.post("/v1/vals/" + id + "/run", null), 400, "invalid", "type");

        assertEquals(
                204, asAlice.put("/v1/vals/" + id, "{\"type\":\"interval\"}").status());
        var interval = asAlice.get("/v1/vals/" + id).object();
        var next = Instant.parse(interval.getString("nextRunAt"));
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(118))), interval::toString);

        assertEquals(
                204,
                asAlice.put("/v1/vals/" + id, "{\"schedule\":\"*/15 * * * *\"}").status());
        assertEquals(
                0,
                Instant.parse(asAlice.get("/v1/vals/" + id).object().getString("nextRunAt"))
                                .atZone(ZoneOffset.UTC)
                                .getMinute()
                        % 15);
        assertEquals(204, asAlice.put("/v1/vals/" + id, "{\"schedule\":\"\"}").status());
        var removed = asAlice.get("/v1/vals/" + id).object();
        assertTrue(removed.isNull("schedule") && removed.isNull("nextRunAt"), removed::toString);

        // A val of another type may hold a schedule for later; it never runs on it.
        var later = create("later", "script", "* * * * *", "export default () => 1");
        assertEquals("* * * * *", later.getString("schedule"));
        assertTrue(later.isNull("nextRunAt"), later::toString);
    }

    @Test
    void onlyTheAuthorRunsAnIntervalValNow() {
        var id = create("mine", "interval", "0 0 1 1 *", ECHO).getString("id");
        asAlice.put("/v1/vals/" + id, "{\"privacy\":\"public\"}");
        var bob = Accounts.signup(api, "bob");
        assertProblem(api.token(bob.token()).post("/v1/vals/" + id + "/run", null), 403, "forbidden", null);
        assertProblem(api.post("/v1/vals/" + id + "/run", null), 401, "unauthenticated", null);
        assertProblem(
                Accounts.token(api, alice, "val:read").post("/v1/vals/" + id + "/run", null), 403, "forbidden", null);
        // Nor does the Run API run it: a public interval val is not a function anyone may call.
        assertEquals(400, api.get("/v1/run/" + alice.username() + ".mine").status());

        var failing = create("failing", "interval", "0 0 1 1 *", "export default () => { throw new Error('no') }")
                .getString("id");
        var failed = asAlice.post("/v1/vals/" + failing + "/run", null);
        assertEquals(400, failed.status(), failed::toString);
        assertEquals("Error: no", failed.object().getString("error"));
        assertEquals("error", evaluation(failed.header("X-Valbox-Evaluation")).getString("status"));
    }

    private JsonObject create(String name, String type, String schedule, String code) {
        var reply = asAlice.post(
                "/v1/vals",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("type", type)
                        .add("schedule", schedule)
                        .add("code", code)
                        .build()
                        .toString());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(schedule, reply.object().getString("schedule"), reply::toString);
        return reply.object();
    }

    private JsonObject evaluation(String id) {
        var reply = asAlice.get("/v1/evaluations/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return reply.object();
    }

    /** The val's evaluations, newest first, once there are {@code count} finished ones. */
    private List<JsonObject> awaitEvaluations(String valId, int count, Duration wait) throws InterruptedException {
        var deadline = Instant.now().plus(wait);
        List<JsonObject> finished = List.of();
        while (Instant.now().isBefore(deadline)) {
            finished = asAlice.get("/v1/vals/" + valId + "/evaluations").object().getJsonArray("data").stream()
                    .map(JsonObject.class::cast)
                    .filter(e -> !e.getString("status").equals("running"))
                    .toList();
            if (finished.size() >= count) {
                return finished;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + finished.size() + " finished runs after " + wait + ": " + finished);
    }
}
