package dev.valbox.packages.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.database.control.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.semver4j.Semver;

/**
 * Packages on disk, shared by every val: {@code ${valbox.data}/npm/packages/<name>/<version>/files/…} holds a
 * package's unpacked files and {@code …/integrity} what its tarball was checked against; {@code
 * ${valbox.data}/npm/compiled/<compiler>/<name>/<version>/<path>.json} the compiler's answer for each file that a val
 * reached, per compiler build (a new runner compiles again). A package version appears by an atomic rename of a
 * complete folder, so a half-written package is never seen and concurrent saves of the same package do not collide.
 * Names and versions were checked (npm name rules, semver) before they become paths.
 */
@ApplicationScoped
public class PackageStore {

    @Inject
    DataDirectory dataDirectory;

    private Path root() {
        return dataDirectory.path().resolve("npm").toAbsolutePath();
    }

    private Path packageDir(String name, String version) {
        return root().resolve("packages").resolve(name).resolve(version);
    }

    /** The stored package, if this version was stored. */
    public Optional<PackageFiles> find(String name, String version) {
        var dir = packageDir(name, version);
        if (!Files.isDirectory(dir.resolve("files"))) {
            return Optional.empty();
        }
        return Optional.of(new PackageFiles(name, version, dir.resolve("files"), read(dir.resolve("integrity"))));
    }

    /** The versions of a package stored here, for resolving while the registry cannot be asked. */
    public List<String> versions(String name) {
        var dir = root().resolve("packages").resolve(name);
        var versions = new ArrayList<String>();
        if (!Files.isDirectory(dir)) {
            return versions;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (var entry : entries) {
                var version = entry.getFileName().toString();
                if (Semver.isValid(version) && Files.isDirectory(entry.resolve("files"))) {
                    versions.add(version);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /** Stores an unpacked, checked package; a copy stored meanwhile by another save wins and is kept. */
    public PackageFiles store(String name, String version, String integrity, Map<String, byte[]> files) {
        var target = packageDir(name, version);
        var temp = target.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            var base = temp.resolve("files");
            Files.createDirectories(base);
            for (var file : files.entrySet()) {
                var path = base.resolve(file.getKey()).normalize();
                if (!path.startsWith(base)) {
                    throw new IllegalStateException("unsafe path " + file.getKey());
                }
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            Files.writeString(temp.resolve("integrity"), integrity);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another save stored the same version first.
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
        return find(name, version).orElseThrow();
    }

    /** The compiler's stored answer for a file ({@code code}, {@code imports}, {@code diagnostics}). */
    public Optional<JsonObject> compiled(String compiler, PackageKey key) {
        return jsonObject(compiledFile(compiler, key));
    }

    /** Whether the compiler's answer for a file is stored, without reading it. */
    public boolean isCompiled(String compiler, PackageKey key) {
        return Files.isRegularFile(compiledFile(compiler, key));
    }

    /** The JSON object a stored file holds; empty when the file is missing or is not one. */
    static Optional<JsonObject> jsonObject(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(Files.newBufferedReader(file))) {
            return Optional.of(reader.readObject());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void storeCompiled(String compiler, PackageKey key, JsonObject answer) {
        var file = compiledFile(compiler, key);
        try {
            Files.createDirectories(file.getParent());
            var temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
            Files.writeString(temp, answer.toString());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path compiledFile(String compiler, PackageKey key) {
        var base =
                root().resolve("compiled").resolve(compiler).resolve(key.name()).resolve(key.version());
        var file = base.resolve(key.path() + ".json").normalize();
        if (!file.startsWith(base)) {
            throw new IllegalArgumentException("unsafe path " + key);
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left over; harmless, and named .tmp-* so it is never read.
        }
    }
}
