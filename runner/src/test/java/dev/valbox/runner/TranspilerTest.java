package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each modern feature compiles to ES5 CommonJS and runs correctly in the sandbox. */
class TranspilerTest {

    private final Vals vals = new Vals();

    private Object value(String source, Object... args) {
        Map<String, Object> result = vals.call(source, args);
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    @Test
    void classesWithInheritanceAndParameterProperties() {
        assertEquals(
                "Rex says woof (dog)",
                value(
                        "class Animal { constructor(protected name: string) {} speak() { return this.name + ' makes a sound' } }\n"
                                + "class Dog extends Animal { static kind = 'dog'; constructor(name: string) { super(name) }\n"
                                + "  speak() { return `${this.name} says woof (${Dog.kind})` } }\n"
                                + "export default () => new Dog('Rex').speak()"));
    }

    @Test
    void destructuringSpreadAndRest() {
        assertEquals(
                List.of(1, List.of(2, 3), "x", Map.of("b", 2, "c", 3), 6),
                value("export default () => {\n"
                        + "  const [a, ...rest] = [1, 2, 3];\n"
                        + "  const { k, ...others } = { k: 'x', b: 2, c: 3 };\n"
                        + "  const sum = (...n: number[]) => n.reduce((x, y) => x + y, 0);\n"
                        + "  return [a, rest, k, { ...others }, sum(...[1, 2, 3])];\n"
                        + "}"));
    }

    @Test
    void asyncAwaitWithPromises() {
        assertEquals(
                "a-b",
                value("const later = (v: string) => new Promise<string>(r => setTimeout(() => r(v), 5));\n"
                        + "export default async () => { const a = await later('a'); const b = await Promise.resolve('b');"
                        + " return `${a}-${b}` }"));
    }

    @Test
    void optionalChainingAndNullishCoalescing() {
        assertEquals(
                List.of("fallback", 0, "deep"),
                value("export default () => { const o: any = { a: { b: 'deep' }, z: 0 };"
                        + " return [o.x?.y ?? 'fallback', o.z ?? 1, o?.a?.['b']] }"));
    }

    @Test
    void arrowFunctionsKeepLexicalThis() {
        assertEquals(
                42,
                value("class Counter { v = 42; get() { return [1].map(() => this.v)[0] } }\n"
                        + "export default () => new Counter().get()"));
    }

    @Test
    void forOfGeneratorsAndIterables() {
        assertEquals(
                List.of(0, 1, 2, "a:1", "b:2", 3),
                value("function* count(n: number) { for (let i = 0; i < n; i++) yield i }\n"
                        + "export default () => { const out: any[] = [];\n"
                        + "  for (const i of count(3)) out.push(i);\n"
                        + "  for (const [k, v] of new Map([['a', 1], ['b', 2]])) out.push(`${k}:${v}`);\n"
                        + "  out.push(new Set([1, 2, 2, 3]).size);\n"
                        + "  return out }"));
    }

    @Test
    void templateLiteralsTypesAndInterfaces() {
        assertEquals(
                "Hello, Ada (36)",
                value("interface Person { name: string; age: number }\ntype Greeter = (p: Person) => string;\n"
                        + "enum Mode { Loud = 'LOUD' }\n"
                        + "const greet: Greeter = (p) => `Hello, ${p.name} (${p.age as number})`;\n"
                        + "export default (): string => greet({ name: 'Ada', age: 36 })"));
    }

    @Test
    void importAndExportDefaultAndNamed() {
        var lib = Vals.module(
                "val:lib",
                "export const greeting = 'hi'; export default function shout(s: string) { return s.toUpperCase() }",
                Map.of());
        var main = Vals.module(
                "val:main-import",
                "import shout, { greeting } from 'https://esm.town/v/alice/lib';\n"
                        + "export default () => shout(greeting) + '!'",
                Map.of("https://esm.town/v/alice/lib", "val:lib"));
        Map<String, Object> result = vals.run(List.of(main, lib), Map.of("kind", "function"), Map.of(), 5000);
        assertEquals("HI!", result.get("value"), result::toString);
    }

    @Test
    void exportedConstantsAreTheModuleValue() {
        Map<String, Object> result = vals.run(
                "export const answer = 42; export const list = [1, 2]; export function f() {}",
                Map.of("kind", "module"));
        assertEquals(Map.of("answer", 42, "list", List.of(1, 2)), result.get("value"));
        Map<String, Object> named = vals.run(
                "export const config = { x: 1 }; export default () => 2",
                Map.of("kind", "function", "export", "config"));
        assertEquals(Map.of("x", 1), named.get("value"), named::toString);
        assertEquals(
                "z",
                value("export const y = 'z';"),
                "a script whose only export is a value answers that value (issue 13)");
    }

    @Test
    void compileReportsEveryImportAsWritten() {
        Transpiler.Compilation compilation = Vals.compile("import a from 'https://esm.town/v/bob/a?v=3';\n"
                + "import { b } from 'npm:left-pad';\nexport * from './c';\n"
                + "export default async () => (await import('https://esm.town/v/std/blob')).x;");
        assertTrue(compilation.ok(), compilation.diagnostics()::toString);
        assertEquals(
                List.of("https://esm.town/v/bob/a?v=3", "npm:left-pad", "./c", "https://esm.town/v/std/blob"),
                compilation.imports());
    }

    @Test
    void syntaxErrorsReportLineAndColumn() {
        Transpiler.Compilation compilation = Vals.compile("const a = 1;\nconst b = ;\n");
        assertFalse(compilation.ok());
        assertEquals("", compilation.code());
        Map<String, Object> first = compilation.diagnostics().get(0);
        assertEquals(2, first.get("line"));
        assertEquals(11, first.get("column"));
        assertEquals("Expression expected.", first.get("message"));
    }

    @Test
    void brokenInputThatCrashesTypeScriptIsASyntaxError() {
        Transpiler.Compilation compilation = Vals.compile("export default function (a { return (a ");
        assertFalse(compilation.ok());
        assertFalse(compilation.diagnostics().isEmpty());
    }

    @Test
    void hostileNestingIsACompileErrorNotACrash() {
        Transpiler.Compilation compilation = Vals.compile("export default " + "(".repeat(100_000) + "1");
        assertFalse(compilation.ok());
        assertEquals("ok", vals.call("export default () => 'fine'").get("status"));
    }

    @Test
    void compiledCodeChecksTheDeadlineInLoopsAndFunctions() {
        String code = Vals.compile("export function f() { for (const x of [1]) {} while (false) {} }")
                .code();
        assertEquals(3, code.split("__chk\\(\\)", -1).length - 1, code);
        assertTrue(code.contains("__caught") == false, code);
        String withCatch = Vals.compile("export function g() { try { return 1 } catch (e) { return e } }")
                .code();
        assertTrue(withCatch.contains("var e = __caught(caught_1)"), withCatch);
    }
}
