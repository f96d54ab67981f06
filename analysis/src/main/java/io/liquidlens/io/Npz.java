package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * numpy {@code .npz} archives: a zip of {@code NAME.npy} entries, stored ({@code np.savez}) or deflated
 * ({@code np.savez_compressed}). Array names are the entry names without {@code .npy}, in archive order.
 *
 * <p>Reading decodes each entry as it streams out of the archive, a stored one straight from the file and a
 * deflated one as it is inflated, so an array costs its decoded size and nothing more; arrays not asked for
 * ({@link #read(Path, Predicate)}) are not even inflated.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Reads every array of an {@code .npz} file.
     *
     * @param file the archive
     * @return the arrays by name, in archive order
     * @throws LiquidLensException naming the file (and the array) when anything is wrong with it
     */
    public static Map<String, NdArray> read(Path file) {
        return read(file, name -> true);
    }

    /**
     * Reads the arrays of an {@code .npz} file whose names {@code wanted} accepts; the others are skipped unread
     * (though every entry must still be a {@code .npy}).
     *
     * @param file   the archive
     * @param wanted which array names to read
     * @return the arrays read, by name, in archive order
     * @throws LiquidLensException naming the file (and the array) when anything is wrong with it
     */
    public static Map<String, NdArray> read(Path file, Predicate<String> wanted) {
        return IoProblems.reading(file, ".npz", () -> {
            try (ZipArchive zip = ZipArchive.open(file, Npz::notAZip)) {
                Map<String, NdArray> out = new LinkedHashMap<>();
                for (ZipEntry entry : zip.entries()) {
                    String name = entry.getName();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    if (!name.endsWith(SUFFIX)) {
                        throw new FormatException("entry '" + name + "' is not a .npy array");
                    }
                    String key = name.substring(0, name.length() - SUFFIX.length());
                    if (!wanted.test(key)) {
                        continue;
                    }
                    try {
                        out.put(key, zip.stream(entry, Npy::decode));
                    } catch (FormatException e) {
                        throw new FormatException("array '" + key + "': " + e.getMessage(), e);
                    }
                }
                return out;
            }
        });
    }

    /**
     * Writes {@code arrays} as an uncompressed {@code .npz} (like {@code np.savez}), atomically.
     *
     * @param file the file to create or replace
     * @param arrays the arrays by name, written in map order
     * @throws LiquidLensException naming the file when it cannot be written
     */
    public static void write(Path file, Map<String, NdArray> arrays) {
        write(file, arrays, false);
    }

    /**
     * Writes {@code arrays} as an {@code .npz}, atomically.
     *
     * @param file the file to create or replace
     * @param arrays the arrays by name, written in map order
     * @param compressed deflate the entries (like {@code np.savez_compressed}) or store them
     * @throws LiquidLensException naming the file when it cannot be written or an array has no numpy form
     */
    public static void write(Path file, Map<String, NdArray> arrays, boolean compressed) {
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            if (e.getKey().isEmpty()) {
                throw new LiquidLensException(file, "an array name is empty");
            }
            try {
                encoded.put(e.getKey() + SUFFIX, Npy.toBytes(e.getValue()));
            } catch (FormatException ex) {
                throw new LiquidLensException(file, "array '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, byte[]> e : encoded.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0)); // 1980-01-01, the zip epoch: same arrays, same bytes
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // Stored entries need size and CRC up front (no data descriptor), as numpy writes them.
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish(); // not close(): AtomicFiles owns the underlying stream
        });
    }

    private static String notAZip(byte[] start) {
        if (start.length >= 6 && (start[0] & 0xff) == 0x93 && start[1] == 'N' && start[2] == 'U') {
            return "this is a single .npy array, not an .npz archive";
        }
        return "not an .npz file (not a zip archive)";
    }
}
