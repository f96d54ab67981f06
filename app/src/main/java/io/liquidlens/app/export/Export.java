package io.liquidlens.app.export;

import io.liquidlens.app.task.ProgressSink;
import java.nio.file.Path;

/**
 * An export in two halves, split where the JavaFX thread must let go. {@link #capture} runs on the JavaFX thread
 * and takes what only that thread may read (a node's snapshot, a copy of a chart, the graph as drawn now); the
 * {@link Writing} it returns encodes and writes what was captured on a worker thread and touches no node. A
 * capture stays short, so the window keeps answering while the file is written.
 */
@FunctionalInterface
public interface Export {

    /**
     * On the JavaFX thread: captures what is shown now, to be written to {@code file}.
     *
     * @throws io.liquidlens.LiquidLensException naming {@code file} when there is nothing to export yet
     */
    Writing capture(Path file);

    /** The second half of an export: runs on a worker thread, reads only what was captured. */
    @FunctionalInterface
    interface Writing {
        /**
         * Encodes and writes the file; polls {@code progress} for a cancel before the file is replaced, so a
         * cancelled export leaves it as it was.
         */
        void write(ProgressSink progress) throws Exception;
    }

    /** Captures now and writes at once on the calling thread (tests, and views used on their own). */
    static void now(Export export, Path file) {
        try {
            export.capture(file).write(ProgressSink.NONE);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new io.liquidlens.LiquidLensException(file, "cannot write: " + e.getMessage(), e);
        }
    }
}
