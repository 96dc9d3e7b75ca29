package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Syntax Nashorn lacks and the compiler lowers (import.meta, top-level await, JSX), source lines in stack traces,
 * and syntax the engine refuses reported at compile time. Expected values are what Deno 2.9 gives.
 */
class ValSyntaxTest {

    private final Vals vals = new Vals();

    private static final Map<String, Object> MODULE = Map.of("kind", "module");
    private static final Map<String, Object> FUNCTION = Map.of("kind", "function");

    private Object value(List<ValModule> modules, Map<String, Object> call) {
        Map<String, Object> result = vals.run(modules, call, Map.of(), 5000);
        assertEquals("ok", result.get("status"), result::toString);
        return result.get("value");
    }

    private Object value(String source) {
        return value(List.of(Vals.module(Vals.keyOf(source), source, Map.of())), FUNCTION);
    }

    @SuppressWarnings("unchecked")
    private static List<String> logTexts(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("logs"))
                .stream().map(l -> (String) l.get("text")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> result) {
        assertEquals("error", result.get("status"), result::toString);
        return (Map<String, Object>) result.get("error");
    }

    // --- import.meta

    @Test
    void importMetaUrlIsTheUrlTheRunFrameGivesTheModule() {
        ValModule module =
                Vals.module("val:meta-url", "export default () => [import.meta.url, import.meta.main]", Map.of());
        ValModule withUrl = new ValModule(
                module.key(), module.code(), module.imports(), "https://valbox.example/v/alice/hello?v=3");
        assertEquals(List.of("https://valbox.example/v/alice/hello?v=3", false), value(List.of(withUrl), FUNCTION));
    }

    @Test
    void importMetaUrlWithoutAUrlIsTheModuleKeyUnderValbox() {
        assertEquals(
                "valbox:///val%3Ameta-key",
                value(List.of(Vals.module("val:meta-key", "export const u = import.meta.url;", Map.of())), MODULE)
                                instanceof Map<?, ?> m
                        ? m.get("u")
                        : null);
    }

    @Test
    void importMetaResolveResolvesAgainstTheModuleUrlLikeDeno() {
        ValModule module = Vals.module(
                "val:meta-resolve",
                "export default () => { let bare; try { import.meta.resolve('lodash') } catch (e) { bare = String(e) }\n"
                        + "  return [import.meta.resolve('./x.ts'), import.meta.resolve('../y'),"
                        + " import.meta.resolve('https://a.b/c'), import.meta.resolve('npm:foo'), bare] }",
                Map.of());
        ValModule withUrl = new ValModule(module.key(), module.code(), module.imports(), "https://h.example/v/bob/val");
        assertEquals(
                List.of(
                        "https://h.example/v/bob/x.ts",
                        "https://h.example/v/y",
                        "https://a.b/c",
                        "npm:foo",
                        "TypeError: Import \"lodash\" not a dependency"),
                value(List.of(withUrl), FUNCTION));
    }

    @Test
    void importMetaIsReservedAsAnIdentifier() {
        Transpiler.Compilation compilation = Vals.compile("const __importMeta = 1;");
        assertFalse(compilation.ok());
    }

    // --- top-level await

    @Test
    void importersSeeTheExportsOfATopLevelAwaitModuleOnlyOnceItSettled() {
        ValModule lib = Vals.module(
                "val:tla-lib",
                "export let state = 'pending';\n"
                        + "export const late = await new Promise<string>(r => setTimeout(() => r('late'), 10));\n"
                        + "state = 'settled';",
                Map.of());
        ValModule main = Vals.module(
                "val:tla-main",
                "import { late, state } from './lib.ts';\nexport default () => [late, state]",
                Map.of("./lib.ts", "val:tla-lib"));
        assertEquals(List.of("late", "settled"), value(List.of(main, lib), FUNCTION));
    }

    @Test
    void modulesEvaluateDepthFirstInImportOrderAroundTopLevelAwait() {
        // Deno prints: b start, c run, b end, a 1 2
        ValModule b = Vals.module(
                "val:order-b",
                "console.log('b start'); await new Promise(r => setTimeout(r, 20)); console.log('b end');"
                        + " export const b = 1;",
                Map.of());
        ValModule c = Vals.module("val:order-c", "console.log('c run'); export const c = 2;", Map.of());
        ValModule a = Vals.module(
                "val:order-a",
                "import { b } from './b.ts'; import { c } from './c.ts'; console.log('a', b, c);",
                Map.of("./b.ts", "val:order-b", "./c.ts", "val:order-c"));
        Map<String, Object> result = vals.run(List.of(a, b, c), MODULE, Map.of(), 5000);
        assertEquals("ok", result.get("status"), result::toString);
        assertEquals(List.of("b start", "c run", "b end", "a 1 2"), logTexts(result));
    }

    @Test
    void aRejectedTopLevelAwaitFailsTheRunWithThatError() {
        ValModule lib = Vals.module(
                "val:tla-reject", "await Promise.reject(new TypeError('nope')); export const x = 1;", Map.of());
        ValModule main = Vals.module(
                "val:tla-reject-main",
                "import { x } from './lib.ts'; export default () => x",
                Map.of("./lib.ts", "val:tla-reject"));
        Map<String, Object> error = error(vals.run(List.of(main, lib), FUNCTION, Map.of(), 5000));
        assertEquals("TypeError", error.get("name"));
        assertEquals("nope", error.get("message"));
    }

    @Test
    void topLevelAwaitWithDestructuringForAwaitClassesAndADefaultExport() {
        assertEquals(
                List.of(1, 2, 3, "K", 9),
                value("const { a, b: [c] } = await Promise.resolve({ a: 1, b: [2] });\n"
                        + "async function* gen() { yield 3; yield 4 }\n"
                        + "const seen: number[] = [];\n"
                        + "for await (const v of gen()) seen.push(v);\n"
                        + "export class K { static tag = 'K' }\n"
                        + "export default await Promise.resolve(() => [a, c, seen[0], K.tag, sum()]);\n"
                        + "function sum() { return a + c + seen[0] + seen[1] - 1 }"));
    }

    @Test
    void modulesWithoutTopLevelAwaitStaySynchronous() {
        String code = Vals.compile("export default async () => { await 1; for await (const x of []) {} }")
                .code();
        assertFalse(code.contains("\"async\":true"), code);
        assertFalse(code.contains("return (function"), code);
        ValModule lib = Vals.module("val:dyn-lib", "export const v = 'dynamic';", Map.of());
        ValModule main = Vals.module(
                "val:dyn-main",
                "export default async () => (await import('./lib.ts')).v",
                Map.of("./lib.ts", "val:dyn-lib"));
        assertEquals("dynamic", value(List.of(main, lib), FUNCTION));
    }

    @Test
    void aDynamicImportResolvesOnceTheImportedModuleSettled() {
        ValModule lib = Vals.module(
                "val:dyn-tla-lib",
                "export let state = 'pending';\nawait new Promise(r => setTimeout(r, 10));\nstate = 'settled';",
                Map.of());
        ValModule main = Vals.module(
                "val:dyn-tla-main",
                "export default async () => { let missing;\n"
                        + "  try { await import('npm:nope') } catch (e) { missing = e.message }\n"
                        + "  return [(await import('./lib.ts')).state, missing] }",
                Map.of("./lib.ts", "val:dyn-tla-lib"));
        assertEquals(
                List.of(
                        "settled",
                        "Cannot import \"npm:nope\": only https://esm.town/v/… and std imports are supported"),
                value(List.of(main, lib), FUNCTION));
    }

    // --- JSX

    @Test
    void jsxImportSourcePragmaCompilesToTheAutomaticRuntimeAndListsItsImport() {
        String source = "/** @jsxImportSource https://esm.sh/preact */\n"
                + "export default () => <div a=\"1\">hi<span key=\"k\" /></div>;";
        Transpiler.Compilation compilation = Vals.compile(source);
        assertTrue(compilation.ok(), compilation.diagnostics()::toString);
        assertEquals(List.of("https://esm.sh/preact/jsx-runtime"), compilation.imports());
        ValModule runtime = Vals.module(
                "val:jsx-runtime",
                "export function jsx(type: any, props: any, key?: string) { return { type, props, key: key ?? null } }\n"
                        + "export const jsxs = jsx; export const Fragment = 'F';",
                Map.of());
        ValModule main = new ValModule(
                "val:jsx-auto", compilation.code(), Map.of("https://esm.sh/preact/jsx-runtime", "val:jsx-runtime"));
        Map<String, Object> span = new java.util.LinkedHashMap<>();
        span.put("type", "span");
        span.put("props", Map.of());
        span.put("key", "k");
        assertEquals(
                Map.of("type", "div", "key", nullValue(), "props", Map.of("a", "1", "children", List.of("hi", span))),
                withNulls(value(List.of(main, runtime), FUNCTION)));
    }

    @Test
    void jsxPragmaUsesTheValsOwnFactoryEndToEnd() {
        // Deno: {"tag":"div","props":{"a":"1","b":2},"children":["hi ",2,{"props":null,"children":[{"tag":"span",...
        Object result = value("/** @jsx h */\n/** @jsxFrag Frag */\n"
                + "function h(tag: any, props: any, ...children: any[]) { return { tag, props, children } }\n"
                + "function Frag() {}\n"
                + "export default () => JSON.stringify(<div a=\"1\" b={2}>hi {1 + 1}<><span /></></div>)");
        assertEquals(
                "{\"tag\":\"div\",\"props\":{\"a\":\"1\",\"b\":2},\"children\":[\"hi \",2,"
                        + "{\"props\":null,\"children\":[{\"tag\":\"span\",\"props\":null,\"children\":[]}]}]}",
                result);
    }

    @Test
    void jsxWithoutAPragmaIsReactCreateElementAsInDeno() {
        Map<String, Object> error = error(vals.call("export default () => <div />"));
        assertEquals("ReferenceError", error.get("name"));
        assertTrue(((String) error.get("message")).contains("React"), error::toString);
    }

    @Test
    void codeThatParsesOnlyAsTypeScriptStillCompiles() {
        assertEquals(
                List.of(5, "x"),
                value("const n = <number>(<any>5);\nconst id = <T>(x: T) => x;\nexport default () => [n, id('x')]"));
    }

    // --- errors users can read

    @Test
    void stackTracesNameTheValsOwnSourceLines() {
        String source = "interface Unused {\n  a: string;\n}\n"
                + "class Thrower {\n  constructor(private why: string) {}\n"
                + "  go(): never {\n    throw new Error(this.why);\n  }\n}\n"
                + "export default () => {\n  const t = new Thrower('boom');\n  return t.go();\n};";
        ValModule module = Vals.module("val:lines", source, Map.of());
        Map<String, Object> error = error(vals.run(List.of(module), FUNCTION, Map.of(), 5000));
        String stack = (String) error.get("stack");
        assertTrue(stack.contains("(val:lines:7)"), stack);
        assertTrue(stack.contains("(val:lines:12)"), stack);
    }

    @Test
    void caughtErrorStacksAndCaptureStackTraceUseSourceLinesOnce() {
        Object stacks = value("type A = string;\n\n\nfunction fail() {\n  null!.x;\n}\n"
                + "export default () => { let s = ''; try { fail() } catch (e) { s = e.stack }\n"
                + "  const o: any = {}; Error.captureStackTrace(o); return [s, o.stack] }");
        String caught = (String) ((List<?>) stacks).get(0);
        assertTrue(caught.contains(":5)"), caught);
        assertTrue(((String) ((List<?>) stacks).get(1)).contains(":8)"), stacks::toString);
    }

    @Test
    void syntaxTheEngineCannotRunIsReportedAtCompileTimeWithItsSourcePosition() {
        Transpiler.Compilation compilation =
                Vals.compile("type T = number;\nexport const ok = 1;\nexport const re = /a/v;\n");
        assertFalse(compilation.ok());
        assertEquals("", compilation.code());
        Map<String, Object> first = compilation.diagnostics().get(0);
        assertTrue(((String) first.get("message")).contains("RegExp flag"), first::toString);
        assertEquals(3, first.get("line"));
        assertEquals(19, first.get("column"));
    }

    @Test
    void compilingHostileCodeRunsNoneOfIt() {
        // Were any of it run, the loop would never let compile return.
        assertTrue(Vals.compile("while (true) {}\nthrow new Error('ran')").ok());
        Transpiler.Compilation refused = Vals.compile("for (;;) {}\nconst r = /x/v;\nconsole.log(r)");
        assertFalse(refused.ok());
        assertEquals(2, refused.diagnostics().get(0).get("line"));
    }

    @Test
    void aHashbangLineCompilesAndKeepsLineNumbers() {
        Transpiler.Compilation compilation =
                Vals.compile("#!/usr/bin/env -S deno run\nexport default () => { throw new Error('x') }");
        assertTrue(compilation.ok(), compilation.diagnostics()::toString);
        Map<String, Object> error = error(
                vals.run(List.of(new ValModule("val:bang", compilation.code(), Map.of())), FUNCTION, Map.of(), 5000));
        assertTrue(((String) error.get("stack")).contains("(val:bang:2)"), error::toString);
    }

    private static Object nullValue() {
        return "<null>";
    }

    /** Map.of refuses nulls: JSON nulls in the value become "<null>" for comparison. */
    private static Object withNulls(Object value) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, withNulls(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValSyntaxTest::withNulls).toList();
        }
        return value;
    }
}
