package dev.valbox.runner;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.nashorn.api.scripting.NashornException;
import org.openjdk.nashorn.api.tree.Diagnostic;
import org.openjdk.nashorn.api.tree.Parser;

/**
 * Parses compiled code the way the run will (inside the module wrapper, with the engine's own options) without
 * compiling or running it, so that syntax TypeScript's lowering leaves and Nashorn cannot parse (a RegExp flag, a
 * literal) is reported when the val is saved, at its source position, instead of failing every run. Not
 * thread-safe: used from the compiler thread only.
 */
final class EngineSyntax {

    /** A parse error in compiled code: 1-based line, 0-based column, and the engine's message. */
    record Error(long line, long column, String message) {}

    private final Parser parser = Parser.create("--language=es6", "--no-syntax-extensions");

    /** The first syntax error of the compiled module code, or null if the engine parses it. */
    Error check(String code) {
        List<Error> errors = new ArrayList<>();
        String wrapped = Sandbox.MODULE_HEAD + code + Sandbox.MODULE_TAIL;
        try {
            parser.parse("val.js", wrapped, diagnostic -> {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR && errors.isEmpty()) {
                    long line = diagnostic.getLineNumber();
                    long column = diagnostic.getColumnNumber() - (line == 1 ? Sandbox.MODULE_HEAD.length() : 0);
                    errors.add(new Error(line, Math.max(0, column), firstLine(diagnostic.getMessage())));
                }
            });
        } catch (NashornException | IllegalStateException | StackOverflowError failed) {
            return errors.isEmpty() ? new Error(1, 0, "the code could not be parsed") : errors.get(0);
        }
        return errors.isEmpty() ? null : errors.get(0);
    }

    /** "val.js:3:14 Unsupported RegExp flag: v" (then the source line and a caret) → "Unsupported RegExp flag: v". */
    private static String firstLine(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.replaceFirst("^val\\.js:\\d+:\\d+ ", "");
    }
}
