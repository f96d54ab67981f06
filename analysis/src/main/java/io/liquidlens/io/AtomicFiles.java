package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that readers only ever see the old file or the complete new one: the content goes to
 * a temporary file in the target's own folder (same file system, so the final rename is atomic), is
 * flushed to disk, and is then moved over the target. If anything fails the temporary file is deleted
 * and the target is left as it was; if the process is stopped meanwhile, a shutdown hook deletes it
 * ({@link Temporaries}). The temporary's name comes from {@link SideNames}, short enough for any target.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically with what {@code body} writes to the stream it is given.
     *
     * @param target the file to create or replace; its folder must exist
     * @param body writes the content (the stream is buffered; do not close it)
     * @throws LiquidLensException naming {@code target} when the file cannot be written; exceptions the
     *     body throws itself (other than {@link IOException}) pass through unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> body) {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new LiquidLensException(target, "cannot write: folder " + folder + " does not exist");
        }
        Path temp = null;
        try {
            temp = SideNames.temporary(target);
            Temporaries.add(temp);
            try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16)) {
                body.accept(out);
                out.flush();
                file.force(true);
            }
            copyPermissions(target, temp);
            if (Temporaries.stopping()) {
                throw new IOException("stopped before the file was complete");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Temporaries.remove(temp);
            temp = null;
        } catch (AccessDeniedException e) {
            throw new LiquidLensException(target, "cannot write: permission denied", e);
        } catch (NoSuchFileException e) {
            throw new LiquidLensException(target, "cannot write: no such folder", e);
        } catch (IOException e) {
            throw new LiquidLensException(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                    Temporaries.remove(temp);
                } catch (IOException ignored) {
                    // the write already failed; the shutdown hook or the next run removes the stray temporary
                }
            }
        }
    }

    /**
     * Temporary files are created owner-only; give the result the permissions the replaced file had,
     * or the usual rw-r--r-- for a new file, so the atomic write does not silently hide it from others.
     */
    private static void copyPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS;
        view.setPermissions(permissions);
    }
}
