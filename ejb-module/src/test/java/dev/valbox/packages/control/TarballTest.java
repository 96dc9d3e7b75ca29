package dev.valbox.packages.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The tarball reader against well-formed npm tarballs and hostile ones, written here byte by byte. */
class TarballTest {

    private static final long MB = 1024 * 1024;

    record Entry(String name, char type, byte[] data, String linkName) {
        static Entry file(String name, String text) {
            return new Entry(name, '0', text.getBytes(StandardCharsets.UTF_8), "");
        }
    }

    @Test
    void readsRegularFilesWithoutTheirFirstFolder() throws Exception {
        var files = new Tarball(MB, 10)
                .read(tgz(List.of(
                        new Entry("package", '5', new byte[0], ""),
                        Entry.file("package/package.json", "{\"name\":\"x\"}"),
                        Entry.file("package/./dist/index.js", "export default 1;"),
                        Entry.file("other-top-folder/README.md", "# x"))));
        assertEquals(List.of("package.json", "dist/index.js", "README.md"), List.copyOf(files.keySet()));
        assertArrayEquals("export default 1;".getBytes(StandardCharsets.UTF_8), files.get("dist/index.js"));
    }

    @Test
    void longNamesFromPaxAndGnuHeadersAreRead() throws Exception {
        var longPath = "package/" + "d/".repeat(80) + "file.js";
        var pax = paxRecord("path", longPath);
        var files = new Tarball(MB, 10)
                .read(tgz(List.of(
                        new Entry("PaxHeader", 'x', pax, ""),
                        Entry.file("package/truncated", "a"),
                        new Entry("././@LongLink", 'L', (longPath + "2\0").getBytes(StandardCharsets.UTF_8), ""),
                        Entry.file("package/truncated2", "b"))));
        assertEquals(List.of(longPath.substring(8), longPath.substring(8) + "2"), List.copyOf(files.keySet()));
    }

    @Test
    void pathsThatClimbOutOfThePackageAreRefused() {
        for (var name : List.of(
                "package/../../etc/passwd",
                "/etc/passwd",
                "package/a/../../../x",
                "package\\..\\x",
                "package/C:/x",
                "package")) {
            var e = assertThrows(
                    Tarball.RefusedException.class,
                    () -> new Tarball(MB, 10).read(tgz(List.of(Entry.file(name, "x")))),
                    name);
            assertTrue(e.getMessage().contains("path") || e.getMessage().contains("outside"), e.getMessage());
        }
    }

    @Test
    void linksAndSpecialFilesAreRefused() {
        for (char type : new char[] {'1', '2', '3', '4', '6'}) {
            assertThrows(
                    Tarball.RefusedException.class,
                    () -> new Tarball(MB, 10)
                            .read(tgz(List.of(new Entry("package/link", type, new byte[0], "/etc/passwd")))),
                    "type " + type);
        }
    }

    @Test
    void unpackedBytesAndFileCountAreCappedWhateverTheCompressedSize() {
        // 2 MB of zeros compress to a few KB: the cap counts what comes out.
        var bomb = tgz(List.of(new Entry("package/zeros", '0', new byte[2 * (int) MB], "")));
        assertTrue(bomb.length < 10_000);
        var e = assertThrows(Tarball.RefusedException.class, () -> new Tarball(MB, 10).read(bomb));
        assertTrue(e.getMessage().contains("more than 1 MB"), e.getMessage());

        var many =
                tgz(List.of(Entry.file("package/a", "1"), Entry.file("package/b", "2"), Entry.file("package/c", "3")));
        e = assertThrows(Tarball.RefusedException.class, () -> new Tarball(MB, 2).read(many));
        assertTrue(e.getMessage().contains("more than 2 files"), e.getMessage());
    }

    @Test
    void brokenArchivesAreRefusedNotHalfRead() {
        var good = tgz(List.of(Entry.file("package/a.js", "x".repeat(5000))));
        assertThrows(
                Tarball.RefusedException.class, () -> new Tarball(MB, 10).read(Arrays.copyOf(good, good.length / 2)));
        assertThrows(Tarball.RefusedException.class, () -> new Tarball(MB, 10).read("not gzip".getBytes()));
        var corrupt = tar(List.of(Entry.file("package/a.js", "x")));
        corrupt[150] ^= 1; // the header checksum no longer adds up
        assertThrows(Tarball.RefusedException.class, () -> new Tarball(MB, 10).read(gzip(corrupt)));
        var oversizedHeader = tgz(List.of(new Entry("PaxHeader", 'x', new byte[100_000], "")));
        assertThrows(Tarball.RefusedException.class, () -> new Tarball(MB, 10).read(oversizedHeader));
    }

    static byte[] tgz(List<Entry> entries) {
        return gzip(tar(entries));
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] tar(List<Entry> entries) {
        var out = new ByteArrayOutputStream();
        for (var entry : entries) {
            var header = new byte[512];
            put(header, 0, entry.name(), 100);
            put(header, 100, "0000644", 8);
            put(header, 108, "0000000", 8);
            put(header, 116, "0000000", 8);
            put(header, 124, String.format("%011o", entry.data().length), 12);
            put(header, 136, "00000000000", 12);
            header[156] = (byte) entry.type();
            put(header, 157, entry.linkName(), 100);
            put(header, 257, "ustar", 6);
            put(header, 263, "00", 2);
            Arrays.fill(header, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o", sum), 7);
            out.writeBytes(header);
            out.writeBytes(entry.data());
            out.writeBytes(new byte[(512 - entry.data().length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String text, int length) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }

    private static byte[] paxRecord(String key, String value) {
        var body = " " + key + "=" + value + "\n";
        int length = body.length();
        while (String.valueOf(length).length() + body.length() != length) {
            length = String.valueOf(length).length() + body.length();
        }
        return (length + body).getBytes(StandardCharsets.UTF_8);
    }
}
