package dev.valbox.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JS sources of the runtime, read from resources and patched where PROTOCOL.md and vendor/README.md say. */
final class Prelude {

    static final String TYPESCRIPT = "/META-INF/resources/webjars/typescript/4.9.4/lib/typescript.js";
    static final String TSLIB = "/META-INF/resources/webjars/tslib/2.6.2/tslib.js";

    private static final Pattern CATCH_CLAUSE = Pattern.compile("catch \\((\\w+)\\) \\{");

    private Prelude() {}

    static String js(String name) {
        return resource("/dev/valbox/runner/js/" + name);
    }

    /** A runtime source that may be absent (standard library modules are looked up by name). */
    static Optional<String> optionalJs(String name) {
        return Prelude.class.getResource("/dev/valbox/runner/js/" + name) == null
                ? Optional.empty()
                : Optional.of(js(name));
    }

    static String resource(String path) {
        try (InputStream in = Prelude.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives a library written as a browser script a scope of its own, so that its top-level functions do
     * not become globals (lockdown.js would delete them from under it).
     */
    static String scoped(String source) {
        return "(function () {\n" + source + "\n}).call(this);";
    }

    /**
     * A library whose catch blocks may forward what they caught to val code (promise rejections, the
     * awaiter): route each caught value through {@code __caught} first.
     */
    static String withCaughtErrors(String source) {
        Matcher m = CATCH_CLAUSE.matcher(source);
        if (!m.find()) {
            throw new IllegalStateException("no catch clause to patch: has the vendored library changed?");
        }
        return m.replaceAll("catch ($1) { $1 = __caught($1);");
    }

    /**
     * url.js with the vendored core-js URL polyfill as the body of its factory, which url.js runs on first use
     * of URL or URLSearchParams.
     */
    static String lazyUrl() {
        String loader = js("url.js");
        String site = "\n// core-js-url.js\n";
        if (loader.indexOf(site) < 0 || loader.indexOf(site) != loader.lastIndexOf(site)) {
            throw new IllegalStateException("url.js has no single place for the polyfill");
        }
        return loader.replace(site, "\n" + js("vendor/core-js-url.js") + "\n");
    }

    /**
     * TypeScript 4.9 renames overload functions with {@code Object.defineProperty(fn, "name", …)}, which
     * Nashorn refuses because a function's name is not configurable there. The rename is cosmetic.
     */
    static String typescript() {
        String source = resource(TYPESCRIPT);
        String site =
                "Object.defineProperty(call, \"name\", __assign(__assign({}, Object.getOwnPropertyDescriptor(call, \"name\")), { value: name }));";
        if (!source.contains(site)) {
            throw new IllegalStateException("typescript.js patch site not found");
        }
        return source.replace(site, "try { " + site + " } catch (ignored) {}");
    }
}
