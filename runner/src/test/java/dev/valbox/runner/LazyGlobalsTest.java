package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The big runtime groups (streams, Blob, events, URLPattern, Reflect…) load on first use: until then each global is
 * an accessor, afterwards a plain data property, as if loaded eagerly.
 */
class LazyGlobalsTest {

    private final Vals vals = new Vals();

    private static final String KINDS =
            "const kind = (n: string) => { const d = Object.getOwnPropertyDescriptor(globalThis, n)!;"
                    + " return d.get ? 'lazy' : typeof d.value + (d.writable && d.configurable && !d.enumerable ? '' : '!') };";

    @Test
    void aGroupLoadsWhenOneOfItsNamesIsFirstRead() {
        assertEquals(
                List.of("lazy", "lazy", "lazy", "lazy", "function", "function", "lazy", "lazy"),
                vals.value(
                        "export default () => { " + KINDS + " const before = ['ReadableStream', 'TextEncoderStream',"
                                + " 'Blob', 'URLPattern'].map(kind); const s = ReadableStream;"
                                + " return [...before, kind('ReadableStream'), kind('TextEncoderStream'), kind('Blob'), kind('URLPattern')] }"));
    }

    @Test
    void aHelloValLoadsNoGroup() {
        assertEquals(
                List.of("lazy", "lazy", "lazy", "lazy", "lazy", "lazy"),
                vals.value("export default () => { " + KINDS
                        + " new Response('hi'); new Request('https://x.test', { method: 'POST',"
                        + " body: 'b' }); return ['ReadableStream', 'Blob', 'FormData', 'AbortController', 'URLPattern',"
                        + " 'Reflect'].map(kind) }"));
    }

    @Test
    void aValMayReplaceALazyGlobalBeforeItLoads() {
        assertEquals(
                List.of("mine", "mine", false, "function"),
                vals.value(
                        "export default () => { (globalThis as any).Blob = 'mine'; const afterAssign = (globalThis as any).Blob;"
                                + " new Response(new Uint8Array([1])); const fd = new FormData();"
                                + " return [afterAssign, (globalThis as any).Blob, Object.keys(globalThis).includes('FormData'),"
                                + " typeof fd.append] }"));
    }

    @Test
    void theRuntimeUsesItsOwnStreamsWhenTheValReplacedTheGlobal() {
        assertEquals(
                List.of(true, "abc"),
                vals.value(
                        "export default async () => { const Original = ReadableStream; (globalThis as any).ReadableStream = null;"
                                + " const r = new Response('abc'); return [r.body instanceof Original, await r.text()] }"));
    }
}
