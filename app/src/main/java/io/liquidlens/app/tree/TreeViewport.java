package io.liquidlens.app.tree;

/**
 * Which part of the tree's drawing the panel shows: a scale and an offset from drawing units to panel pixels. Fit
 * shows the whole drawing at any size (down to a fraction of a pixel per unit: text is then left out, not squeezed);
 * zoom keeps the point under the pointer where it is.
 */
final class TreeViewport {
    /** Larger than life makes nothing more readable. */
    static final double MAX_SCALE = 1.1;
    /** Smaller than this, a thousand-leaf tree is already narrower than a pixel per leaf. */
    static final double MIN_SCALE = 0.002;
    private static final double MARGIN = 8;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    double scale() {
        return scale;
    }

    /** Panel x of drawing x. */
    double screenX(double x) {
        return offsetX + x * scale;
    }

    /** Panel y of drawing y. */
    double screenY(double y) {
        return offsetY + y * scale;
    }

    /** Drawing x of panel x. */
    double worldX(double px) {
        return (px - offsetX) / scale;
    }

    /** Drawing y of panel y. */
    double worldY(double py) {
        return (py - offsetY) / scale;
    }

    /**
     * Shows a drawing of {@code width} x {@code height} units whole and centred in a panel of {@code panelW} x
     * {@code panelH} pixels whose top {@code top} pixels are taken (by the legend).
     */
    void fit(double width, double height, double panelW, double panelH, double top) {
        double w = Math.max(1, panelW - 2 * MARGIN);
        double h = Math.max(1, panelH - top - 2 * MARGIN);
        scale = clamp(Math.min(w / Math.max(1, width), h / Math.max(1, height)));
        offsetX = (panelW - width * scale) / 2;
        offsetY = top + MARGIN + (h - height * scale) / 2;
    }

    /** Zooms by {@code factor} about the panel point ({@code px}, {@code py}). */
    void zoom(double factor, double px, double py) {
        double next = clamp(scale * factor);
        double f = next / scale;
        offsetX = px - (px - offsetX) * f;
        offsetY = py - (py - offsetY) * f;
        scale = next;
    }

    /** Moves the drawing by ({@code dx}, {@code dy}) pixels. */
    void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    /** Puts drawing point ({@code x}, {@code y}) at panel point ({@code px}, {@code py}). */
    void place(double x, double y, double px, double py) {
        offsetX = px - x * scale;
        offsetY = py - y * scale;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
