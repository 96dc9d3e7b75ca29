package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * npm package files in a val's Global (PROTOCOL.md, "npm packages"): compiled with the compile op's kind "package",
 * run as CommonJS with Node's module scope, linked only through their imports maps, with the worker's node:
 * built-ins, and held to the val's sandbox and limits.
 */
class PackageModulesTest {

    private final Vals vals = new Vals();

    /** A package file compiled as the compile op does for kind "package"; it must compile. */
    static ValModule file(String key, String source, Map<String, String> imports) {
        Transpiler.Compilation compilation = compilePackage(source, key);
        assertTrue(compilation.ok(), () -> "compile failed: " + compilation.diagnostics());
        return new ValModule(key, compilation.code(), imports);
    }

    static Transpiler.Compilation compilePackage(String source, String key) {
        Transpiler ts = Vals.transpiler();
        return Vals.onThread(() -> ts.compilePackage(source, key), Worker.COMPILER_STACK_BYTES);
    }

    /** Runs the val (default export called with no arguments) with the package files; answers the result. */
    private Map<String, Object> run(String val, Map<String, String> imports, ValModule... files) {
        List<ValModule> modules = new ArrayList<>();
        modules.add(Vals.module(Vals.keyOf(val + imports), val, imports));
        modules.addAll(List.of(files));
        return vals.run(modules, Map.of("kind", "function"), Map.of(), 5000);
    }

    private Object value(String val, Map<String, String> imports, ValModule... files) {
        Map<String, Object> result = run(val, imports, files);
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    private String error(String val, Map<String, String> imports, ValModule... files) {
        Map<String, Object> result = run(val, imports, files);
        assertEquals("error", result.get("status"), () -> "run did not fail: " + result);
        @SuppressWarnings("unchecked")
        var error = (Map<String, Object>) result.get("error");
        return error.get("name") + ": " + error.get("message");
    }

    private static final String LIB = "npm:lib@1.0.0/index.js";

    // --- compile ---------------------------------------------------------------------------------------------

    @Test
    void compileListsStaticImportsAndLiteralRequiresInOrderWithoutDuplicates() {
        var compilation = compilePackage(
                "import a from './a.js';\nexport * from 'b';\nexport { c } from \"./c.js\";\n"
                        + "const d = require('d'); function later() { return require(`./e`) + require('d'); }\n"
                        + "const dynamic = require(d.name); import('./lazy.js');\nexport default a;",
                "npm:x@1.0.0/index.mjs");
        assertTrue(compilation.ok(), () -> compilation.diagnostics().toString());
        assertEquals(List.of("./a.js", "b", "./c.js", "d", "./e"), compilation.imports());
    }

    @Test
    void compileKeepsCommonJsAndLowersModernSyntax() {
        var compilation = compilePackage(
                "'use strict';\nclass A { #x = 1; get x() { return this.#x } }\nmodule.exports = { a: () => new A().x ?? 0 };",
                LIB);
        assertTrue(compilation.ok(), () -> compilation.diagnostics().toString());
        assertFalse(compilation.code().contains("__esModule"), compilation.code());
        assertFalse(compilation.code().contains("class A"), compilation.code());
        assertTrue(compilation.code().contains("__chk()"), "deadline checks are injected");
    }

    @Test
    void diagnosticsNameTheFile() {
        var compilation = compilePackage("module.exports = function ( {", "npm:broken@2.0.0/lib/bad.js");
        assertFalse(compilation.ok());
        var first = compilation.diagnostics().get(0);
        assertEquals("npm:broken@2.0.0/lib/bad.js", first.get("file"));
        assertTrue(first.get("message").toString().startsWith("npm:broken@2.0.0/lib/bad.js: "), first.toString());
        var json = compilePackage("{\"a\": ", "npm:broken@2.0.0/package.json");
        assertFalse(json.ok());
        assertTrue(json.diagnostics().get(0).get("message").toString().startsWith("npm:broken@2.0.0/package.json: "));
    }

    @Test
    void plainEs5FilesAreInstrumentedInPlaceKeepingTheirLines() {
        String source =
                "'use strict';\nvar dep = require('dep'), again = require(\"dep\"), other = require('./other');\n"
                        + "function strict() { 'use strict'; return this === undefined; }\n"
                        + "module.exports = { strict: strict(), get spin() { for (;;) {} },\n"
                        + "  count: function () { var n = 0, m = 0; for (var i = 0; i < 4; i++) { if (i % 2) n++; else m++; }\n"
                        + "    var k = 0; while (k < 2) { while (k < 2) { k++; } } do { k--; } while (k > 0); return [n, m, k]; },\n"
                        + "  deep: function () { function r() { return r() + 1; } try { return r(); } catch (e) { return e instanceof RangeError && e.message; } },\n"
                        + "  empty: function () {} };";
        var compilation = compilePackage(source, LIB);
        assertTrue(compilation.ok(), () -> compilation.diagnostics().toString());
        assertEquals(List.of("dep", "./other"), compilation.imports());
        assertEquals(source.split("\n").length, compilation.code().split("\n").length, compilation.code());
        assertTrue(compilation.code().contains("catch (e) {e = __caught(e); return"), compilation.code());
        // A loop body without braces leaves the file to the transpiler (Es5Instrumentation says why).
        assertFalse(compilePackage("for (;;) x();", LIB).code().startsWith("for (;;) x();"));
        var lib = new ValModule(
                LIB, compilation.code(), Map.of("dep", "npm:dep@1.0.0/index.js", "./other", "npm:dep@1.0.0/index.js"));
        var dep = file("npm:dep@1.0.0/index.js", "module.exports = 1;", Map.of());
        assertEquals(
                List.of(true, List.of(2, 2, 0), "Maximum call stack size exceeded"),
                value(
                        "import lib from 'lib'; export default () => [lib.strict, lib.count(), lib.deep()];",
                        Map.of("lib", LIB),
                        lib,
                        dep));
        Map<String, Object> spin = vals.run(
                List.of(
                        Vals.module(
                                "val:getter-spin",
                                "import lib from 'lib'; export default () => lib.spin;",
                                Map.of("lib", LIB)),
                        lib,
                        dep),
                Map.of("kind", "function"),
                Map.of(),
                500);
        assertEquals("timeout", spin.get("status"), spin::toString);
    }

    @Test
    void valCompileStillRefusesNothingNewAndPackageCompileNeedsNoTypes() {
        // Type syntax is TypeScript, not JavaScript: a package file with it does not compile.
        assertFalse(
                compilePackage("const x: number = 1; module.exports = x;", LIB).ok());
    }

    // --- the CommonJS wrapper --------------------------------------------------------------------------------

    @Test
    void packageModulesGetNodesModuleScope() {
        var lib = file(
                LIB,
                "module.exports = { scope: [typeof exports, typeof require, typeof module, __filename, __dirname,"
                        + " global === globalThis, process.env.NODE_ENV, Object.keys(process.env).length,"
                        + " typeof process.nextTick, process.versions.node.split('.').length, process.platform,"
                        + " process.cwd(), process.argv.length, typeof Buffer.from, typeof setImmediate,"
                        + " typeof clearImmediate, this === module.exports, module.id, typeof MessageChannel] };",
                Map.of());
        assertEquals(
                List.of(
                        "object",
                        "function",
                        "object",
                        "/index.js",
                        "/",
                        true,
                        "production",
                        1,
                        "function",
                        3,
                        "linux",
                        "/",
                        0,
                        "function",
                        "function",
                        "function",
                        true,
                        LIB,
                        "function"),
                value("import lib from 'lib'; export default () => lib.scope;", Map.of("lib", LIB), lib));
    }

    @Test
    void theValsOwnProcessAndGlobalsAreNotThePackages() {
        var lib = file(LIB, "process.env.ADDED = 'by the package'; module.exports = process;", Map.of());
        assertEquals(
                List.of(false, false, "undefined", "undefined", "undefined"),
                value(
                        "import p from 'lib';\n"
                                + "export default () => [p === process, 'ADDED' in process.env, typeof Buffer,"
                                + " typeof global, typeof setImmediate];",
                        Map.of("lib", LIB),
                        lib));
    }

    @Test
    void nextTickAndSetImmediateRunCallbacksInOrder() {
        var lib = file(
                LIB,
                "module.exports = () => new Promise(resolve => { const seen = [];\n"
                        + "  setImmediate((x) => { seen.push(x); resolve(seen); }, 'immediate');\n"
                        + "  process.nextTick((x) => seen.push(x), 'tick');\n"
                        + "  Promise.resolve().then(() => seen.push('promise')); });",
                Map.of());
        assertEquals(
                List.of("tick", "promise", "immediate"),
                value("import f from 'lib'; export default () => f();", Map.of("lib", LIB), lib));
    }

    @Test
    void messageChannelDeliversToTheOtherPortAsAMacrotask() {
        var lib = file(
                LIB,
                "module.exports = () => new Promise(resolve => { const seen = []; const channel = new MessageChannel();\n"
                        + "  channel.port1.onmessage = (event) => { seen.push('message:' + event.data); resolve(seen); };\n"
                        + "  channel.port2.postMessage('hi'); Promise.resolve().then(() => seen.push('microtask')); });",
                Map.of());
        assertEquals(
                List.of("microtask", "message:hi"),
                value("import f from 'lib'; export default () => f();", Map.of("lib", LIB), lib));
    }

    @Test
    void renamingAFunctionIsSkippedInsteadOfFailing() {
        // Nashorn's function names are not configurable; zod renames its classes this way when it loads.
        var lib = file(
                LIB,
                "function Definition() {} module.exports = Object.defineProperty(Definition, 'name', { value: 'Other' }) === Definition;",
                Map.of());
        assertEquals(true, value("import ok from 'lib'; export default () => ok;", Map.of("lib", LIB), lib));
        assertEquals(
                "TypeError",
                vals.value("export default () => { try { Object.defineProperty(Object.freeze({}), 'x', { value: 1 }); }"
                        + " catch (e) { return e.name; } }"));
    }

    @Test
    void requireChainsFollowEachModulesImportsMap() {
        var a = file(
                "npm:a@1.0.0/index.js",
                "module.exports = 'a>' + require('./util');",
                Map.of("./util", "npm:a@1.0.0/util.js"));
        var util = file(
                "npm:a@1.0.0/util.js", "module.exports = 'util>' + require('b');", Map.of("b", "npm:b@2.0.0/main.js"));
        var b = file("npm:b@2.0.0/main.js", "exports.toString = () => 'b'; module.exports = 'b';", Map.of());
        assertEquals(
                "a>util>b",
                value(
                        "import a from 'npm:a'; export default () => a;",
                        Map.of("npm:a", "npm:a@1.0.0/index.js"),
                        a,
                        util,
                        b));
    }

    @Test
    void cyclesGetThePartialExportsAsInNode() {
        // Node's own example (modules.md, "Cycles").
        var a = file(
                "npm:cyc@1.0.0/a.js",
                "exports.done = false; const b = require('./b.js');\n"
                        + "exports.log = ['in a, b.done = ' + b.done].concat(b.log); exports.done = true;",
                Map.of("./b.js", "npm:cyc@1.0.0/b.js"));
        var b = file(
                "npm:cyc@1.0.0/b.js",
                "exports.done = false; const a = require('./a.js');\n"
                        + "exports.log = ['in b, a.done = ' + a.done]; exports.done = true;",
                Map.of("./a.js", "npm:cyc@1.0.0/a.js"));
        assertEquals(
                List.of("in a, b.done = true", "in b, a.done = false", true),
                value(
                        "import a from 'cyc'; export default () => a.log.concat([a.done]);",
                        Map.of("cyc", "npm:cyc@1.0.0/a.js"),
                        a,
                        b));
    }

    @Test
    void aModuleThatThrowsWhileLoadingIsLoadedAgainOnTheNextRequire() {
        var flaky = file(
                "npm:flaky@1.0.0/index.js",
                "global.__tries = (global.__tries || 0) + 1; if (global.__tries === 1) throw new Error('first');"
                        + " module.exports = global.__tries;",
                Map.of());
        var lib = file(
                LIB,
                "module.exports = () => { try { require('flaky'); } catch (e) { return [e.message, require('flaky')]; } };",
                Map.of("flaky", "npm:flaky@1.0.0/index.js"));
        assertEquals(
                List.of("first", 2),
                value("import f from 'lib'; export default () => f();", Map.of("lib", LIB), lib, flaky));
    }

    @Test
    void jsonFilesExportTheirValue() {
        var json = file(
                "npm:data@1.0.0/package.json",
                "{\"name\": \"data\", \"__proto__\": {\"x\": 1}, \"list\": [1, 2]}",
                Map.of());
        assertEquals(
                List.of("data", 2, true, false),
                value(
                        "import pkg from 'data/package.json';\n"
                                + "export default () => [pkg.name, pkg.list.length, Object.prototype.hasOwnProperty.call(pkg, '__proto__'),"
                                + " 'x' in Object.prototype];",
                        Map.of("data/package.json", "npm:data@1.0.0/package.json"),
                        json));
    }

    // --- interop -----------------------------------------------------------------------------------------------

    @Test
    void aDefaultImportOfCommonJsIsModuleExportsAndNamedImportsAreItsProperties() {
        var lib = file(LIB, "function f() { return 'called'; } f.extra = 'prop'; module.exports = f;", Map.of());
        assertEquals(
                List.of("called", "prop", "called", "prop"),
                value(
                        "import f, { extra } from 'lib'; import * as ns from 'lib';\n"
                                + "export default () => [f(), extra, ns.default(), ns.extra];",
                        Map.of("lib", LIB),
                        lib));
    }

    @Test
    void aCommonJsModuleMarkedEsModuleGivesItsDefault() {
        var lib = file(
                LIB,
                "Object.defineProperty(exports, '__esModule', { value: true }); exports.default = 'the default'; exports.named = 'n';",
                Map.of());
        assertEquals(
                List.of("the default", "n"),
                value("import d, { named } from 'lib'; export default () => [d, named];", Map.of("lib", LIB), lib));
    }

    @Test
    void packageEsModulesAreLoweredAndImportCommonJsAsNodeDoes() {
        var esm = file(
                "npm:esm@1.0.0/index.mjs",
                "import cjs, { half } from './cjs.js';\nexport const both = cjs.whole + '+' + half;\n"
                        + "export default function hello(name) { return `hello ${name}`; }",
                Map.of("./cjs.js", "npm:esm@1.0.0/cjs.js"));
        var cjs = file("npm:esm@1.0.0/cjs.js", "module.exports = { whole: 'w', half: 'h' };", Map.of());
        assertEquals(
                List.of("hello val", "w+h"),
                value(
                        "import hello, { both } from 'esm'; export default () => [hello('val'), both];",
                        Map.of("esm", "npm:esm@1.0.0/index.mjs"),
                        esm,
                        cjs));
    }

    // --- built-ins -------------------------------------------------------------------------------------------

    private Object builtins(String body) {
        var lib = file(
                LIB,
                "const { Buffer } = require('buffer'); const EventEmitter = require('node:events');\n"
                        + "const util = require('util'); const path = require('path'); const url = require('url');\n"
                        + "const qs = require('querystring'); const { StringDecoder } = require('string_decoder');\n"
                        + "module.exports = () => { " + body + " };",
                Map.of(
                        "buffer", "node:buffer",
                        "node:events", "node:events",
                        "util", "node:util",
                        "path", "node:path",
                        "url", "node:url",
                        "querystring", "node:querystring",
                        "string_decoder", "node:string_decoder"));
        return value("import f from 'lib'; export default () => f();", Map.of("lib", LIB), lib);
    }

    @Test
    void bufferEncodesAndDecodes() {
        assertEquals(
                List.of(
                        "68c3a96c6c6f",
                        "aMOpbGxv",
                        "héllo",
                        "aGk_Pz8",
                        "hi???",
                        6,
                        true,
                        "<3",
                        "bG8=",
                        513,
                        258,
                        "7b",
                        "{\"type\":\"Buffer\",\"data\":[1,2]}",
                        5,
                        "hé",
                        true),
                builtins("const b = Buffer.from('héllo');\n"
                        + "const w = Buffer.alloc(4); w.writeUInt16BE(513, 0); w.writeUInt16LE(258, 2);\n"
                        + "return [b.toString('hex'), b.toString('base64'), Buffer.from('aMOpbGxv', 'base64').toString(),"
                        + " Buffer.from('hi???').toString('base64url'), Buffer.from('aGk_Pz8', 'base64url').toString('latin1'),"
                        + " b.length, Buffer.isBuffer(b.slice(1)) && b instanceof Uint8Array,"
                        + " Buffer.concat([Buffer.from('<'), Buffer.from([51])]).toString(),"
                        + " b.slice(4).toString('base64').replace('bw', 'bG8') ? Buffer.from('lo').toString('base64') : '',"
                        + " w.readUInt16BE(0), w.readUInt16LE(2), Buffer.from([0x7b]).toString('hex'),"
                        + " JSON.stringify(Buffer.from([1, 2])), Buffer.from('héllo').indexOf('o'),"
                        + " Buffer.from('68c3a9', 'hex').toString(), Buffer.from('abc').equals(Buffer.from('abc'))];"));
    }

    @Test
    void eventEmitterCallsListenersInOrderOnceAndThrowsUnhandledErrors() {
        assertEquals(
                List.of("a:1", "once:1", "b:1", "a:2", "b:2", 2, "boom", List.of("x")),
                builtins("const e = new EventEmitter(); const seen = [];\n"
                        + "e.on('x', v => seen.push('a:' + v)); e.once('x', v => seen.push('once:' + v));"
                        + " const b = v => seen.push('b:' + v); e.on('x', b);\n"
                        + "e.emit('x', 1); e.emit('x', 2); seen.push(e.listenerCount('x'));\n"
                        + "try { e.emit('error', new Error('boom')); } catch (err) { seen.push(err.message); }\n"
                        + "e.off('x', b); seen.push(e.eventNames()); return seen;"));
    }

    @Test
    void utilFormatsInheritsAndPromisifies() {
        assertEquals(
                List.of("a 1 {\"b\":2} 50% extra", true, "done:3", "{ a: 1, b: [ 'x' ] }", true, false),
                builtins("function A() {} function B() {} util.inherits(B, A);\n"
                        + "const later = util.promisify((n, cb) => setImmediate(cb, null, 'done:' + n));\n"
                        + "return later(3).then(v => [util.format('%s %d %j 50%% ', 'a', 1, {b: 2}) + 'extra', new B() instanceof A, v,"
                        + " util.inspect({a: 1, b: ['x']}), util.isDeepStrictEqual({a: [1]}, {a: [1]}),"
                        + " util.isDeepStrictEqual({a: 1}, {a: '1'})]);"));
    }

    @Test
    void pathUrlQuerystringAndStringDecoder() {
        assertEquals(
                List.of(
                        "/a/c/d.js",
                        "/x/y",
                        "d.js",
                        ".js",
                        "/a/c",
                        "../b",
                        "a/b",
                        "/files/a b.txt",
                        "https://h.test/p?q=1",
                        "h.test",
                        "a=1&a=2&b=x%20y",
                        "x y",
                        List.of("1", "2"),
                        "é€",
                        "€"),
                builtins("const d = new StringDecoder('utf8'); const euro = Buffer.from('€');\n"
                        + "const split = d.write(Buffer.from('é').slice(0, 1)) + d.write(Buffer.concat([Buffer.from('é').slice(1), euro.slice(0, 2)]))"
                        + " + d.end(euro.slice(2));\n"
                        + "return [path.join('/a/b', '../c', './d.js'), path.resolve('/x', 'y'), path.basename('/a/d.js'),"
                        + " path.extname('d.js'), path.dirname('/a/c/d.js'), path.relative('/a/c', '/a/b'),"
                        + " path.posix.normalize('a/./b'), url.fileURLToPath('file:///files/a%20b.txt'),"
                        + " url.format(url.parse('https://h.test/p?q=1')), url.parse('https://h.test:80/x').hostname,"
                        + " qs.stringify({a: [1, 2], b: 'x y'}), qs.parse('b=x+y').b, qs.parse('a=1&a=2').a, split,"
                        + " new StringDecoder().end(euro)];"));
    }

    @Test
    void anUnknownBuiltInFailsOnlyWhenRequired() {
        var lib = file(
                LIB,
                "module.exports = (need) => need ? require('fs').readFileSync('/etc/passwd') : 'fine without fs';",
                Map.of("fs", "node:fs"));
        assertEquals(
                "fine without fs",
                value("import f from 'lib'; export default () => f(false);", Map.of("lib", LIB), lib));
        assertEquals(
                "Error: package lib needs node:fs, which vals cannot use",
                error("import f from 'lib'; export default () => f(true);", Map.of("lib", LIB), lib));
    }

    @Test
    void requireOfAnUnresolvedSpecifierNamesThePackage() {
        var lib = file(
                "npm:@scope/lib@1.0.0/dist/index.js",
                "const name = 'dyn' + 'amic'; module.exports = require(name);",
                Map.of());
        assertEquals(
                "Error: package @scope/lib requires \"dynamic\", which was not resolved when the val was saved"
                        + " (only require() of a string literal is)",
                error(
                        "import x from 'lib'; export default () => x;",
                        Map.of("lib", "npm:@scope/lib@1.0.0/dist/index.js"),
                        lib));
    }

    // --- what the runtime lacks ------------------------------------------------------------------------------

    @Test
    void aPackageNeedingAMissingFeatureFailsNamingThePackageAndTheFeature() {
        for (var feature : Map.of(
                        "new Proxy({}, {})", "Proxy",
                        "new WebAssembly.Module(new Uint8Array(8))", "WebAssembly",
                        "new SharedArrayBuffer(8)", "SharedArrayBuffer",
                        "Atomics.load(new Int32Array(1), 0)", "Atomics",
                        "eval('1 + 1')", "eval (code generation from strings)",
                        "new Function('return 1')()", "the Function constructor (code generation from strings)",
                        "(function () {}).constructor('return 1')()",
                                "the Function constructor (code generation from strings)")
                .entrySet()) {
            var lib = file("npm:needy@3.1.0/index.js", "module.exports = () => " + feature.getKey() + ";", Map.of());
            assertEquals(
                    "package needy needs " + feature.getValue() + ", which the val runtime does not have",
                    error(
                                    "import f from 'needy'; export default () => f();",
                                    Map.of("needy", "npm:needy@3.1.0/index.js"),
                                    lib)
                            .replaceFirst("^\\w+: ", ""),
                    feature.getKey());
        }
    }

    @Test
    void featureDetectionStillSeesWhatIsMissing() {
        var lib = file(
                LIB,
                "module.exports = [typeof Proxy, typeof WebAssembly, typeof SharedArrayBuffer, typeof Atomics,"
                        + " typeof Function, Function.prototype === Object.getPrototypeOf(() => 1), (() => 1) instanceof Function];",
                Map.of());
        assertEquals(
                List.of("undefined", "undefined", "undefined", "undefined", "function", true, true),
                value("import x from 'lib'; export default () => x;", Map.of("lib", LIB), lib));
    }

    // --- hostile packages --------------------------------------------------------------------------------------

    @Test
    void aHostilePackageCannotReachJavaOrTheRuntime() {
        var lib = file(
                LIB,
                "const probes = {\n"
                        + "  Java: () => typeof Java, Packages: () => typeof Packages, host: () => typeof __host,\n"
                        + "  valbox: () => typeof __valbox, load: () => typeof load, engine: () => typeof engine,\n"
                        + "  ctor: () => (() => 1).constructor('return this')(),\n"
                        + "  fn: () => Function('return this')(),\n"
                        + "  javaType: () => Java.type('java.lang.System'),\n"
                        + "  bufferProto: () => typeof Buffer.prototype.constructor.constructor('return 1'),\n"
                        + "  requireJava: () => require('java.lang.System'),\n"
                        + "};\n"
                        + "module.exports = Object.keys(probes).map(k => { try { return k + ':' + probes[k](); }"
                        + " catch (e) { return k + '!' + e.name; } });",
                Map.of());
        assertEquals(
                List.of(
                        "Java:undefined",
                        "Packages:undefined",
                        "host:undefined",
                        "valbox:undefined",
                        "load:undefined",
                        "engine:undefined",
                        "ctor!TypeError",
                        "fn!Error",
                        "javaType!ReferenceError",
                        "bufferProto!TypeError",
                        "requireJava!Error"),
                value("import x from 'lib'; export default () => x;", Map.of("lib", LIB), lib));
    }

    @Test
    void aPackageChangesOnlyWhatAValCouldChangeAndLeavesTheGlobalsNamesAlone() {
        var lib = file(
                LIB,
                "module.exports = () => { try { globalThis['__' + 'chk'] = () => {}; } catch (e) {}\n"
                        + "  try { Object.defineProperty(globalThis, '__' + 'caught', { value: 1 }); } catch (e) {}\n"
                        + "  let n = 0; for (let i = 0; i < 30000; i++) n++; return n; };",
                Map.of());
        String val =
                "import f from 'lib'; export default () => [f(), Object.getOwnPropertyNames(globalThis).sort().join()];";
        @SuppressWarnings("unchecked")
        var answer = (List<Object>) value(val, Map.of("lib", LIB), lib);
        assertEquals(30000, answer.get(0));
        assertEquals(
                vals.value("export default () => Object.getOwnPropertyNames(globalThis).sort().join()"), answer.get(1));
    }

    @Test
    void theValsLimitsApplyToPackageCode() {
        var lib = file(LIB, "module.exports = () => { for (;;) {} };", Map.of());
        Map<String, Object> result = vals.run(
                List.of(
                        Vals.module("val:spin", "import f from 'lib'; export default () => f();", Map.of("lib", LIB)),
                        lib),
                Map.of("kind", "function"),
                Map.of(),
                500);
        assertEquals("timeout", result.get("status"), result::toString);
    }

    @Test
    void stackTracesNamePackageFilesAtTheirSourceLines() {
        var lib = file(LIB, "\n\nmodule.exports = function boom() {\n  throw new TypeError('bad');\n};", Map.of());
        Map<String, Object> result = run("import f from 'lib'; export default () => f();", Map.of("lib", LIB), lib);
        @SuppressWarnings("unchecked")
        var error = (Map<String, Object>) result.get("error");
        assertTrue(error.get("stack").toString().contains("(" + LIB + ":4)"), error::toString);
    }
}
