package io.liquidlens.drawing;

import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders one page of a PDF as a PNG, for the pictures in the README (no PDF rasteriser is assumed on the
 * machine): {@code java -cp ... io.liquidlens.drawing.PdfPagePng IN.pdf PAGE DPI OUT.png}, PAGE counted from 1.
 */
public final class PdfPagePng {
    private PdfPagePng() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: PdfPagePng IN.pdf PAGE DPI OUT.png");
        }
        PdfSetup.ensure();
        try (PDDocument doc = Loader.loadPDF(new File(args[0]))) {
            var image = new PDFRenderer(doc).renderImageWithDPI(Integer.parseInt(args[1]) - 1,
                    Float.parseFloat(args[2]));
            ImageIO.write(image, "png", new File(args[3]));
        }
    }
}
