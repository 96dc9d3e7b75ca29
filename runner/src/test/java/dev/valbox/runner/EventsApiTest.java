package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events, AbortController, structuredClone, performance and the task queues, each answering as Deno 2.9 does
 * (its answers were taken by running the same code in Deno).
 */
class EventsApiTest {

    private final Vals vals = new Vals();

    @Test
    void abortGivesAnAbortErrorDomExceptionOrTheGivenReason() {
        assertEquals(
                List.of(
                        "AbortError",
                        "The signal has been aborted",
                        20,
                        true,
                        true,
                        "AbortError: The signal has been aborted",
                        "why",
                        "thrown why",
                        true),
                vals.value("export default () => { const c = new AbortController(); let fired = false;"
                        + " c.signal.addEventListener('abort', () => fired = true); c.abort(); const r: any = c.signal.reason;"
                        + " const c2 = new AbortController(); c2.abort('why'); let thrown;"
                        + " try { c2.signal.throwIfAborted() } catch (e) { thrown = 'thrown ' + e }"
                        + " return [r.name, r.message, r.code, r instanceof DOMException, r instanceof Error, String(r),"
                        + " c2.signal.reason, thrown, fired] }"));
    }

    @Test
    void abortSignalTimeoutAndAny() {
        assertEquals(
                List.of(false, true, "TimeoutError", "The operation was aborted due to timeout", true, "r2", true),
                vals.value("export default async () => { const t = AbortSignal.timeout(5); const before = t.aborted;"
                        + " await new Promise(r => setTimeout(r, 30)); const any = AbortSignal.any([new AbortController().signal,"
                        + " AbortSignal.abort('r2')]); const c = new AbortController(); const later = AbortSignal.any([c.signal]);"
                        + " c.abort(); return [before, t.aborted, (t.reason as any).name, (t.reason as any).message, any.aborted,"
                        + " any.reason, later.aborted] }"));
    }

    @Test
    void eventTargetDispatchesInOrderWithOnceAndPreventDefault() {
        assertEquals(
                Arrays.asList(
                        false,
                        true,
                        List.of("a:truetrue2", "b:1", "a:truetrue2"),
                        "x",
                        false,
                        true,
                        false,
                        0,
                        false,
                        null,
                        Map.of("a", 1),
                        true),
                vals.value("export default () => { const et = new EventTarget(); const order: string[] = [];"
                        + " et.addEventListener('y', (ev) => { order.push('a:' + (ev.target === et) + (ev.currentTarget === et)"
                        + " + ev.eventPhase); ev.preventDefault() });"
                        + " et.addEventListener('y', { handleEvent(ev: any) { order.push('b:' + ev.detail.a) } }, { once: true });"
                        + " const first = et.dispatchEvent(new CustomEvent('y', { detail: { a: 1 }, cancelable: true }));"
                        + " const second = et.dispatchEvent(new CustomEvent('y', { detail: { a: 2 } }));"
                        + " const e = new Event('x', { cancelable: true }); const ce = new CustomEvent('c', { detail: { a: 1 } });"
                        + " return [first, second, order, e.type, e.bubbles, e.cancelable, e.defaultPrevented, e.eventPhase,"
                        + " e.isTrusted, e.target, ce.detail, ce instanceof Event] }"));
    }

    @Test
    void aListenerRemovedBySignalNoLongerRuns() {
        assertEquals(
                List.of(1),
                vals.value(
                        "export default () => { const et = new EventTarget(); const c = new AbortController(); const seen: number[] = [];"
                                + " et.addEventListener('x', () => seen.push(seen.length + 1), { signal: c.signal });"
                                + " et.dispatchEvent(new Event('x')); c.abort(); et.dispatchEvent(new Event('x')); return seen }"));
    }

    @Test
    void aTimeoutSignalDoesNotKeepAModuleRunWaiting() {
        Map<String, Object> result =
                vals.run("export const aborted = AbortSignal.timeout(60_000).aborted;", Map.of("kind", "module"));
        assertEquals("ok", result.get("status"), result::toString);
        assertEquals(Map.of("aborted", false), result.get("value"));
        assertTrue(((Number) result.get("wallMs")).longValue() < 30_000, result::toString);
    }

    @Test
    void domExceptionHasNameMessageAndLegacyCode() {
        assertEquals(
                List.of(25, "Error", true, "DataCloneError: m", 20),
                vals.value(
                        "export default () => [new DOMException('m', 'DataCloneError').code, new DOMException('m').name,"
                                + " new DOMException().message === '', String(new DOMException('m', 'DataCloneError')),"
                                + " DOMException.ABORT_ERR]"));
    }

    @Test
    void structuredCloneCopiesDatesMapsSetsBuffersAndCycles() {
        assertEquals(
                List.of(
                        true,
                        true,
                        Map.of("x", 1),
                        true,
                        true,
                        List.of(1, 2),
                        2,
                        false,
                        List.of("d", "m", "s", "r", "u", "b", "n", "und", "big", "self"),
                        3,
                        true,
                        "bad",
                        Map.of("a", 1),
                        false),
                vals.value(
                        "export default () => { const obj: any = { d: new Date(0), m: new Map([[1, { x: 1 }]]), s: new Set([1]),"
                                + " r: /a/gi, u: new Uint8Array([1, 2]), b: new ArrayBuffer(2), n: null, und: undefined, big: [1, , 3] };"
                                + " obj.self = obj; const cl = structuredClone(obj); const er = structuredClone(new RangeError('bad'));"
                                + " class K { a = 1; m() {} } const k = structuredClone(new K());"
                                + " return [cl.self === cl, cl.d instanceof Date && cl.d.getTime() === 0, cl.m.get(1),"
                                + " cl.r.global && cl.r.ignoreCase, cl.s.has(1), Array.from(cl.u), cl.b.byteLength, cl === obj, Object.keys(cl),"
                                + " cl.big.length, er instanceof RangeError, er.message, k, k instanceof K] }"));
    }

    @Test
    void structuredCloneRefusesFunctionsAndSymbolsWithADataCloneError() {
        assertEquals(
                List.of("DataCloneError", true, "DataCloneError", "Symbol(x) could not be cloned.", "TypeError"),
                vals.value(
                        "export default () => { const out: any[] = []; try { structuredClone({ f() {} }) } catch (e) {"
                                + " out.push(e.name, e instanceof DOMException) }"
                                + " try { structuredClone(Symbol('x')) } catch (e) { out.push(e.name, e.message) }"
                                + " try { (structuredClone as any)() } catch (e) { out.push(e.name) } return out }"));
    }

    @Test
    void performanceNowMarkAndMeasure() {
        assertEquals(
                List.of("number", true, "number", "a", "mark", "measure", true, 1),
                vals.value(
                        "export default () => { const t0 = performance.now(); let x = 0; for (let i = 0; i < 1000; i++) x += i;"
                                + " const m = performance.mark('a'); const me = performance.measure('m', 'a');"
                                + " return [typeof t0, performance.now() >= t0, typeof performance.timeOrigin, m.name, m.entryType,"
                                + " me.entryType, me.duration >= 0, performance.getEntriesByName('m').length] }"));
        Object origin = vals.value("export default () => performance.timeOrigin + performance.now() - Date.now()");
        assertTrue(
                Math.abs(((Number) origin).doubleValue()) < 1000, () -> "timeOrigin + now is not about now: " + origin);
    }

    @Test
    void microtasksRunInQueueOrderBeforeTimers() {
        assertEquals(
                List.of("q1", "p1", "q2", "t"),
                vals.value(
                        "export default async () => { const order: string[] = []; queueMicrotask(() => order.push('q1'));"
                                + " Promise.resolve().then(() => order.push('p1')); queueMicrotask(() => order.push('q2'));"
                                + " setTimeout(() => order.push('t'), 0); await new Promise(r => setTimeout(r, 5)); return order }"));
    }

    @Test
    void setIntervalRepeatsUntilCleared() {
        assertEquals(
                List.of(3, 3),
                vals.value(
                        "export default async () => { let n = 0; await new Promise<void>(res => { const id = setInterval(() => {"
                                + " if (++n === 3) { clearInterval(id); res() } }, 1) }); await new Promise(r => setTimeout(r, 20));"
                                + " return [n, n] }"));
    }
}
