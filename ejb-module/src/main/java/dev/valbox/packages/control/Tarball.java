package dev.valbox.packages.control;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads an npm tarball (gzip, then tar in ustar, pax or GNU form) into memory, trusting nothing in it. As npm does,
 * the first path component ({@code package/}) is dropped. Only regular files are kept and directories skipped; a link
 * of either kind, a device, a path that is absolute, climbs with {@code ..} or carries a backslash or NUL, a header
 * that does not add up, and a tarball past its caps on unpacked bytes or file count all refuse the whole tarball.
 * The caps count decompressed bytes as they are read, so a small archive cannot expand past them.
 */
public final class Tarball {

    /** A tarball that may not be unpacked; the message says why, in words for the val's author. */
    public static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final int BLOCK = 512;
    /** Long names and pax headers are small; a larger one is an attack on memory, not a name. */
    private static final int MAX_META = 64 * 1024;

    private final long maxBytes;
    private final int maxFiles;

    public Tarball(long maxBytes, int maxFiles) {
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /** The files of a gzip-compressed tarball, by path inside the package, in archive order. */
    public Map<String, byte[]> read(byte[] gzipped) throws RefusedException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return entries(in);
        } catch (EOFException e) {
            throw new RefusedException("the tarball ends early");
        } catch (IOException e) {
            throw new RefusedException("the tarball is not a gzip-compressed tar archive");
        }
    }

    private Map<String, byte[]> entries(InputStream in) throws IOException, RefusedException {
        var files = new LinkedHashMap<String, byte[]>();
        long total = 0;
        String longName = null;
        String paxPath = null;
        var header = new byte[BLOCK];
        while (true) {
            if (!readBlock(in, header)) {
                break; // a tarball may end without its two zero blocks; npm accepts that too
            }
            if (allZero(header)) {
                break;
            }
            checkChecksum(header);
            char type = (char) header[156];
            long size = octal(header, 124, 12);
            String name = longName != null ? longName : paxPath != null ? paxPath : name(header);
            longName = null;
            paxPath = null;
            switch (type) {
                case 'L' -> longName = cString(readMeta(in, size));
                case 'x' -> paxPath = paxPath(readMeta(in, size));
                case 'g' -> readMeta(in, size);
                case '5' -> skip(in, size);
                case '0', '\0', '7' -> {
                    var path = path(name);
                    if (files.size() >= maxFiles && !files.containsKey(path)) {
                        throw new RefusedException("the package has more than " + maxFiles + " files");
                    }
                    total += size;
                    if (total > maxBytes) {
                        throw new RefusedException(
                                "the package unpacks to more than " + maxBytes / (1024 * 1024) + " MB");
                    }
                    files.put(path, readData(in, size));
                }
                case '1', '2', 'K' -> throw new RefusedException("the tarball holds a link (" + name + ")");
                default -> throw new RefusedException("the tarball holds a special file (" + name + ")");
            }
        }
        return files;
    }

    /** The path inside the package: the first component dropped, checked to stay inside the package. */
    static String path(String entry) throws RefusedException {
        if (entry.indexOf('\\') >= 0 || entry.indexOf('\0') >= 0 || entry.startsWith("/")) {
            throw new RefusedException("the tarball holds an unsafe path (" + printable(entry) + ")");
        }
        var parts = new ArrayList<String>();
        var segments = entry.split("/");
        for (int i = 1; i < segments.length; i++) {
            var segment = segments[i];
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") || segment.contains(":")) {
                throw new RefusedException("the tarball holds an unsafe path (" + printable(entry) + ")");
            }
            parts.add(segment);
        }
        if (segments.length < 2 || parts.isEmpty()) {
            throw new RefusedException(
                    "the tarball holds a file outside its package folder (" + printable(entry) + ")");
        }
        return String.join("/", parts);
    }

    private byte[] readData(InputStream in, long size) throws IOException, RefusedException {
        var data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException();
        }
        in.skipNBytes(padding(size));
        return data;
    }

    private byte[] readMeta(InputStream in, long size) throws IOException, RefusedException {
        if (size > MAX_META) {
            throw new RefusedException("the tarball holds an oversized header");
        }
        return readData(in, size);
    }

    private void skip(InputStream in, long size) throws IOException, RefusedException {
        if (size > maxBytes) {
            throw new RefusedException("the tarball holds an oversized entry");
        }
        in.skipNBytes(size + padding(size));
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException();
        }
        return true;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(byte[] header) throws RefusedException {
        long expected = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (sum != expected) {
            throw new RefusedException("the tarball's headers are corrupt");
        }
    }

    /** An octal field, NUL- or space-terminated; the base-256 form (sizes of 8 GB and more) is refused too. */
    private static long octal(byte[] header, int offset, int length) throws RefusedException {
        var text = new String(header, offset, length, StandardCharsets.US_ASCII)
                .replace('\0', ' ')
                .trim();
        if (!text.matches("[0-7]{1,12}")) {
            throw new RefusedException("the tarball's headers are corrupt");
        }
        return Long.parseLong(text, 8);
    }

    private static String name(byte[] header) {
        var name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        var prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] records) {
        var text = new String(records, StandardCharsets.UTF_8);
        String path = null;
        int at = 0;
        while (at < text.length()) {
            int space = text.indexOf(' ', at);
            if (space < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(text.substring(at, space));
            } catch (NumberFormatException e) {
                break;
            }
            if (length <= 0 || at + length > text.length()) {
                break;
            }
            var record = text.substring(space + 1, at + length - 1);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            at += length;
        }
        return path;
    }

    private static String cString(byte[] bytes) {
        return cString(bytes, 0, bytes.length);
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String printable(String path) {
        return path.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
