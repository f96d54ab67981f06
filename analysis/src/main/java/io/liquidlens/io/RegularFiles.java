package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Only regular files are read: a FIFO blocks the reader forever, a device never ends and a folder is not
 * what the user meant, so each is refused at once with one line.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * Returns quietly when {@code file} is a regular file (symbolic links followed) or does not exist (the
     * reader then says "file not found").
     *
     * @throws LiquidLensException naming the file when it is a folder, a FIFO, a device or a socket
     */
    public static void require(Path file) {
        if (Files.isRegularFile(file) || !Files.exists(file)) {
            return;
        }
        throw new LiquidLensException(file, Files.isDirectory(file) ? "is a folder, not a file"
                : "is not a regular file (a FIFO, device or socket); LiquidLens reads only regular files");
    }
}
