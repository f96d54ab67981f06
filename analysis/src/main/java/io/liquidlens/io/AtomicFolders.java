package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a folder of results so that it is never seen half-written: everything goes into a fresh temporary folder
 * beside the target, and only when all of it is written does that folder take the target's place (an existing
 * target is moved aside first and removed afterwards). If anything fails the temporary folder is removed and the
 * target is left as it was.
 */
public final class AtomicFolders {
    private AtomicFolders() {
    }

    /**
     * Fills a temporary folder with {@code body} and moves it to {@code target}.
     *
     * @param target a folder to create or replace; its parent must exist (it is created when missing)
     * @param body   writes the files into the folder it is given
     * @throws LiquidLensException naming {@code target} when it cannot be written; exceptions the body throws pass
     *                             through unchanged (after the temporary folder is removed)
     */
    public static void write(Path target, IOConsumer<Path> body) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new LiquidLensException(target, "exists and is not a folder");
        }
        Path temp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
            // temporary folders are owner-only; the result gets the usual rwxr-xr-x of a new folder
            java.nio.file.attribute.PosixFileAttributeView view =
                    Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            body.accept(temp);
            if (Files.exists(abs)) {
                old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old.");
                Files.delete(old);
                move(abs, old);
            }
            move(temp, abs);
            temp = null;
            if (old != null) {
                removeAll(old);
                old = null;
            }
        } catch (IOException e) {
            if (old != null && !Files.exists(abs)) {
                try {
                    move(old, abs);
                    old = null;
                } catch (IOException ignored) {
                    // the old folder stays beside the target under its temporary name
                }
            }
            throw new LiquidLensException(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    removeAll(temp);
                } catch (IOException ignored) {
                    // the write already failed; a stray temporary folder is the lesser problem
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void removeAll(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
