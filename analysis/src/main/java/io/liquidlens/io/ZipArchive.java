package io.liquidlens.io;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Read access to a zip archive (npz, torch checkpoint) through its central directory, which copes with
 * the stored-with-data-descriptor entries torch writes and with zip64. Entries are read whole, or streamed
 * into a reader as they are inflated ({@link #stream}), and checked against the size and CRC-32 the directory
 * records, so a flipped byte shows up as a corrupt entry instead of a wrong number.
 */
final class ZipArchive implements Closeable {
    private final ZipFile zip;
    private final List<ZipEntry> entries;

    private ZipArchive(ZipFile zip, List<ZipEntry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    /**
     * Opens {@code file}; {@code notAZip} explains the problem when the file does not start like a zip
     * archive (it receives the first bytes so it can recognise what the file is instead).
     */
    static ZipArchive open(Path file, NotAZip notAZip) throws IOException, FormatException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(8);
        }
        boolean zipStart = start.length >= 4 && start[0] == 'P' && start[1] == 'K'
                && ((start[2] == 3 && start[3] == 4) || (start[2] == 5 && start[3] == 6));
        if (!zipStart) {
            throw new FormatException(notAZip.problem(start));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new FormatException("corrupt zip archive (" + detail(e) + ")", e);
        }
        try {
            List<ZipEntry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!names.add(entry.getName())) {
                    // which copy a reader would take is up to the library; the file is ambiguous, say so
                    throw new FormatException("holds the entry " + entry.getName() + " twice");
                }
                entries.add(entry);
            }
            return new ZipArchive(zip, Collections.unmodifiableList(entries));
        } catch (FormatException e) {
            zip.close();
            throw e;
        } catch (RuntimeException e) {
            zip.close();
            throw new FormatException("corrupt zip archive (" + detail(e) + ")", e);
        }
    }

    /** All entries in central-directory order (the order the writer added them). */
    List<ZipEntry> entries() {
        return entries;
    }

    /** The entry named exactly {@code name}, or null. */
    ZipEntry entry(String name) {
        for (ZipEntry e : entries) {
            if (e.getName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The whole content of {@code entry}, verified against its recorded size and CRC-32. */
    byte[] read(ZipEntry entry) throws FormatException {
        long size = entry.getSize();
        if (size > ElementCodec.MAX_ELEMENTS) {
            throw new FormatException("zip entry " + entry.getName() + " is too large to load (" + size + " bytes)");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = size >= 0 ? in.readNBytes((int) size) : in.readAllBytes();
            if (size >= 0 && (bytes.length != size || in.read() != -1)) {
                throw new FormatException("corrupt zip entry " + entry.getName() + " (size differs from the directory)");
            }
        } catch (IOException | RuntimeException e) {
            throw new FormatException("corrupt zip entry " + entry.getName() + " (" + detail(e) + ")", e);
        }
        if (entry.getCrc() != -1) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc()) {
                throw new FormatException("corrupt zip entry " + entry.getName() + " (CRC-32 mismatch)");
            }
        }
        return bytes;
    }

    /**
     * Hands {@code entry}'s content to {@code reader} as it is read (a stored entry straight from the file, a
     * deflated one as it is inflated), so no copy of the whole entry is made, then checks that the entry held
     * its recorded size and CRC-32. When the reader finds the content malformed, the rest of the entry is still
     * checked, and a corrupt entry is reported as such rather than as the symptom the reader saw.
     */
    <T> T stream(ZipEntry entry, EntryReader<T> reader) throws FormatException {
        long size = entry.getSize();
        T value = null;
        Exception problem = null; // what the reader found wrong, reported unless the entry itself is corrupt
        try (InputStream raw = zip.getInputStream(entry)) {
            Counting counted = new Counting(raw);
            CheckedInputStream in = new CheckedInputStream(counted, new CRC32());
            try {
                value = reader.read(in, size);
            } catch (FormatException | RuntimeException e) {
                problem = e;
            }
            in.transferTo(OutputStream.nullOutputStream());
            if (size >= 0 && counted.count != size) {
                throw new FormatException("corrupt zip entry " + entry.getName() + " (size differs from the directory)");
            }
            if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                throw new FormatException("corrupt zip entry " + entry.getName() + " (CRC-32 mismatch)");
            }
        } catch (IOException | RuntimeException e) {
            throw new FormatException("corrupt zip entry " + entry.getName() + " (" + detail(e) + ")", e);
        }
        if (problem instanceof FormatException f) {
            throw f;
        }
        if (problem instanceof RuntimeException r) {
            throw r;
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static String detail(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : IoProblems.firstLine(message);
    }

    /** Reads an entry's content from a stream of {@code size} bytes (-1 when the directory does not say). */
    @FunctionalInterface
    interface EntryReader<T> {
        T read(InputStream in, long size) throws IOException, FormatException;
    }

    /** Counts the bytes that pass, to compare with the size the directory records. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Explains what a file that is not a zip archive is, from its first bytes. */
    @FunctionalInterface
    interface NotAZip {
        String problem(byte[] start);
    }
}
