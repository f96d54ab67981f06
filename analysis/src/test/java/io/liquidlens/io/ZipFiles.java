package io.liquidlens.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads and writes whole zip archives for building checkpoint variants in tests. */
final class ZipFiles {
    private ZipFiles() {
    }

    /** Every entry's content, in archive order. */
    static Map<String, byte[]> read(Path file) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Writes stored entries; with {@code align} > 0 each entry's data starts at a multiple of
     * {@code align}, padded with an extra field as torch 2.x does for its storages.
     */
    static void write(Path file, Map<String, byte[]> entries, int align) {
        try (OutputStream raw = Files.newOutputStream(file)) {
            Counting counting = new Counting(raw);
            ZipOutputStream zip = new ZipOutputStream(counting);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] data = e.getValue();
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setCrc(crc.getValue());
                if (align > 0) {
                    int nameLength = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    long dataStart = counting.count + 30 + nameLength + 4;
                    int padding = (int) ((align - dataStart % align) % align);
                    byte[] extra = new byte[4 + padding];
                    extra[0] = 'F';
                    extra[1] = 'B';
                    extra[2] = (byte) padding;
                    extra[3] = (byte) (padding >> 8);
                    entry.setExtra(extra);
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as a fresh array with {@code count} bytes of {@code bytes} starting at 0. */
    static byte[] prefix(byte[] bytes, int count) {
        return java.util.Arrays.copyOf(bytes, count);
    }

    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Concatenation, for building files by hand. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
