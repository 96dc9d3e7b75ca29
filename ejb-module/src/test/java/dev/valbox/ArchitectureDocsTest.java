package dev.valbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/architecture.md} is where a newcomer looks for where things live: every class it names must exist, in
 * the package it says, with the member it cites. (A doc pointing at a file that was never there misleads longer than
 * no doc.)
 */
class ArchitectureDocsTest {

    /** Names the document uses that are not Valbox classes: APIs we build on, Val Town's schema, HTTP words. */
    private static final Set<String> NOT_OURS = Set.of(
            "ConfigSource",
            "HttpAuthenticationMechanism",
            "JsonWebToken",
            "SignedJWTIdentityStore",
            "ExtendedVal",
            "Host",
            "Request");

    /** {@code capability.layer.Class} or {@code capability.layer.Class.member}, as the document cites code. */
    private static final Pattern QUALIFIED =
            Pattern.compile("`([a-z]+)\\.(boundary|control|entity)\\.([A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?`");

    private static final Pattern CLASS_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)`");

    static String document;
    static Map<String, List<Path>> sourcesByName;

    @BeforeAll
    static void read() throws IOException {
        var root = Path.of("..").toAbsolutePath().normalize();
        document = Files.readString(root.resolve("docs/architecture.md"));
        try (Stream<Path> files = Files.walk(root)) {
            sourcesByName = files.filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".js"))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .collect(Collectors.groupingBy(ArchitectureDocsTest::baseName));
        }
    }

    @Test
    void everyQualifiedNameIsAClassInThatPackageWithThatMember() {
        var wrong = new ArrayList<String>();
        var matcher = QUALIFIED.matcher(document);
        int cited = 0;
        while (matcher.find()) {
            cited++;
            var packagePath =
                    "dev/valbox/" + matcher.group(1) + "/" + matcher.group(2) + "/" + matcher.group(3) + ".java";
            var file = sourcesByName.getOrDefault(matcher.group(3), List.of()).stream()
                    .filter(p -> p.toString().endsWith(packagePath))
                    .findFirst();
            if (file.isEmpty()) {
                wrong.add(matcher.group() + ": no " + packagePath);
            } else if (matcher.group(4) != null && !read(file.get()).contains(" " + matcher.group(4) + "(")) {
                wrong.add(matcher.group() + ": " + matcher.group(3) + " has no " + matcher.group(4));
            }
        }
        assertTrue(cited > 20, "the document cites classes by package (" + cited + " found); has its form changed?");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyClassNameItUsesExists() {
        var missing = CLASS_NAME
                .matcher(document)
                .results()
                .map(result -> result.group(1))
                .filter(name -> !NOT_OURS.contains(name) && !sourcesByName.containsKey(name))
                .distinct()
                .toList();
        assertEquals(List.of(), missing);
    }

    private static String baseName(Path path) {
        var name = path.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
