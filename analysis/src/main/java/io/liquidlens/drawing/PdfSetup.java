package io.liquidlens.drawing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JVM must know before PDFBox first maps a font (docs/DESIGN.md#pdfbox-font-cache): {@code pdfbox.fontcache},
 * an existing folder for its system-font cache, else PDFBox silently writes {@code ~/.pdfbox.cache}. The user's own
 * setting wins; otherwise a folder under the system's temporary directory.
 */
public final class PdfSetup {
    private PdfSetup() {
    }

    /** Applies the setting once; cheap to call before every use of PDFBox. */
    public static synchronized void ensure() {
        if (System.getProperty("pdfbox.fontcache") != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "liquidlens-pdfbox-" + System.getProperty("user.name"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PDFBox's font cache folder " + dir, e);
        }
        System.setProperty("pdfbox.fontcache", dir.toString());
    }
}
