package dev.valbox.execution.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The worker program travels inside this jar as a resource, so every deployment (Payara Micro, Server, the EAR)
 * carries the runner that matches it. It is written once to the data directory under a name derived from its
 * content, readable by the server's user only.
 */
final class RunnerJar {

    static final String RESOURCE = "/META-INF/valbox/valbox-runner.jar";

    private RunnerJar() {}

    static Path extract(Path directory) {
        try (var in = RunnerJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            var bytes = in.readAllBytes();
            var name = "valbox-runner-" + HexFormat.of().formatHex(sha256(bytes), 0, 8) + ".jar";
            Files.createDirectories(directory);
            var target = directory.resolve(name);
            if (!Files.exists(target)) {
                var temp = Files.createTempFile(directory, "runner", ".part");
                Files.write(temp, bytes);
                ownerOnly(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default permissions apply.
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
