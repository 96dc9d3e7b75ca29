package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The Global cache: state persists for a val's own calls, never across vals, and never after a limit. */
class GlobalsTest {

    private static final String COUNTER = "let calls = 0; export default () => ++calls;";

    private final Vals vals = new Vals();

    private Object call(ValModule module) {
        return vals.run(List.of(module), Map.of("kind", "function"), Map.of(), 2000)
                .get("value");
    }

    @Test
    void moduleStatePersistsBetweenCallsOfTheSameVal() {
        var counter = Vals.module("val:counter-a", COUNTER, Map.of());
        assertEquals(1, call(counter));
        assertEquals(2, call(counter));
        assertEquals(3, call(counter));
    }

    @Test
    void aChangedEnvVarReloadsTheModulesThatMayHaveKeptIt() {
        var keeper =
                Vals.module("val:env-keeper", "const kept = Deno.env.get('KEY'); export default () => kept;", Map.of());
        var call = Map.<String, Object>of("kind", "function");
        assertEquals(
                "one",
                vals.run(List.of(keeper), call, Map.of("KEY", "one"), 2000).get("value"));
        assertEquals(
                "one",
                vals.run(List.of(keeper), call, Map.of("KEY", "one"), 2000).get("value"));
        assertEquals(
                "two",
                vals.run(List.of(keeper), call, Map.of("KEY", "two"), 2000).get("value"));
    }

    @Test
    void moduleStateIsNotSharedAcrossVals() {
        var mine = Vals.module("val:counter-mine", COUNTER, Map.of());
        var theirs = Vals.module("val:counter-theirs", COUNTER, Map.of());
        assertEquals(1, call(mine));
        assertEquals(2, call(mine));
        assertEquals(1, call(theirs));
    }

    @Test
    void globalStateIsNotSharedAcrossVals() {
        var writer = Vals.module(
                "val:writer",
                "export default () => { (globalThis as any).leak = 'secret';"
                        + " (Object.prototype as any).polluted = 1; return 'written' }",
                Map.of());
        var reader = Vals.module(
                "val:reader",
                "export default () => [typeof (globalThis as any).leak," + " typeof ({} as any).polluted]",
                Map.of());
        assertEquals("written", call(writer));
        assertEquals(List.of("undefined", "undefined"), call(reader));
    }

    @Test
    void aGlobalThatTrippedALimitIsDiscarded() {
        var val = Vals.module(
                "val:trip",
                "let calls = 0; export default (spin: boolean) => { calls++; while (spin) {} return calls }",
                Map.of());
        assertEquals(
                1,
                vals.run(List.of(val), Map.of("kind", "function", "args", List.of(false)), Map.of(), 2000)
                        .get("value"));
        assertEquals(
                "timeout",
                vals.run(List.of(val), Map.of("kind", "function", "args", List.of(true)), Map.of(), 200)
                        .get("status"));
        assertEquals(
                1,
                vals.run(List.of(val), Map.of("kind", "function", "args", List.of(false)), Map.of(), 2000)
                        .get("value"));
    }

    @Test
    void unmappedImportsNameTheSpecifier() {
        var val = Vals.module("val:npm", "import pad from 'npm:left-pad'; export default () => pad('x', 3)", Map.of());
        Map<String, Object> result = vals.run(List.of(val), Map.of("kind", "function"), Map.of(), 2000);
        assertEquals("error", result.get("status"));
        assertEquals(
                "Cannot import \"npm:left-pad\": only https://esm.town/v/… and std imports are supported",
                ((Map<?, ?>) result.get("error")).get("message"));
    }

    @Test
    void cachedGlobalsGiveWayToTheHeapInsteadOfRunningOutOfIt() {
        // Each val keeps an 8 MB string in module state; together they need several times this JVM's heap, and the
        // old cap of 64 Globals alone would have held 512 MB.
        int count = (int) (3 * Runtime.getRuntime().maxMemory() / (8 << 20));
        var globals = new Globals(Sandbox.get(), Globals.DEFAULT_CAPACITY);
        for (int i = 0; i < count; i++) {
            var val = new ValModule(
                    "val:big-" + i,
                    "var big = 'x'.repeat(8 << 20) + '" + i + "';"
                            + " exports.default = function () { return big.length - " + i + "; };",
                    Map.of());
            Map<String, Object> result = callIn(globals, val);
            assertEquals((8 << 20) + String.valueOf(i).length() - i, result.get("value"), result::toString);
        }
        assertTrue(globals.size() < count, () -> "all " + count + " Globals are still cached");
    }

    @Test
    void globalsDroppedFromTheCacheAreFreedAlthoughTheirCodeRanInThem() throws Exception {
        // Code that reads a global keeps, in its call sites, the Globals it ran in. When the worker shared compiled
        // code through a cache of its own (or Nashorn's), that cache kept the Globals of this loop: up to 2 per val.
        int capacity = 8;
        int vals = 60;
        var globals = new Globals(Sandbox.get(), capacity);
        long before = liveNashornGlobals();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < vals; i++) {
                var val = new ValModule("val:pi-" + i, "exports.default = function () { return Math.PI; };", Map.of());
                Map<String, Object> result = callIn(globals, val);
                assertEquals(Math.PI, result.get("value"), result::toString);
            }
        }
        long kept = liveNashornGlobals() - before;
        // The cache's own, plus the few the shared runtime's call sites still point at.
        assertTrue(kept <= capacity + 8, () -> kept + " Globals outlived a cache of " + capacity);
    }

    @Test
    void valsRequestedInTurnStayWarmWhenThereAreAFewMoreOfThemThanTheCacheHolds() {
        // Least recently used drops, on every call, exactly the val that will be called next: no call ever hit.
        int capacity = 16;
        int vals = 20;
        var globals = new Globals(Sandbox.get(), capacity);
        int warm = 0;
        int rounds = 6;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < vals; i++) {
                var val = new ValModule(
                        "val:turn-" + i, "var calls = 0; exports.default = function () { return ++calls; };", Map.of());
                Map<String, Object> result = callIn(globals, val);
                if (round > 0 && ((Number) result.get("value")).intValue() > 1) {
                    warm++;
                }
            }
        }
        int later = (rounds - 1) * vals;
        int warmCalls = warm;
        assertTrue(warmCalls >= later / 2, () -> warmCalls + " of " + later + " later calls found their val warm");
    }

    /** Calls the val's default export with these Globals, as the worker's run thread would. */
    private static Map<String, Object> callIn(Globals globals, ValModule val) {
        var evaluation = new Evaluation(
                val.key(),
                val.key(),
                List.of(val),
                Map.of("kind", "function"),
                Map.of(),
                false,
                Vals.limits(20_000, false),
                new HostCalls(frame -> {}),
                null);
        return Vals.onThread(() -> evaluation.run(globals), Worker.RUN_STACK_BYTES);
    }

    /** Nashorn Globals reachable in this JVM, counted by a class histogram (which collects garbage first). */
    private static long liveNashornGlobals() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        return histogram
                .lines()
                .filter(line -> line.endsWith(" org.openjdk.nashorn.internal.objects.Global"))
                .mapToLong(line -> Long.parseLong(line.trim().split("\\s+")[1]))
                .sum();
    }
}
