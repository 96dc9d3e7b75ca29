package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inner wall: what hostile val code can reach and how runaways end. Each case is the hostile JS. */
class SandboxTest {

    private final Vals vals = new Vals();

    private Map<String, Object> error(Map<String, Object> result) {
        @SuppressWarnings("unchecked")
        var error = (Map<String, Object>) result.get("error");
        return error;
    }

    @Test
    void valSeesExactlyTheseGlobals() {
        Object names = vals.value("export default () => Object.getOwnPropertyNames(globalThis).sort()");
        assertEquals(
                List.of(
                        "AbortController",
                        "AbortSignal",
                        "AggregateError",
                        "Array",
                        "ArrayBuffer",
                        "BigInt",
                        "Blob",
                        "Boolean",
                        "ByteLengthQueuingStrategy",
                        "CountQueuingStrategy",
                        "CustomEvent",
                        "DOMException",
                        "DataView",
                        "Date",
                        "Deno",
                        "Error",
                        "EvalError",
                        "Event",
                        "EventTarget",
                        "File",
                        "FinalizationRegistry",
                        "Float32Array",
                        "Float64Array",
                        "FormData",
                        "Headers",
                        "Infinity",
                        "Int16Array",
                        "Int32Array",
                        "Int8Array",
                        "Intl",
                        "JSON",
                        "Map",
                        "Math",
                        "NaN",
                        "Number",
                        "Object",
                        "Promise",
                        "RangeError",
                        "ReadableStream",
                        "ReadableStreamDefaultController",
                        "ReadableStreamDefaultReader",
                        "ReferenceError",
                        "Reflect",
                        "RegExp",
                        "Request",
                        "Response",
                        "Set",
                        "String",
                        "Symbol",
                        "SyntaxError",
                        "TextDecoder",
                        "TextDecoderStream",
                        "TextEncoder",
                        "TextEncoderStream",
                        "TransformStream",
                        "TransformStreamDefaultController",
                        "TypeError",
                        "URIError",
                        "URL",
                        "URLPattern",
                        "URLSearchParams",
                        "Uint16Array",
                        "Uint32Array",
                        "Uint8Array",
                        "Uint8ClampedArray",
                        "WeakMap",
                        "WeakRef",
                        "WeakSet",
                        "WritableStream",
                        "WritableStreamDefaultController",
                        "WritableStreamDefaultWriter",
                        "__DIR__",
                        "__FILE__",
                        "__LINE__",
                        "__addDisposableResource",
                        "__assign",
                        "__asyncDelegator",
                        "__asyncGenerator",
                        "__asyncValues",
                        "__await",
                        "__awaiter",
                        "__bigint",
                        "__caught",
                        "__chk",
                        "__classPrivateFieldGet",
                        "__classPrivateFieldIn",
                        "__classPrivateFieldSet",
                        "__createBinding",
                        "__decorate",
                        "__disposeResources",
                        "__esDecorate",
                        "__exportStar",
                        "__extends",
                        "__generator",
                        "__importDefault",
                        "__importStar",
                        "__makeTemplateObject",
                        "__metadata",
                        "__param",
                        "__propKey",
                        "__read",
                        "__rest",
                        "__runInitializers",
                        "__setFunctionName",
                        "__spread",
                        "__spreadArray",
                        "__spreadArrays",
                        "__values",
                        "arguments",
                        "atob",
                        "btoa",
                        "clearInterval",
                        "clearTimeout",
                        "console",
                        "crypto",
                        "decodeURI",
                        "decodeURIComponent",
                        "encodeURI",
                        "encodeURIComponent",
                        "escape",
                        "fetch",
                        "globalThis",
                        "isFinite",
                        "isNaN",
                        "parseFloat",
                        "parseInt",
                        "performance",
                        "process",
                        "queueMicrotask",
                        "self",
                        "setInterval",
                        "setTimeout",
                        "structuredClone",
                        "undefined",
                        "unescape"),
                names);
    }

    @Test
    void nashornHostGlobalsAreGone() {
        assertEquals(
                List.of(
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined",
                        "undefined"),
                vals.value("const g: any = globalThis; export default () => ['engine', 'context', '__noSuchProperty__',"
                        + " 'load', 'loadWithNewGlobal', 'exit', 'quit', 'print', 'echo', 'readFully', 'readLine',"
                        + " 'Java', 'Packages', 'java', 'javax', 'com', 'org', 'jdk', 'JavaImporter', 'JSAdapter',"
                        + " 'JavaAdapter', 'importClass', 'importPackage', 'eval', 'Function'].map(n => typeof g[n])"));
        assertEquals(
                List.of("undefined", "undefined"),
                vals.value("const O: any = Object; export default () =>"
                        + " [typeof O.bindProperties, typeof O.setIndexedPropertiesToExternalArrayData]"));
    }

    @Test
    void engineAndContextAreUnreachable() {
        assertEquals(
                "TypeError",
                error(vals.call("export default () => (this as any).engine.getFactory().getScriptEngine()"
                                + ".eval(\"Java.type('java.lang.System').exit(3)\")"))
                        .get("name"));
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const engine: any; export default () => engine.getFactory()"))
                        .get("name"));
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const context: any; export default () => context.getWriter().write('x')"))
                        .get("name"));
    }

    @Test
    void loadAndLoadWithNewGlobalAreGone() {
        Map<String, Object> result = vals.call("declare const load: any; export default () => load('/etc/passwd')");
        assertEquals("ReferenceError", error(result).get("name"));
        assertFalse(result.toString().contains("root:"));
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const loadWithNewGlobal: any;"
                                + " export default () => loadWithNewGlobal({script: 'load', name: 'x'})"))
                        .get("name"));
    }

    @Test
    void exitAndQuitCannotEndTheJvm() {
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const exit: any; export default () => exit(7)"))
                        .get("name"));
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const quit: any; export default () => quit(7)"))
                        .get("name"));
    }

    @Test
    void javaIsUnreachable() {
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const Java: any;"
                                + " export default () => Java.type('java.lang.Runtime').getRuntime().exec('id')"))
                        .get("name"));
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const Packages: any; export default () => Packages.java.lang.System.exit(1)"))
                        .get("name"));
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const java: any; export default () => java.lang.System.getenv()"))
                        .get("name"));
    }

    @Test
    void stringReflectionRouteIsBlocked() {
        Map<String, Object> result = vals.call("export default () => ('' as any).getClass().getClass()"
                + ".getMethod('forName', ('' as any).getClass()).invoke(null, 'java.lang.Runtime')");
        assertEquals("error", result.get("status"));
        assertEquals("TypeError", error(result).get("name"));
    }

    @Test
    void functionConstructorIsUnreachableByEveryRoute() {
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const Function: any; export default () => Function('return this')()"))
                        .get("name"));
        for (String route : List.of(
                "(function () {}).constructor",
                "(() => {}).constructor",
                "(async () => {}).constructor",
                "(function* () {}).constructor",
                "Object.getPrototypeOf(function () {}).constructor",
                "(Object as any).constructor",
                "(Math.max as any).constructor")) {
            Map<String, Object> result =
                    vals.call("export default () => (" + route + " as any)('return globalThis')()");
            assertEquals("error", result.get("status"), route);
            assertEquals("TypeError", error(result).get("name"), route);
            assertEquals(
                    "Code generation from strings is not allowed", error(result).get("message"), route);
        }
        assertEquals(
                "TypeError",
                error(
                                vals.call(
                                        "export default () => { Object.getPrototypeOf(function () {}).constructor = function () {}; return 1 }"))
                        .get("name"));
    }

    @Test
    void evalDirectAndIndirectIsGone() {
        assertEquals(
                "ReferenceError",
                error(vals.call("declare const eval: any; export default () => (0, eval)('1 + 1')"))
                        .get("name"));
        assertEquals(
                "TypeError",
                error(vals.call("export default () => (globalThis as any)['ev' + 'al']('1 + 1')"))
                        .get("name"));
        assertEquals(
                "TypeError",
                error(vals.call("export default () => (setTimeout as any)('1 + 1', 0)"))
                        .get("name"));
    }

    @Test
    void nashornExceptionDoesNotLeak() {
        assertEquals(
                List.of("undefined", "undefined", "undefined", "undefined", "undefined"),
                vals.value("export default () => {"
                        + "  const seen: string[] = [];"
                        + "  seen.push(typeof (new Error('x') as any).nashornException);"
                        + "  try { throw new TypeError('y') } catch (e) { seen.push(typeof e.nashornException) }"
                        + "  try { (null as any).x } catch (e) { seen.push(typeof e.nashornException) }"
                        + "  try { throw { plain: true } } catch (e) { seen.push(typeof e.nashornException) }"
                        + "  try { throw Object.create(null) } catch (e) { seen.push(typeof e.nashornException) }"
                        + "  return seen;"
                        + "}"));
        assertEquals(
                "undefined",
                vals.value("export default async () => {"
                        + "  try { await Promise.reject(new Error('z')) } catch (e) { return typeof e.nashornException }"
                        + "}"));
        assertEquals(
                "undefined",
                vals.value("export default () => new Promise(resolve =>"
                        + "  Promise.resolve().then(() => { (null as any).x })"
                        + "    .catch((e: any) => resolve(typeof e.nashornException)))"));
    }

    @Test
    void javaErrorsCaughtByValCodeArePlainJsErrors() {
        Object caught = vals.value("function deep(n: number): number { return deep(n + 1) + 1 }"
                + "export default () => { try { return deep(0) } catch (e) {"
                + "  return [e instanceof RangeError, e.message, typeof e.getStackTrace, typeof e.getClass] } }");
        assertEquals(List.of(true, "Maximum call stack size exceeded", "undefined", "undefined"), caught);
    }

    @Test
    void stackTracesShowOnlyValFrames() {
        Map<String, Object> result = vals.call("function inner() { throw new Error('boom') }\n"
                + "function outer() { inner() }\n"
                + "export default () => outer()");
        Map<String, Object> error = error(result);
        assertEquals("Error", error.get("name"));
        assertEquals("boom", error.get("message"));
        String stack = (String) error.get("stack");
        assertTrue(stack.contains("at inner (val:"), stack);
        assertTrue(stack.contains("at outer (val:"), stack);
        assertFalse(stack.contains("java"), stack);
        assertFalse(stack.contains("nashorn"), stack);
        assertFalse(stack.contains("valbox:"), stack);
        assertFalse(stack.contains("<eval>"), stack);
    }

    @Test
    void infiniteLoopTimesOut() {
        Map<String, Object> result = vals.run(
                List.of(Vals.module("val:spin", "export default () => { while (true) {} }", Map.of())),
                Map.of("kind", "function"),
                Map.of(),
                500);
        assertEquals("timeout", result.get("status"));
        assertEquals("TimeoutError", error(result).get("name"));
        assertTrue(((Number) result.get("wallMs")).longValue() < 3000, result::toString);
    }

    @Test
    void catchCannotSwallowTheDeadline() {
        for (String runaway : List.of(
                "for (;;) { try { for (;;) {} } catch (e) {} }",
                "function retry(): any { try { while (true) {} } catch (e) { return retry() } } retry();",
                "try { while (true) {} } finally { while (true) {} }",
                "while (true) { try { while (true) {} } catch (e) { continue } }",
                "const spin = async () => { for (;;) { try { await null; for (;;) {} } catch { } } }; await spin();")) {
            Map<String, Object> result = vals.run(
                    List.of(Vals.module("val:runaway", "export default async () => { " + runaway + " }", Map.of())),
                    Map.of("kind", "function"),
                    Map.of(),
                    300);
            assertEquals("timeout", result.get("status"), runaway + " -> " + result);
        }
    }

    @Test
    void deepRecursionIsALimitAndTheWorkerCarriesOn() {
        Map<String, Object> result =
                vals.call("function f(n: number): number { return f(n + 1) + 1 } export default () => f(0)");
        assertEquals("error", result.get("status"), result::toString);
        assertEquals("RangeError", error(result).get("name"));
        assertEquals("ok", vals.call("export default () => 'still alive'").get("status"));
    }

    @Test
    void deeplyNestedJsonParseIsAnErrorAndTheWorkerCarriesOn() {
        Map<String, Object> result = vals.call("export default () => JSON.parse('['.repeat(1e5))");
        assertTrue(List.of("error", "limit").contains(result.get("status")), result::toString);
        assertEquals("RangeError", error(result).get("name"));
        assertEquals(42, vals.value("export default () => 42"));
    }

    @Test
    void reservedNamesCannotShadowTheDeadlineCheck() {
        Transpiler.Compilation compilation =
                Vals.compile("const __chk = () => {}; export default () => { while (true) {} }");
        assertFalse(compilation.ok());
        assertTrue(compilation.diagnostics().get(0).get("message").toString().contains("__chk"));
    }
}
