package io.liquidlens.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A figure painted onto an image the size of the figure, as a test looks at it. */
final class PaintedFigures {
    private PaintedFigures() {
    }

    static BufferedImage paint(Figure f) {
        BufferedImage img = new BufferedImage((int) f.width(), (int) f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        f.paint(g);
        g.dispose();
        return img;
    }
}
