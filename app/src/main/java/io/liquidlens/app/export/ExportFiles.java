package io.liquidlens.app.export;

import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.io.AtomicFiles;
import io.liquidlens.io.IOConsumer;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * How the second half of an export writes: through {@link AtomicFiles}, with a last look for a cancel once the
 * content is encoded and before the file is replaced (a cancelled export then leaves the file as it was).
 */
public final class ExportFiles {
    private ExportFiles() {
    }

    /** Writes what {@code body} writes to {@code file}, atomically, unless the work is cancelled meanwhile. */
    public static void write(Path file, ProgressSink progress, IOConsumer<OutputStream> body) {
        progress.checkCancelled();
        AtomicFiles.write(file, out -> {
            body.accept(out);
            progress.checkCancelled();
        });
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeText(Path file, ProgressSink progress, String text) {
        write(file, progress, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    /** Encodes {@code image} as {@code format} ("png", "jpg") into {@code file}. */
    public static void writeImage(Path file, ProgressSink progress, RenderedImage image, String format) {
        write(file, progress, out -> {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("no " + format + " writer available");
            }
        });
    }

    /**
     * Converts a JavaFX image (a snapshot, no longer changed by anyone) and encodes it as PNG into {@code file};
     * both steps cost as much as the snapshot itself, so they run here rather than on the JavaFX thread.
     */
    public static void writePng(Path file, ProgressSink progress, Image snapshot) {
        BufferedImage image = SwingFXUtils.fromFXImage(snapshot, null);
        progress.checkCancelled();
        writeImage(file, progress, image, "png");
    }
}
