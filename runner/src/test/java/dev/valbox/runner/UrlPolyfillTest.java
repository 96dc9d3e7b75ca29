package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** URL and URLSearchParams load on first use, and then look as if they had been there all along. */
class UrlPolyfillTest {

    /**
     * What the polyfill leaves behind, as JSON: the two globals, their prototypes, its patches to built-ins
     * (its stand-in symbols are named with a random suffix, cut off here) and one parse.
     */
    private static final String SHAPE = "function shape(g) {\n"
            + "  function names(o) { return Object.getOwnPropertyNames(o)"
            + "    .map(function (n) { return n.replace(/^(Symbol\\(.*\\)_[0-9a-z]+)\\.[0-9a-z]+$/, '$1'); }).sort(); }\n"
            + "  function descriptor(o, n) { var d = Object.getOwnPropertyDescriptor(o, n);"
            + "    return [typeof d.value, d.writable, d.enumerable, d.configurable]; }\n"
            + "  var arrayIterator = Object.getPrototypeOf([][Symbol.iterator]());\n"
            + "  return JSON.stringify({ url: descriptor(g, 'URL'), params: descriptor(g, 'URLSearchParams'),\n"
            + "    urlStatics: names(g.URL), urlProto: names(g.URL.prototype), paramsProto: names(g.URLSearchParams.prototype),\n"
            + "    array: names(Array.prototype), string: names(String.prototype), functionProto: names(Object.getPrototypeOf(Math.max)),\n"
            + "    arrayIterator: names(arrayIterator), iterator: names(Object.getPrototypeOf(arrayIterator)),\n"
            + "    stringIterator: names(Object.getPrototypeOf(''[Symbol.iterator]())),\n"
            + "    sources: [g.URL.prototype.toString.toString(), Math.max.toString()],\n"
            + "    parsed: new g.URL('HTTP://тест/a/../b?x=1#y').href, json: JSON.stringify(new g.URL('https://a.dev/')) });\n"
            + "}\n";

    private static final String HELLO = "export default (req: Request) =>"
            + " new Response('Hello ' + req.method + ' ' + req.headers.get('x-in'), { headers: { 'x-out': '1' } })";

    private final Vals vals = new Vals();

    private static Map<String, Object> http(String url) {
        return Map.of(
                "kind",
                "http",
                "request",
                Map.of("method", "GET", "url", url, "headers", List.of(List.of("x-in", "yes"))));
    }

    private Map<String, Object> run(ValModule module, Map<String, Object> call) {
        Map<String, Object> result = vals.run(List.of(module), call, Map.of(), 5000);
        assertEquals("ok", result.get("status"), result::toString);
        return result;
    }

    private Object value(ValModule module, Object... args) {
        return run(module, Map.of("kind", "function", "args", List.of(args))).get("value");
    }

    /** The val's cached Global; the run before must have succeeded, so it is the one that ran. */
    private ValGlobal globalOf(ValModule module) throws ScriptException {
        int cached = vals.globals().size();
        ValGlobal global = vals.globals().obtain(module.key(), List.of(module), "{}");
        assertEquals(cached, vals.globals().size(), "the val's Global was not cached");
        return global;
    }

    private static String body(Map<String, Object> result) {
        String base64 = (String) ((Map<?, ?>) result.get("value")).get("body");
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void aValThatNeverTouchesUrlDoesNotLoadIt() throws Exception {
        var hello = Vals.module("val:url-hello", HELLO, Map.of());
        assertEquals("Hello GET yes", body(run(hello, http("https://alice-hello.valbox.dev/?q=1"))));
        assertEquals("Hello GET yes", body(run(hello, http("https://alice-hello.valbox.dev/?q=2"))));
        assertFalse(globalOf(hello).urlLoaded());

        var inspecting = Vals.module(
                "val:url-inspecting",
                "export default () => [Object.getOwnPropertyNames(globalThis).includes('URL'), 'URL' in globalThis,"
                        + " Object.prototype.hasOwnProperty.call(globalThis, 'URLSearchParams'),"
                        + " new Response(new Uint8Array([104, 105])).headers.get('content-type'), Response.json(1).status]",
                Map.of());
        assertEquals(Arrays.asList(true, true, true, null, 200), value(inspecting));
        assertFalse(globalOf(inspecting).urlLoaded());
    }

    @Test
    void firstUseLoadsAWorkingUrlAndSearchParams() throws Exception {
        var val = Vals.module(
                "val:url-user",
                "export default () => {\n"
                        + "  const kind = typeof URL;\n"
                        + "  const u = new URL('../c?x=1&y=two+words#h', 'https://example.com:8080/a/b/');\n"
                        + "  u.searchParams.append('z', '3');\n"
                        + "  const p = new URLSearchParams('a=1&b=%C3%A9');\n"
                        + "  return [kind, u.href, u.searchParams.get('y'), u instanceof URL,"
                        + "    u.searchParams instanceof URLSearchParams, p.get('b'), [...p.keys()], JSON.stringify({ u }),"
                        + "    Object.getPrototypeOf(u) === URL.prototype];\n"
                        + "}",
                Map.of());
        List<Object> expected = List.of(
                "function",
                "https://example.com:8080/a/c?x=1&y=two+words&z=3#h",
                "two words",
                true,
                true,
                "é",
                List.of("a", "b"),
                "{\"u\":\"https://example.com:8080/a/c?x=1&y=two+words&z=3#h\"}",
                true);
        assertEquals(expected, value(val));
        assertTrue(globalOf(val).urlLoaded());
        assertEquals(expected, value(val), "a later call of the same Global");
    }

    @Test
    void theRuntimeLoadsItWhenItNeedsAUrl() throws Exception {
        var echo = Vals.module("val:url-echo", "export default (req: Request) => new Response(req.url)", Map.of());
        assertEquals("https://x.dev/b?q=1", body(run(echo, http("https://X.Dev/a/../b?q=1"))));
        assertTrue(globalOf(echo).urlLoaded());

        var requests = Vals.module(
                "val:url-requests",
                "export default async () => [new Request('https://a.dev/x/../y').url,"
                        + " Response.redirect('https://b.dev/next', 301).headers.get('location'),"
                        + " new Response(new URLSearchParams({ a: '1 2' })).headers.get('content-type'),"
                        + " await new Response(new URLSearchParams({ a: '1 2' })).text()]",
                Map.of());
        assertEquals(
                List.of(
                        "https://a.dev/y",
                        "https://b.dev/next",
                        "application/x-www-form-urlencoded;charset=UTF-8",
                        "a=1+2"),
                value(requests));
    }

    @Test
    void loadedLazilyItLooksAsIfLoadedEagerly() throws Exception {
        var eager = Sandbox.get().newGlobal();
        Sandbox.get().compile("eager:es2015.js", Prelude.js("es2015.js")).eval(eager);
        Sandbox.get()
                .compile("eager:url.js", Prelude.js("vendor/core-js-url.js"))
                .eval(eager);
        Object expected =
                Sandbox.get().compile("eager:shape", SHAPE + "shape(this)").eval(eager);

        var lazy = Vals.module(
                "val:url-shape",
                SHAPE
                        + "export default () => { const before = Object.getOwnPropertyNames(globalThis).sort(), f = fetch;"
                        + " typeof URL; const shaped = shape(globalThis);"
                        + " return [shaped, before.join() === Object.getOwnPropertyNames(globalThis).sort().join(),"
                        + "   f === fetch] }",
                Map.of());
        assertEquals(List.of(expected, true, true), value(lazy));
    }

    @Test
    void codeGenerationStaysRefusedAfterLoading() {
        var val = Vals.module(
                "val:url-codegen",
                "export default () => { new URL('https://a.dev/'); const refused: string[] = [];\n"
                        + "  for (const route of [(function () {}).constructor, (() => {}).constructor,"
                        + "      Object.getPrototypeOf(URL).constructor, (URL as any).constructor,"
                        + "      (URL.prototype.toString as any).constructor]) {\n"
                        + "    try { route('return globalThis')(); refused.push('ran') } catch (e) { refused.push(e.message) }\n"
                        + "  }\n"
                        + "  return [typeof (globalThis as any).Function, typeof (globalThis as any).eval, ...refused] }",
                Map.of());
        String refused = "Code generation from strings is not allowed";
        assertEquals(List.of("undefined", "undefined", refused, refused, refused, refused, refused), value(val));
    }

    @Test
    void aValThatReplacesUrlBeforeFirstUseKeepsItsOwn() throws Exception {
        var val = Vals.module(
                "val:url-replaced",
                "class Mine {}\n"
                        + "(globalThis as any).URL = Mine;\n"
                        + "Object.defineProperty(globalThis, 'URLSearchParams', { get: () => 'theirs', configurable: true });\n"
                        + "export default () => [URL === Mine, URLSearchParams, typeof new Request('https://a.dev/').url,"
                        + "  Object.getOwnPropertyDescriptor(globalThis, 'URL')!.enumerable]",
                Map.of());
        // Request parses with the global URL, which is the val's own: new Mine().href is undefined.
        assertEquals(List.of(true, "theirs", "undefined", false), value(val));
        assertFalse(globalOf(val).urlLoaded());

        var loads = Vals.module(
                "val:url-replaced-then-loaded",
                "(globalThis as any).URL = 'mine';\n"
                        + "const getter = Object.getOwnPropertyDescriptor(globalThis, 'URLSearchParams')!.get!;\n"
                        + "export default () => [typeof getter.call(null), URL, new URLSearchParams('a=1').get('a'),"
                        + "  getter.call({}) === URLSearchParams, typeof Object.getOwnPropertyDescriptor(globalThis, 'URLSearchParams')!.value]",
                Map.of());
        assertEquals(List.of("function", "mine", "1", true, "function"), value(loads));
        assertTrue(globalOf(loads).urlLoaded());
    }

    @Test
    void theLazyAccessorsReachNothingElse() throws Exception {
        var val = Vals.module(
                "val:url-accessors",
                "const g: any = globalThis;\n"
                        + "const { get, set } = Object.getOwnPropertyDescriptor(g, 'URL')!;\n"
                        + "export default () => {\n"
                        + "  const target: any = {};\n"
                        + "  set!.call(target, 'planted');\n"
                        + "  const names = Object.getOwnPropertyNames(g).sort().join();\n"
                        + "  const first = get!.call(target), again = get!.call(undefined);\n"
                        + "  let frozen = 'accepted'; try { set!.call(Object.freeze({}), 1) } catch (e) { frozen = e.name }\n"
                        + "  return [target.URL, first === again, first === URL, names === Object.getOwnPropertyNames(g).sort().join(),"
                        + "    typeof g.__valbox, typeof g.__host, typeof g['__core-js_shared__'], frozen];\n"
                        + "}",
                Map.of());
        assertEquals(
                List.of("planted", true, true, true, "undefined", "undefined", "undefined", "TypeError"), value(val));
        assertTrue(globalOf(val).urlLoaded());
    }

    @Test
    void aLoadCutShortDiscardsTheGlobalAndTheNextRunLoadsAgain() {
        // Overflows the stack, then retries new URL one frame further out each time, until the first load has
        // started and died of the overflow (the retry then finds the polyfill unavailable) or has succeeded.
        var val = Vals.module(
                "val:url-deep",
                "let outcome = '';\n"
                        + "function deep(n: number): void {\n"
                        + "  try { deep(n + 1) } catch (e) {\n"
                        + "    if (outcome !== '') throw e;\n"
                        + "    try { new URL('https://a.dev/'); outcome = 'loaded' }"
                        + "    catch (f) { if (f instanceof RangeError) throw f; outcome = f.message }\n"
                        + "  }\n"
                        + "}\n"
                        + "export default (mode: string) => mode === 'dive' ? (deep(0), outcome)"
                        + "  : mode === 'url' ? new URL('https://b.dev/x/../y').href : 'idle'",
                Map.of());
        assertEquals("idle", value(val, "idle"));
        assertEquals(1, vals.globals().size());
        assertEquals("URL is unavailable: its polyfill failed to load in this run", value(val, "dive"));
        assertEquals(0, vals.globals().size(), "the Global with the broken polyfill was discarded");
        assertEquals("https://b.dev/y", value(val, "url"));
    }
}
