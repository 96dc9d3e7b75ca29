package dev.valbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings an operator can give are the ones {@code docs/operations.md} lists: every {@code valbox.*} key the
 * server's code reads is in its table, every key in the table is read somewhere, and where the code gives a key a
 * default, it gives one default, the one the table shows.
 */
class ConfigurationDocsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path[] SOURCES = {
        ROOT.resolve("ejb-module/src/main/java"), ROOT.resolve("web-module/src/main/java")
    };

    /** A string literal that is exactly a key, or a key in a {@code ${MPCONFIG=…}} placeholder. */
    private static final Pattern KEY_IN_CODE =
            Pattern.compile("\"(valbox\\.[a-z0-9.-]+[a-z0-9])\"|MPCONFIG=(valbox\\.[a-z0-9.-]+)}");

    private static final Pattern DEFAULT_IN_CODE = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"(valbox\\.[a-z0-9.-]+)\"\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\"");

    /** A row of the configuration table: its first cell names one or more keys, its second the default. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([^|]*) \\| ([^|]*) \\|");

    private static final Pattern KEY_IN_DOCS = Pattern.compile("`(valbox\\.[a-z0-9.-]+)`");

    @Test
    void everyKeyTheCodeReadsIsDocumentedAndEveryDocumentedKeyIsRead() {
        var inCode = keysInCode();
        var inDocs = documentedDefaults().keySet();
        var undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(inDocs);
        var unread = new TreeSet<>(inDocs);
        unread.removeAll(inCode);
        assertTrue(undocumented.isEmpty(), "read by the code but missing from docs/operations.md: " + undocumented);
        assertTrue(unread.isEmpty(), "listed in docs/operations.md but read by no code: " + unread);
    }

    @Test
    void aKeyHasOneDefaultAndTheDocsShowIt() {
        var documented = documentedDefaults();
        var defaults = new TreeMap<String, Set<String>>();
        sources().forEach(text -> {
            var m = DEFAULT_IN_CODE.matcher(text);
            while (m.find()) {
                defaults.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        });
        defaults.forEach((key, values) -> {
            assertEquals(1, values.size(), key + " has different defaults in the code: " + values);
            var shown = documented.get(key);
            var literal = shown == null ? null : Pattern.compile("^`([^`]*)`$").matcher(shown.trim());
            if (literal != null && literal.matches()) {
                assertEquals(literal.group(1), values.iterator().next(), "the default of " + key + " in the docs");
            }
        });
    }

    private static Set<String> keysInCode() {
        var keys = new TreeSet<String>();
        sources().forEach(text -> {
            var m = KEY_IN_CODE.matcher(text);
            while (m.find()) {
                keys.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        });
        return keys;
    }

    /** Each documented key with its table row's default cell. */
    private static Map<String, String> documentedDefaults() {
        var defaults = new TreeMap<String, String>();
        try (var lines = Files.lines(ROOT.resolve("docs/operations.md"))) {
            lines.map(TABLE_ROW::matcher).filter(java.util.regex.Matcher::find).forEach(row -> {
                var keys = KEY_IN_DOCS.matcher(row.group(1));
                while (keys.find()) {
                    defaults.put(keys.group(1), row.group(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(defaults.size() > 10, "the configuration table of docs/operations.md was not found");
        return defaults;
    }

    private static Stream<String> sources() {
        return Stream.of(SOURCES)
                .flatMap(dir -> {
                    try (var files = Files.walk(dir)) {
                        return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .map(file -> {
                    try {
                        return Files.readString(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
