package io.liquidlens.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A fuzzer-friendly spelling of a zip archive. libFuzzer cannot keep a zip's CRC-32s right, so mutated
 * archive bytes almost never get past the checksum of the entry they touch; the fuzz tests of npz,
 * rollouts and torch checkpoints therefore fuzz these records and build a valid archive from them, which
 * sends every mutation into the entries' content. Each record is
 * {@code [flags u8][name length u8][name][data length u16 LE][data]}, flag bit 0 meaning deflated; a
 * record cut short by the end of the input keeps what is there, and a repeated name is dropped.
 */
public final class ZipRecords {
    private ZipRecords() {
    }

    /** The archive the records describe. */
    public static byte[] toZip(byte[] records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            int at = 0;
            while (at + 2 <= records.length) {
                boolean deflated = (records[at] & 1) != 0;
                int nameLength = Math.min(records[at + 1] & 0xff, records.length - at - 2);
                String name = new String(records, at + 2, nameLength, StandardCharsets.UTF_8);
                at += 2 + nameLength;
                int dataLength = at + 2 <= records.length ? (records[at] & 0xff) | (records[at + 1] & 0xff) << 8 : 0;
                at = Math.min(at + 2, records.length);
                dataLength = Math.min(dataLength, records.length - at);
                byte[] data = java.util.Arrays.copyOfRange(records, at, at + dataLength);
                at += dataLength;
                if (!name.isEmpty() && names.add(name)) {
                    zip.putNextEntry(entry(name, data, deflated));
                    zip.write(data);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The records of {@code entries} (name to content, in order), for making seeds from real archives. */
    static byte[] fromEntries(Map<String, byte[]> entries, boolean deflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            if (name.length > 0xff || data.length > 0xffff) {
                throw new IllegalArgumentException(e.getKey() + " is too long for a record");
            }
            out.write(deflated ? 1 : 0);
            out.write(name.length);
            out.writeBytes(name);
            out.write(data.length & 0xff);
            out.write(data.length >>> 8);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    private static ZipEntry entry(String name, byte[] data, boolean deflated) {
        ZipEntry entry = new ZipEntry(name);
        if (deflated) {
            entry.setMethod(ZipEntry.DEFLATED);
        } else {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }
}
