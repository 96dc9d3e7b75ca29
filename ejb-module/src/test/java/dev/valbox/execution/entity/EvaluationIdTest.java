package dev.valbox.execution.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Evaluation ids grow with time, as databases order UUIDs, so the table's index is appended to, not scattered. */
class EvaluationIdTest {

    /** How PostgreSQL and H2 order UUIDs: by their 16 bytes, unsigned, first byte first. */
    private static int databaseOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void idsAreVersion7AndLaterOnesSortAfterEarlierOnes() throws InterruptedException {
        var earlier = Evaluation.timeOrderedId();
        Thread.sleep(2);
        var later = Evaluation.timeOrderedId();
        assertEquals(7, earlier.version());
        assertEquals(2, earlier.variant());
        assertTrue(databaseOrder(earlier, later) < 0, earlier + " should sort before " + later);
        var millis = earlier.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "the first 48 bits are the time");
    }

    @Test
    void idsAreUnique() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Evaluation.timeOrderedId()));
        }
    }
}
