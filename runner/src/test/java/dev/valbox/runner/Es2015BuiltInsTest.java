package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ES2015+ built-ins that Nashorn lacks or gets wrong, each answering as Deno 2.9 does. */
class Es2015BuiltInsTest {

    private final Vals vals = new Vals();

    @Test
    void mathFunctionsAgreeWithDenoToTheLastDigit() {
        assertEquals(
                "-5,12,31,32,0,5.5,5.050000190734863,9.999999999500001e-11,1.00000000005e-10,1.1752011936438014,"
                        + "1.5430806348152437,0.7615941559557649,0.881373587019543,1.3169578969248166,0.5493061443340549,"
                        + "5,-3,3,3,-1,-4,Infinity",
                vals.value(
                        "export default () => [Math.imul(0xffffffff, 5), Math.imul(3, 4), Math.clz32(1), Math.clz32(0),"
                                + " Math.clz32(-1), Math.fround(5.5), Math.fround(5.05), Math.log1p(1e-10), Math.expm1(1e-10),"
                                + " Math.sinh(1), Math.cosh(1), Math.tanh(1), Math.asinh(1), Math.acosh(2), Math.atanh(0.5),"
                                + " Math.hypot(3, 4), Math.cbrt(-27), Math.log2(8), Math.log10(1000), Math.sign(-3), Math.trunc(-4.7),"
                                + " Math.hypot(NaN, Infinity)].join()"));
    }

    @Test
    void numberStatics() {
        assertEquals(
                List.of(true, false, true, 9007199254740991L, 3.14),
                vals.value("export default () => [Number.isInteger(5.0), Number.isSafeInteger(2 ** 53),"
                        + " Number.EPSILON > 0, Number.MAX_SAFE_INTEGER, Number.parseFloat('3.14abc')]"));
    }

    @Test
    void stringMethods() {
        assertEquals(
                List.of("c", "a.!b.!c", "a1b3", "1@1,22@3,333@6", "abax", "y |", 3, 2, false, 65533, 128512, "x$y"),
                vals.value(
                        "export default () => ['abc'.at(-1), 'a.b.c'.replaceAll('.', '$&!'),"
                                + " 'aXbX'.replaceAll('X', (m, p) => String(p)),"
                                + " [...'a1b22c333'.matchAll(/\\d+/g)].map(m => m[0] + '@' + m.index).join(),"
                                + " 'x'.padStart(4, 'ab'), '  y '.trimStart() + '|', String.fromCodePoint(128512, 65).length,"
                                + " '\\u00e9'.normalize('NFD').length, 'ab\\ud800'.isWellFormed(),"
                                + " 'ab\\ud800'.toWellFormed().charCodeAt(2), '😀'.codePointAt(0), 'x.y'.replaceAll('.', '$$')]"));
    }

    @Test
    void matchAllNeedsAGlobalRegex() {
        assertEquals(
                "TypeError",
                vals.value(
                        "export default () => { try { 'a'.matchAll(/a/); return 'no' } catch (e) { return e.name } }"));
    }

    @Test
    void arrayMethodsIncludingTheCopyingOnes() {
        assertEquals(
                "[[1,2,3],[1,2,2,4],2,-1,[1,2,3],[3,2,1],[1,\"x\",4],[1,2,9],[4,5,3,4,5],[1,1,2,3,5],[0,0,0],[7,8],true,"
                        + "[3,1,2],\"RangeError\"]",
                vals.value(
                        "export default () => { const a = [3, 1, 2]; a.toSorted(); let e; try { [1].with(5, 0) } catch (x) { e = x.name }"
                                + " return JSON.stringify([[1, [2, [3]]].flat(Infinity), [1, 2].flatMap(x => [x, x * 2]),"
                                + " [1, 2, 3].findLast(x => x < 3), [1, 2, 3].findLastIndex(x => x > 5), [3, 1, 2].toSorted(),"
                                + " [1, 2, 3].toReversed(), [1, 2, 3, 4].toSpliced(1, 2, 'x'), [1, 2, 3].with(-1, 9),"
                                + " [1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 0, 3), new Array(3).fill(0),"
                                + " Array.of(7, 8), [NaN].includes(NaN), a, e]) }"));
    }

    @Test
    void sortIsStable() {
        assertEquals(
                "0,3,6,9,12,15,18,1,4,7,10,13,16,19,2,5,8,11,14,17",
                vals.value("export default () => Array.from({ length: 20 }, (_, i) => ({ k: i % 3, i }))"
                        + ".sort((x, y) => x.k - y.k).map(o => o.i).join()"));
    }

    @Test
    void objectAndMapGrouping() {
        assertEquals(
                "[{\"a\":1},{\"odd\":[1,3],\"even\":[2,4]},[[false,[1]],[true,[2,3]]],true,false,[[\"a\",1]],[2],null]",
                vals.value("export default () => JSON.stringify([Object.fromEntries(new Map([['a', 1]])),"
                        + " Object.groupBy([1, 2, 3, 4], x => x % 2 ? 'odd' : 'even'),"
                        + " [...Map.groupBy([1, 2, 3], x => x > 1)], Object.hasOwn({ a: 1 }, 'a'), Object.hasOwn({}, 'toString'),"
                        + " Object.entries({ a: 1 }), Object.values({ b: 2 }),"
                        + " Object.getPrototypeOf(Object.groupBy([], x => x))])"));
    }

    @Test
    void setMethods() {
        assertEquals(
                "[[1,2,3,4],[2],[2,3],[1,2,4],true,true,true]",
                vals.value(
                        "export default () => { const s = new Set([1, 2, 3]); return JSON.stringify([[...s.union(new Set([4]))],"
                                + " [...s.intersection(new Set([2, 9]))], [...s.difference(new Set([1]))],"
                                + " [...s.symmetricDifference(new Set([3, 4]))], s.isSubsetOf(new Set([1, 2, 3, 4])),"
                                + " s.isSupersetOf(new Set([1])), s.isDisjointFrom(new Set([7]))]) }"));
    }

    @Test
    void errorsCarryTheirCause() {
        assertEquals(
                List.of("c", true, false, true),
                vals.value(
                        "export default () => { const e = new Error('x', { cause: 'c' }); const t = new TypeError('y', { cause: e });"
                                + " return [e.cause, t.cause === e, 'cause' in new Error('z'), t instanceof TypeError] }"));
    }

    @Test
    void aggregateErrorIsAGlobalAndPromiseAnyRejectsWithIt() {
        assertEquals(
                List.of(
                        true,
                        true,
                        "AggregateError",
                        "m",
                        2,
                        "AggregateError: m",
                        true,
                        List.of(1, 2),
                        "All promises were rejected"),
                vals.value("export default async () => { const e = new AggregateError([1, 2], 'm');"
                        + " const any = await Promise.any([Promise.reject(1), Promise.reject(2)]).catch(x => x);"
                        + " return [e instanceof AggregateError, e instanceof Error, e.name, e.message, e.errors.length, String(e),"
                        + " any instanceof AggregateError, any.errors, any.message] }"));
    }

    @Test
    void promiseStatics() {
        assertEquals(
                List.of(5, 1, List.of("fulfilled", "rejected"), "b", 7),
                vals.value("export default async () => { const r = Promise.withResolvers<number>(); r.resolve(5);"
                        + " return [await r.promise, await Promise.resolve(1).finally(() => 2),"
                        + " (await Promise.allSettled([1, Promise.reject(0)])).map(x => x.status),"
                        + " await Promise.race([new Promise(() => {}), 'b']), await Promise.try(x => x + 1, 6)] }"));
    }

    @Test
    void arrayFromAsyncAwaitsEachValue() {
        assertEquals(
                List.of(List.of(1, 2), List.of(2, 4), List.of("a", "b")),
                vals.value("export default async () => { async function* gen() { yield 1; yield 2 }"
                        + " return [await Array.fromAsync(gen()), await Array.fromAsync([Promise.resolve(1), 2], async x => x * 2),"
                        + " await Array.fromAsync({ length: 2, 0: 'a', 1: 'b' })] }"));
    }

    @Test
    void forAwaitWorksWithSymbolAsyncIterator() {
        assertEquals(
                List.of("symbol", 1, 2),
                vals.value(
                        "export default async () => { const out: any[] = [typeof Symbol.asyncIterator];"
                                + " async function* gen() { yield 1; yield 2 } for await (const x of gen()) out.push(x); return out }"));
    }

    @Test
    void reflectWeakRefAndFinalizationRegistry() {
        assertEquals(
                List.of("a", true, 1, "function", true, 3, List.of("x")),
                vals.value("export default () => { class A { x = 1 } const made = Reflect.construct(A, []);"
                        + " return [Reflect.ownKeys({ a: 1 }).join(), Reflect.has({ a: 1 }, 'a'), new WeakRef({ v: 1 }).deref().v,"
                        + " typeof new FinalizationRegistry(() => {}).register, made instanceof A,"
                        + " Reflect.apply(Math.max, null, [1, 3]), Reflect.ownKeys(made)] }"));
    }

    @Test
    void typedArraysHaveTheNewerMethods() {
        assertEquals(
                "1,2,3|2,1,3|9,1,2|1|3,1,2|-1,0,3,NaN|1,2,2",
                vals.value("export default () => { const u = new Uint8Array([3, 1, 2]); return [u.toSorted().join(),"
                        + " u.toReversed().join(), u.with(0, 9).join(), u.findLastIndex(x => x === 1), String(u),"
                        + " new Float64Array([3, -1, NaN, 0]).sort().join(), u.copyWithin(0, 1).join()].join('|') }"));
    }
}
