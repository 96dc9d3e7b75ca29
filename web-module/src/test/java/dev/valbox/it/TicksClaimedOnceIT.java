package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.schedules.control.Ticks;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * SPEC §7/§8: instances sharing one PostgreSQL run each tick of a schedule exactly once. It runs on the PostgreSQL
 * leg only (web-module/pom.xml): instances cannot share an embedded H2 database, so there is nothing to race for.
 */
class TicksClaimedOnceIT extends SignedUpValbox {

    /**
     * Two schedulers (this test's, with the server's claiming code) race for every tick of 12 vals over 40 ticks on
     * the server's own PostgreSQL database: each tick is won exactly once. On a clock two days ahead, so the server's
     * own scheduler never finds these ticks due.
     */
    @Test
    void twoSchedulersClaimEachTickExactlyOnce() throws Exception {
        var vals = new ArrayList<UUID>();
        for (int i = 0; i < 12; i++) {
            vals.add(UUID.fromString(interval("race" + i)));
        }
        var schedulers = List.of(new Ticks(database(), 5), new Ticks(database(), 5));
        var start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        int ticks = 40;
        var barrier = new CyclicBarrier(schedulers.size());
        var pool = Executors.newFixedThreadPool(schedulers.size());
        try {
            var runs = new ArrayList<Future<Map<Integer, List<UUID>>>>();
            for (var scheduler : schedulers) {
                runs.add(pool.submit(() -> {
                    var won = new HashMap<Integer, List<UUID>>();
                    for (int tick = 0; tick < ticks; tick++) {
                        var now = start.plus(Duration.ofDays(tick));
                        barrier.await();
                        var mine = won.computeIfAbsent(tick, t -> new ArrayList<>());
                        Ticks.Claimed claimed;
                        do {
                            claimed = scheduler.claim(now);
                            claimed.won().forEach(t -> mine.add(t.valId()));
                        } while (claimed.more());
                    }
                    return won;
                }));
            }
            var first = runs.get(0).get();
            var second = runs.get(1).get();
            int firstWins = 0;
            for (int tick = 0; tick < ticks; tick++) {
                var all = new ArrayList<UUID>(first.get(tick));
                all.addAll(second.get(tick));
                all.retainAll(vals);
                assertEquals(vals.size(), all.size(), "tick " + tick + ": " + all);
                assertEquals(vals.size(), all.stream().distinct().count(), "tick " + tick + " won twice: " + all);
                firstWins +=
                        (int) first.get(tick).stream().filter(vals::contains).count();
            }
            System.out.println("exactly once: " + ticks + " ticks x " + vals.size() + " vals; the first scheduler won "
                    + firstWins + ", the second " + (ticks * vals.size() - firstWins));
        } finally {
            pool.shutdownNow();
        }
        var val = asAlice.get("/v1/vals/" + vals.get(0)).object();
        assertTrue(
                Instant.parse(val.getString("nextRunAt")).isAfter(start.plus(Duration.ofDays(ticks - 1))),
                val::toString);
        assertEquals(
                0,
                asAlice.get("/v1/vals/" + vals.get(0) + "/evaluations")
                        .object()
                        .getJsonArray("data")
                        .size());
    }

    private static PGSimpleDataSource database() {
        var database = new PGSimpleDataSource();
        database.setUrl(serverArg("valbox.db.url"));
        database.setUser(serverArg("valbox.db.user"));
        database.setStringType("unspecified");
        return database;
    }

    private String interval(String name) {
        var reply = asAlice.post(
                "/v1/vals",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("type", "interval")
                        .add("schedule", "every 24 hours")
                        .add("code", "export default () => 1")
                        .build()
                        .toString());
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("id");
    }
}
