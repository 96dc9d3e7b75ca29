package dev.valbox.env.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The server's secrets key kept in a file: base64 text, the same form {@code valbox.secrets.key} takes, so an operator
 * can move it into configuration. Created once, owner-only from the first byte: the key is written to a temporary file
 * that is created rw------- and then hard-linked into place, which also keeps the first of two racing starts.
 */
public final class KeyFile {

    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final Logger LOG = Logger.getLogger(KeyFile.class.getName());

    private KeyFile() {}

    /** The key in {@code file}, generated there first if the file does not exist. */
    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file.toAbsolutePath());
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key file " + file, e);
        }
    }

    /** Decodes a key in its text form; says which setting is wrong without repeating the value. */
    public static byte[] decode(String text, String source) {
        try {
            var key = Base64.getDecoder().decode(text.strip());
            if (key.length == SecretBox.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException(
                source + " must be " + SecretBox.KEY_BYTES + " random bytes in base64 (44 characters)");
    }

    private static byte[] read(Path file) throws IOException {
        if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            LOG.warning("the secrets key file " + file + " can be read by others than its owner: chmod 600 it");
        }
        return decode(Files.readString(file, StandardCharsets.US_ASCII), "the secrets key file " + file);
    }

    private static void create(Path file) throws IOException {
        var dir = file.getParent();
        Files.createDirectories(dir);
        var temp = Files.createTempFile(dir, ".secrets-", ".tmp", ownerOnly(dir));
        try {
            var text = Base64.getEncoder().encodeToString(SecretBox.newKey()) + "\n";
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            publish(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Puts the finished file in place without ever replacing one that another start put there first. */
    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another start won the race; its key is the key
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException e) {
                // as above
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return posix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
