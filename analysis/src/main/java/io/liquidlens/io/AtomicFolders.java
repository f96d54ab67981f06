package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a folder of results so that it is never seen half-written: everything goes into a fresh temporary folder
 * beside the target, and only when all of it is written does that folder take the target's place (an existing
 * target is moved aside first and removed afterwards). If anything fails the temporary folder is removed and the
 * target is left as it was; if the process is stopped meanwhile, a shutdown hook does the same
 * ({@link Temporaries}).
 *
 * <p>Only a folder that is missing, empty, or one LiquidLens wrote whole is ever replaced
 * ({@link OutputFolders#requireReplaceable}); the new folder gets the marker that lists what it holds.
 */
public final class AtomicFolders {
    private AtomicFolders() {
    }

    /**
     * Fills a temporary folder with {@code body} and moves it to {@code target}.
     *
     * @param target  a folder to create or replace; its parent is created when missing
     * @param command the command writing it (recorded in the folder's marker), e.g. {@code liquidlens tree}
     * @param body    writes the files into the folder it is given
     * @throws LiquidLensException naming {@code target} when it may not be replaced or cannot be written; exceptions
     *                             the body throws pass through unchanged (after the temporary folder is removed)
     */
    public static void write(Path target, String command, IOConsumer<Path> body) {
        write(target, command, body, true);
    }

    /**
     * Creates a folder that {@code command} goes on updating (a training run's checkpoints) from what {@code body}
     * writes, atomically. Its marker lists no files, so no other output ever replaces it.
     *
     * @param target a folder that is missing or empty
     * @throws LiquidLensException naming {@code target} when it holds anything or cannot be written
     */
    public static void create(Path target, String command, IOConsumer<Path> body) {
        write(target, command, body, false);
    }

    private static void write(Path target, String command, IOConsumer<Path> body, boolean replaceable) {
        requireAllowed(target, replaceable);
        Path abs = target.toAbsolutePath().normalize();
        Path temp = null;
        Path old = null;
        try {
            Files.createDirectories(abs.getParent());
            temp = SideNames.temporary(abs);
            Temporaries.add(temp);
            Files.createDirectory(temp);
            // the result gets the usual rwxr-xr-x of a new folder, whatever the umask made of the temporary
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            body.accept(temp);
            OutputFolders.mark(temp, command, replaceable ? OutputFolders.filesIn(temp) : null);
            // the target may have changed while the body ran (the lock keeps other LiquidLens runs out, not users)
            requireAllowed(target, replaceable);
            if (Files.exists(abs)) {
                old = SideNames.aside(abs);
                Temporaries.aside(old, abs);
                move(abs, old);
            }
            if (Temporaries.stopping()) {
                throw new IOException("stopped before the folder was complete");
            }
            move(temp, abs);
            Temporaries.remove(temp);
            temp = null;
        } catch (IOException e) {
            throw new LiquidLensException(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (old != null) {
                if (Files.exists(abs)) {
                    Temporaries.removeTree(old);
                } else {
                    putBack(old, abs);
                }
                Temporaries.settled(old);
            }
            if (temp != null && Temporaries.removeTree(temp)) {
                Temporaries.remove(temp);
            }
        }
    }

    private static void requireAllowed(Path target, boolean replaceable) {
        if (replaceable) {
            OutputFolders.requireReplaceable(target);
        } else if (!OutputFolders.isMissingOrEmpty(target)) {
            throw new LiquidLensException(target, "is no longer empty; nothing was written into it");
        }
    }

    private static void putBack(Path old, Path target) {
        try {
            move(old, target);
        } catch (IOException ignored) {
            // the old folder stays beside the target under its hidden name; the next run on it puts it back
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
