package dev.valbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settings an operator can give are the ones {@code docs/operations.md} lists, and each is declared once. The keys
 * are read from the compiled classes of the EJB jar and the WAR: every {@code @ConfigProperty}, every
 * {@code ${MPCONFIG=…}} placeholder in an annotation, and every key string in a class that asks MicroProfile Config
 * itself ({@code Config.getValue} and the like). Every one of them is in the table, every key in the table is one of
 * them, a key is injected in one place (its owner, which others ask), it has at most one default (in that place, or
 * in {@code META-INF/microprofile-config.properties} when other settings are built from it), and the table shows that
 * default.
 */
class ConfigurationDocsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern KEY = Pattern.compile("valbox\\.[a-z0-9.-]*[a-z0-9]");
    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=(valbox\\.[a-z0-9.-]*[a-z0-9])}");

    /** A row of the configuration table: its first cell names one or more keys, its second the default. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([^|]*) \\| ([^|]*) \\|");

    private static final Pattern KEY_IN_DOCS = Pattern.compile("`(valbox\\.[a-z0-9.-]+)`");

    private static final Set<String> CONFIG_READS =
            Set.of("getValue", "getOptionalValue", "getConfigValue", "getValues", "getOptionalValues");

    /** Where a key is read, and the default given there. */
    record Read(String key, String where, String defaultValue) {}

    static JavaClasses server;

    @BeforeAll
    static void importTheServer() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.valbox");
        assertTrue(
                server.contain("dev.valbox.database.control.DataDirectory")
                        && server.contain("dev.valbox.hosting.boundary.HostRouting"),
                "both the EJB jar and the WAR are imported");
    }

    @Test
    void everyKeyTheServerReadsIsDocumentedAndEveryDocumentedKeyIsRead() {
        var inCode = new TreeSet<String>();
        injected().forEach(read -> inCode.add(read.key()));
        inCode.addAll(placeholders());
        inCode.addAll(askedForDirectly());
        var inDocs = documentedDefaults().keySet();
        var undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(inDocs);
        var unread = new TreeSet<>(inDocs);
        unread.removeAll(inCode);
        assertTrue(
                undocumented.isEmpty() && unread.isEmpty(),
                "read by the code but missing from docs/operations.md: " + undocumented
                        + "; listed in docs/operations.md but read by no code: " + unread);
    }

    @Test
    void aKeyIsInjectedInOnePlace() {
        var places = injected().stream()
                .collect(Collectors.groupingBy(
                        Read::key, TreeMap::new, Collectors.mapping(Read::where, Collectors.toList())));
        places.values().removeIf(where -> where.size() == 1);
        assertTrue(places.isEmpty(), "keys injected in more than one place (give each one owner): " + places);
    }

    @Test
    void aKeyHasOneDefaultAndTheDocsShowIt() {
        var defaults = new TreeMap<String, List<String>>();
        injected().stream().filter(read -> read.defaultValue() != null).forEach(read -> defaults.computeIfAbsent(
                        read.key(), k -> new ArrayList<>())
                .add(read.where() + " = " + read.defaultValue()));
        propertiesFileDefaults().forEach((key, value) -> defaults.computeIfAbsent(key, k -> new ArrayList<>())
                .add("microprofile-config.properties = " + value));
        var twice = new TreeMap<>(defaults);
        twice.values().removeIf(where -> where.size() == 1);
        assertTrue(twice.isEmpty(), "keys with a default in more than one place: " + twice);

        var documented = documentedDefaults();
        defaults.forEach((key, where) -> {
            var value = where.get(0).substring(where.get(0).indexOf(" = ") + 3);
            var shown = documented.get(key);
            var literal = shown == null ? null : Pattern.compile("^`([^`]*)`$").matcher(shown.trim());
            if (literal != null && literal.matches()) {
                assertEquals(literal.group(1), value, "the default of " + key + " in the docs");
            }
        });
    }

    /** Every {@code @ConfigProperty} on a field or a parameter. */
    private static List<Read> injected() {
        var reads = new ArrayList<Read>();
        for (var type : server) {
            type.getFields().forEach(field -> configProperty(field.getAnnotations())
                    .ifPresent(a -> reads.add(read(a, type.getName() + "." + field.getName()))));
            type.getCodeUnits().forEach(unit -> unit.getParameters()
                    .forEach(parameter -> configProperty(parameter.getAnnotations())
                            .ifPresent(a -> reads.add(read(a, unit.getFullName())))));
        }
        return reads;
    }

    private static java.util.Optional<JavaAnnotation<?>> configProperty(Set<? extends JavaAnnotation<?>> annotations) {
        return annotations.stream()
                .filter(a -> a.getRawType().isEquivalentTo(ConfigProperty.class))
                .<JavaAnnotation<?>>map(a -> a)
                .findFirst();
    }

    private static Read read(JavaAnnotation<?> annotation, String where) {
        var name = (String) annotation.get("name").orElse("");
        var defaultValue = annotation
                .get("defaultValue")
                .map(String.class::cast)
                .filter(value -> !value.equals(ConfigProperty.UNCONFIGURED_VALUE))
                .orElse(null);
        return new Read(name, where, defaultValue);
    }

    /** Keys in {@code ${MPCONFIG=…}} placeholders of class annotations ({@code @DataSourceDefinition}). */
    private static Set<String> placeholders() {
        var keys = new TreeSet<String>();
        for (var type : server) {
            for (var annotation : type.getAnnotations()) {
                annotation.getProperties().values().stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .forEach(value -> MPCONFIG.matcher(value).results().forEach(m -> keys.add(m.group(1))));
            }
        }
        return keys;
    }

    /** Key strings in the classes that ask MicroProfile Config for values themselves, outside CDI. */
    private static Set<String> askedForDirectly() {
        var keys = new TreeSet<String>();
        for (var type : server) {
            var asks = type.getMethodCallsFromSelf().stream()
                    .anyMatch(call -> call.getTargetOwner().isAssignableTo(Config.class)
                            && CONFIG_READS.contains(call.getName()));
            if (asks) {
                stringConstants(type).stream()
                        .filter(s -> KEY.matcher(s).matches())
                        .forEach(keys::add);
            }
        }
        return keys;
    }

    /** The string constants of a class file (its {@code CONSTANT_String} entries), read from its constant pool. */
    private static Set<String> stringConstants(JavaClass type) {
        var resource = type.getName().replace('.', '/') + ".class";
        try (var in =
                new DataInputStream(ConfigurationDocsTest.class.getClassLoader().getResourceAsStream(resource))) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            var utf8 = new String[count];
            var strings = new ArrayList<Integer>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> strings.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IllegalStateException("constant pool tag " + tag + " in " + resource);
                }
            }
            return strings.stream().map(index -> utf8[index]).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> propertiesFileDefaults() {
        var defaults = new TreeMap<String, String>();
        try {
            for (var url : Collections.list(ConfigurationDocsTest.class
                    .getClassLoader()
                    .getResources("META-INF/microprofile-config.properties"))) {
                var properties = new Properties();
                try (var in = url.openStream()) {
                    properties.load(in);
                }
                properties.stringPropertyNames().stream()
                        .filter(key -> key.startsWith("valbox."))
                        .forEach(key -> defaults.put(key, properties.getProperty(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(defaults.containsKey("valbox.data"), "the EJB jar's microprofile-config.properties was not found");
        return defaults;
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
}
