package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One writer per output: a lock file beside the output ({@link SideNames#lock}), held with an operating-system
 * lock for as long as the run writes. A second run on the same output is refused at once, naming the first.
 * The operating system drops the lock when a process dies, so a lock file left by a killed run does not block.
 *
 * <p>On Linux these are POSIX record locks, which a process loses when it closes <em>any</em> descriptor of the
 * file: so the holder never opens the lock file a second time (it checks the path by its metadata only), and
 * nothing else in LiquidLens reads it while it is held.
 */
final class OutputLock implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 3;
    private static final int MAX_DESCRIPTION = 4096;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code output} for {@code command}.
     *
     * @throws LiquidLensException naming the output and the run that holds it
     */
    static OutputLock acquire(Path output, String command) {
        Path file = SideNames.lock(output);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                Object opened = fileKey(file);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = describeHolder(file);
                    channel.close();
                    throw new LiquidLensException(output, "another LiquidLens run is writing it (" + holder
                            + "); wait for it to end or choose another output");
                }
                // The holder before us may have removed the file after we opened it: then our lock is on a file
                // nobody else sees, and we start again on the file the path names now. The check must not open the
                // file: closing any descriptor of it would drop this process's POSIX lock.
                if (opened != null && opened.equals(fileKey(file))) {
                    byte[] text = ("pid " + ProcessHandle.current().pid() + ", " + command + ", since "
                            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(text), 0);
                    channel.force(true);
                    Temporaries.add(file);
                    return new OutputLock(file, channel, lock);
                }
                lock.release();
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel);
                throw new LiquidLensException(output, "cannot lock it for writing (" + file.getFileName() + "): "
                        + e.getMessage(), e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
        throw new LiquidLensException(output, "cannot lock it for writing: its lock file keeps changing");
    }

    /** The file's identity (device and inode) from its metadata, without opening it; null when it is gone. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static String describeHolder(Path file) {
        try {
            if (Files.size(file) > MAX_DESCRIPTION) {
                return "its lock file " + file + " is held";
            }
            String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return first.isEmpty() ? "lock file " + file : first;
        } catch (IOException e) {
            return "lock file " + file;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }

    /** Removes the lock file, then lets the lock go. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a lock file left behind does not block anyone: the lock itself goes with the channel
        }
        Temporaries.remove(file);
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
