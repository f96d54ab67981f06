package io.liquidlens.spark;

import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.WorkInputs;
import io.liquidlens.io.ScratchFolder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The copies one executor process makes of the inputs ({@link ExecutorInputs}): each made once however many
 * tasks ask for it, under a name that holds its SHA-256, and kept for the process's later tasks; counted against
 * {@link Limits#STAGED_BYTES} before it is copied and checked against the driver's SHA-256 after. They live in one
 * scratch folder of the process, which goes when the process stops, or, in local mode, where the driver is the
 * executor, when the engine closes ({@link #forget}).
 */
final class ExecutorCopies {
    /** Where a copy's bytes come from: their size is asked before they are read. */
    interface Source {
        long size() throws IOException;

        InputStream open() throws IOException;
    }

    private static ScratchFolder folder;
    private static final Map<String, Path> MADE = new HashMap<>();
    private static long bytes;

    private ExecutorCopies() {
    }

    /**
     * The copy {@code relative} of the file {@code name}, made from {@code source} the first time.
     *
     * @throws LiquidLensException   naming the file when it is not there, holds other bytes than the driver read,
     *                               or would pass the limit: running the task again would not help
     * @throws UncheckedIOException naming the file when reading it fails otherwise, so that Spark tries again
     */
    static synchronized Path get(String relative, String name, String sha256, long maxBytes, Source source) {
        Path made = MADE.get(relative);
        if (made != null) {
            return made;
        }
        if (folder == null) {
            folder = ScratchFolder.create("executor-inputs");
        }
        try {
            long size = source.size();
            if (bytes + size > maxBytes) {
                throw new LiquidLensException(name + ": " + Limits.overLimit("the bytes an executor copies", bytes + size,
                        maxBytes));
            }
            String actual;
            try (InputStream in = source.open()) {
                actual = folder.copy(in, relative, size);
            }
            Path copy = folder.inside(relative);
            if (!actual.equals(sha256)) {
                Files.delete(copy);
                throw WorkInputs.notTheDriversFile(name, actual, sha256);
            }
            bytes += size;
            MADE.put(relative, copy);
            return copy;
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new LiquidLensException(name + ": this executor cannot find it (the driver read it)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + HadoopFiles.problem(e), e);
        }
    }

    /** Removes this process's copies (the engine closing in local mode; a cluster's executors end with the job). */
    static synchronized void forget() {
        if (folder != null) {
            folder.close();
            folder = null;
        }
        MADE.clear();
        bytes = 0;
    }
}
