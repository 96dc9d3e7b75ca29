package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-vals yardstick of issue 11: every case of {@code realvals/cases.json} (public vals written by other
 * people, see realvals/README.md) runs in Valbox, in-process through the worker's own classes, and in Deno 2.9,
 * and the two answers must be the same. A case that differs fails unless {@code known-differences.txt} lists it
 * with its reason; a listed case that agrees fails too, so that the list only shrinks. Deno runs once, for all
 * cases (deno-driver.ts).
 */
class RealValsIT {

    private static final Path DIR =
            Path.of(System.getProperty("valbox.realvals.dir", "src/test/resources/dev/valbox/runner/realvals"));
    private static final Path DENO = Path.of(System.getProperty("valbox.deno", "target/deno/node_modules/.bin/deno"));
    private static final JSON JSON_TEXT = JSON.std;

    /**
     * The std spellings the server maps to the worker's own modules (ejb-module ImportSpecifier: its PATH grammar
     * with user std and STD_MODULE): keep the two in step. Group 1 the module, 2 a pin {@code @N} or {@code
     * @N-main}, 3 a pin {@code ?v=N}; an entry file ({@code /main.ts}, {@code /mod.ts}, {@code /index.tsx}…) may
     * follow the name. A version given twice matches nothing, as on the server. Any other spelling stays unmapped
     * and the val gets the worker's "Cannot import" error, as a saved val would.
     */
    static final Pattern STD = Pattern.compile("https://esm\\.town/v/std/(blob|sqlite|email|fetch|API_URL)"
            + "(?:@(\\d{1,9})(?:-main)?)?"
            + "(?:/(?:main|mod|index)\\.(?:ts|tsx|js|jsx))?"
            + "(?:\\?v=(\\d{1,9}))?");

    /** The worker's module key ({@code std:sqlite}) for a std spelling the server accepts, or null. */
    static String standardLibrary(String specifier) {
        var std = STD.matcher(specifier);
        return std.matches() && (std.group(2) == null || std.group(3) == null) ? "std:" + std.group(1) : null;
    }

    private static final Map<String, Boolean> AGREED = new ConcurrentHashMap<>();
    private static final Map<String, String> DIFFERENCES = new ConcurrentHashMap<>();
    private static long denoMs;
    private static long startNanos;

    private final Globals globals = new Globals(Sandbox.get(), 64);
    /** The test plays a server without storage: every std host call is refused, as the Deno stand-ins refuse. */
    private final HostCalls calls = new HostCalls(this::refuse);

    /**
     * Every corpus file compiled once per test run, whichever cases import it: TypeScript in Nashorn is what this
     * test spends its time on.
     */
    private static final Map<String, Transpiler.Compilation> COMPILED = new ConcurrentHashMap<>();

    private static long compileNanos;

    @TestFactory
    Stream<DynamicTest> realValsAgreeWithDeno() throws Exception {
        startNanos = System.nanoTime();
        Map<String, Object> spec = JSON_TEXT.mapFrom(Files.readString(DIR.resolve("cases.json")));
        Map<String, Object> deno = runDeno();
        Map<String, String> known = knownDifferences();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) spec.get("cases");
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) spec.get("env");
        for (String id : known.keySet()) {
            assertTrue(
                    cases.stream().anyMatch(c -> id.equals(c.get("id"))),
                    () -> "known-differences.txt lists " + id + ", which is not a case");
        }
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> {
                    String id = (String) c.get("id");
                    Object expected = deno.get(id);
                    Object actual = valbox(c, env);
                    String want = normalise(c, canonical(expected));
                    String got = normalise(c, canonical(actual));
                    boolean agreed = want.equals(got);
                    AGREED.put(id, agreed);
                    if (!agreed) {
                        DIFFERENCES.put(id, got);
                    }
                    if (known.containsKey(id)) {
                        assertTrue(
                                !agreed,
                                id + " now gives Deno's answer: remove it from known-differences.txt (" + known.get(id)
                                        + ")");
                    } else if (!agreed) {
                        fail(id + " differs from Deno 2.9 (" + c.get("val") + ")\n   deno: " + want + "\n valbox: "
                                + got);
                    }
                }));
    }

    @AfterAll
    static void report() {
        long agreed = AGREED.values().stream().filter(b -> b).count();
        Map<String, Boolean> valAgrees = new TreeMap<>();
        AGREED.forEach((id, ok) -> valAgrees.merge(id.substring(0, id.indexOf('/')), ok, Boolean::logicalAnd));
        long vals = valAgrees.values().stream().filter(b -> b).count();
        System.out.printf(
                "Real vals: %d of %d cases gave Deno's answer (%.1f %%); %d of %d vals passed all their cases."
                        + " Deno %d ms; Valbox compiled %d files in %d ms; whole test %d ms (test JVM's CPU time so far"
                        + " %d ms: on a loaded machine the wall time says more about the neighbours).%n",
                agreed,
                AGREED.size(),
                AGREED.isEmpty() ? 0.0 : 100.0 * agreed / AGREED.size(),
                vals,
                valAgrees.size(),
                denoMs,
                COMPILED.size(),
                TimeUnit.NANOSECONDS.toMillis(compileNanos),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                TimeUnit.NANOSECONDS.toMillis(
                        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime()));
        if (Boolean.getBoolean("valbox.realvals.print")) {
            new TreeMap<>(DIFFERENCES).forEach((id, got) -> System.out.println("DIFF " + id + " " + abbreviate(got)));
        }
    }

    /** All cases in one Deno process; its answers by case id. */
    private static Map<String, Object> runDeno() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(DENO), () -> DENO + " is missing: the build installs it (npm deno@2.9.6)");
        Path out = Files.createTempFile("realvals-deno", ".json");
        Path denoDir = Path.of("target", "deno-dir").toAbsolutePath();
        long start = System.nanoTime();
        var builder = new ProcessBuilder(
                        DENO.toAbsolutePath().toString(),
                        "run",
                        "--no-remote",
                        "--no-npm",
                        "--no-config",
                        "--no-lock",
                        "--import-map=deno-import-map.json",
                        "--allow-env",
                        "--allow-read=.",
                        "--allow-write=" + out,
                        "deno-driver.ts",
                        "cases.json",
                        out.toString())
                .directory(DIR.toFile())
                .redirectErrorStream(true);
        // Val Town runs vals in UTC; the worker's clock is UTC too.
        builder.environment().put("TZ", "UTC");
        builder.environment().put("DENO_DIR", denoDir.toString());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "deno did not finish");
        denoMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, process.exitValue(), () -> "deno failed:\n" + log);
        try {
            return JSON_TEXT.mapFrom(Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** {@code <case id> | <reason>} lines; # starts a comment. */
    private static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("known-differences.txt"))) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int bar = text.indexOf('|');
            assertTrue(bar > 0 && !text.substring(bar + 1).isBlank(), () -> "needs `id | reason`: " + line);
            known.put(text.substring(0, bar).strip(), text.substring(bar + 1).strip());
        }
        return known;
    }

    /** The case run in Valbox, shaped as deno-driver.ts shapes Deno's answer. */
    private Map<String, Object> valbox(Map<String, Object> testCase, Map<String, String> env) throws IOException {
        String entry = (String) testCase.get("val");
        List<ValModule> modules = new ArrayList<>();
        String failure = load(entry, modules, new LinkedHashMap<>());
        if (failure != null) {
            return Map.of("error", Map.of("name", "SyntaxError", "message", failure));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> call = new LinkedHashMap<>((Map<String, Object>) testCase.get("call"));
        if ("http".equals(call.get("kind"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) call.get("request"));
            Object body = request.get("body");
            request.put(
                    "body",
                    body == null
                            ? null
                            : Base64.getEncoder().encodeToString(((String) body).getBytes(StandardCharsets.UTF_8)));
            call.put("request", request);
        }
        var evaluation = new Evaluation(
                "realvals",
                modules.get(0).key(),
                modules,
                call,
                env,
                false,
                Vals.limits(10_000, false),
                calls,
                Fetcher.standard());
        Map<String, Object> result = Vals.onThread(() -> evaluation.run(globals), Worker.RUN_STACK_BYTES);
        if (!"ok".equals(result.get("status"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) result.get("error");
            return Map.of("error", Map.of("name", error.get("name"), "message", error.get("message")));
        }
        Object value = result.get("value");
        if ("http".equals(call.get("kind")) && value instanceof Map<?, ?> response) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("status", response.get("status"));
            shaped.put("headers", response.get("headers"));
            shaped.put(
                    "body",
                    new String(Base64.getDecoder().decode((String) response.get("body")), StandardCharsets.UTF_8));
            value = shaped;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("value", value);
        return answer;
    }

    /**
     * Compiles {@code path} and, depth first, every module it imports: relative specifiers name files of the
     * corpus (Val Town project files), std spellings map as the server maps them. Returns the first compile
     * failure, or null.
     */
    private String load(String path, List<ValModule> modules, Map<String, String> seen) throws IOException {
        if (seen.containsKey(path)) {
            return null;
        }
        seen.put(path, key(path));
        Transpiler.Compilation compilation = COMPILED.get(path);
        if (compilation == null) {
            long start = System.nanoTime();
            compilation = Vals.compile(Files.readString(DIR.resolve(path)));
            long took = System.nanoTime() - start;
            compileNanos += took;
            if (Boolean.getBoolean("valbox.realvals.print")) {
                System.out.printf("COMPILE %s %d ms%n", path, TimeUnit.NANOSECONDS.toMillis(took));
            }
            COMPILED.put(path, compilation);
        }
        if (!compilation.ok()) {
            return path + ": " + compilation.diagnostics();
        }
        Map<String, String> imports = new LinkedHashMap<>();
        ValModule module = new ValModule(key(path), compilation.code(), imports);
        modules.add(module);
        for (String specifier : compilation.imports()) {
            String std = standardLibrary(specifier);
            if (std != null) {
                imports.put(specifier, std);
            } else if (specifier.startsWith("./") || specifier.startsWith("../")) {
                String target = DIR.relativize(
                                DIR.resolve(path).getParent().resolve(specifier).normalize())
                        .toString()
                        .replace('\\', '/');
                imports.put(specifier, key(target));
                String failure = load(target, modules, seen);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    /** Module keys name immutable code: the corpus path is enough within one test run. */
    private static String key(String path) {
        return "realvals:" + path;
    }

    private void refuse(Map<String, Object> frame) {
        Object callId = frame.get("callId");
        String service = String.valueOf(frame.get("service"));
        CompletableFuture.runAsync(() -> calls.reply(Map.of(
                "callId",
                callId,
                "ok",
                false,
                "error",
                Map.of("name", "Error", "message", service + " is not available in the real-vals test"))));
    }

    /** JSON with object keys sorted, so that key order (which the two engines may differ in) does not count. */
    static String canonical(Object value) throws IOException {
        return JSON_TEXT.asString(sorted(value));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RealValsIT::sorted).toList();
        }
        if (value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return n.longValue();
        }
        return value;
    }

    /** The case's own {@code normalize} pairs (regex, replacement), for what is inherently different per run. */
    private static String normalise(Map<String, Object> testCase, String json) {
        @SuppressWarnings("unchecked")
        List<List<String>> rules = (List<List<String>>) testCase.getOrDefault("normalize", List.of());
        for (List<String> rule : rules) {
            json = json.replaceAll(rule.get(0), java.util.regex.Matcher.quoteReplacement(rule.get(1)));
        }
        return json;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
