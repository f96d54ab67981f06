package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A folder of this process's own for copies of inputs read from elsewhere (a Hadoop URI, files sent with a
 * Spark job): made fresh in the system's temporary folder, readable by its owner alone, and removed with everything
 * in it when closed or, failing that, when the process stops ({@link Temporaries}). It is never an output and never
 * the user's, so removing it cannot touch what the user owns. Its name carries the process id, so a test can see
 * that none is left.
 */
public final class ScratchFolder implements AutoCloseable {
    private static final String PREFIX = "liquidlens-";
    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /**
     * A new scratch folder, {@code liquidlens-PURPOSE-PID-...} in the temporary folder.
     *
     * @throws LiquidLensException when the temporary folder cannot be written
     */
    public static ScratchFolder create(String purpose) {
        String prefix = prefix(purpose, ProcessHandle.current().pid());
        try {
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(prefix, ownerOnly()) : Files.createTempDirectory(prefix);
            Temporaries.add(dir);
            return new ScratchFolder(dir);
        } catch (IOException e) {
            throw new LiquidLensException("cannot make a folder for copies of the inputs in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /** The start of the names of the scratch folders for {@code purpose} made by process {@code pid}. */
    public static String prefix(String purpose, long pid) {
        return PREFIX + purpose + "-" + pid + "-";
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    public Path path() {
        return path;
    }

    /**
     * Copies exactly {@code bytes} bytes of {@code in} to the new file {@code relative} in this folder (its
     * folders made as needed) and returns their SHA-256; the stream is not closed. {@code bytes} is the size the
     * caller counted before copying, so a source that turns out longer or shorter (it changed meanwhile) is an
     * error, not a larger copy; the partial file is then removed.
     *
     * @throws IOException              when reading or writing fails, or the source is not {@code bytes} long
     * @throws IllegalArgumentException when {@code relative} leaves the folder
     */
    public String copy(InputStream in, String relative, long bytes) throws IOException {
        Path file = inside(relative);
        Files.createDirectories(file.getParent());
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        boolean done = false;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), sha)) {
            byte[] buf = new byte[1 << 16];
            long left = bytes;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("ended after " + (bytes - left) + " of the " + bytes + " bytes counted"
                            + " before copying (did it change meanwhile?)");
                }
                out.write(buf, 0, n);
                left -= n;
            }
            if (in.read() >= 0) {
                throw new IOException("is longer than the " + bytes + " bytes counted before copying (did it change"
                        + " meanwhile?)");
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@code relative} resolved in this folder. @throws IllegalArgumentException when it leaves the folder */
    public Path inside(String relative) {
        Path file = path.resolve(relative).normalize();
        if (!file.startsWith(path) || file.equals(path)) {
            throw new IllegalArgumentException(relative + " is not a name inside " + path);
        }
        return file;
    }

    /** Removes the folder and everything in it. */
    @Override
    public void close() {
        if (Temporaries.removeTree(path)) {
            Temporaries.remove(path);
        }
    }
}
