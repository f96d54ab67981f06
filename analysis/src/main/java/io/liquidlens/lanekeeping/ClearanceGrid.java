package io.liquidlens.lanekeeping;

import java.util.Arrays;

/**
 * How close a set of points comes to each square cell of the plane: per cell, a lower bound on the distance
 * from anywhere in the cell to the nearest point, capped at a band width. One lookup then tells that a
 * position is farther than some radius from every point, without looking at any of them. The bound is
 * the exact distance to the cell's rectangle, rounded down. Immutable.
 */
final class ClearanceGrid {
    /** Most cells per point, so a sprawling layout makes the cells coarser instead of the grid huge. */
    private static final int CELLS_PER_POINT = 64;
    private static final int MAX_CELLS = 1 << 22;

    private final double band;
    private final double x0;
    private final double y0;
    private final double cell;
    private final int cols;
    private final int rows;
    private final float[] clearance;

    /**
     * The clearances of the points (xs[i], ys[i]) within {@code band} of them, in cells of side {@code minCell}
     * or more.
     *
     * @throws IllegalArgumentException for no points
     */
    ClearanceGrid(double[] xs, double[] ys, double minCell, double band) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("a clearance grid needs at least one point");
        }
        this.band = band;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        x0 = minX - band;
        y0 = minY - band;
        double width = maxX - minX + 2 * band;
        double height = maxY - minY + 2 * band;
        double most = Math.min(MAX_CELLS, (double) CELLS_PER_POINT * xs.length);
        cell = Math.max(minCell, Math.sqrt(width * height / most) * 1.01);
        cols = (int) (width / cell) + 1;
        rows = (int) (height / cell) + 1;
        float[] squared = new float[cols * rows];
        Arrays.fill(squared, Float.POSITIVE_INFINITY);
        int reach = (int) Math.ceil(band / cell) + 1;
        for (int p = 0; p < xs.length; p++) {
            int pc = column(xs[p]);
            int pr = row(ys[p]);
            for (int j = Math.max(0, pr - reach); j <= Math.min(rows - 1, pr + reach); j++) {
                double dy = gap(ys[p], y0 + j * cell, y0 + (j + 1) * cell);
                for (int i = Math.max(0, pc - reach); i <= Math.min(cols - 1, pc + reach); i++) {
                    double dx = gap(xs[p], x0 + i * cell, x0 + (i + 1) * cell);
                    float d2 = (float) (dx * dx + dy * dy);
                    if (d2 < squared[j * cols + i]) {
                        squared[j * cols + i] = d2;
                    }
                }
            }
        }
        clearance = new float[squared.length];
        for (int k = 0; k < squared.length; k++) {
            double d = Math.sqrt(squared[k]);
            // rounded down twice over (the float square and the float root), so the bound never overstates
            clearance[k] = (float) Math.min(band, Math.max(0, d * (1 - 1e-6) - 1e-6));
        }
    }

    /**
     * A lower bound on the distance from (x, y) to the nearest point, at most the band width (so a position
     * the band does not cover answers the band width); 0 for a position that is not a finite number. The
     * caller allows for the rounding of the position's cell (about 1e-9 of its coordinates).
     */
    double at(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return 0;
        }
        double fx = Math.floor((x - x0) / cell);
        double fy = Math.floor((y - y0) / cell);
        if (fx < 0 || fy < 0 || fx >= cols || fy >= rows) {
            return band;
        }
        return clearance[(int) fy * cols + (int) fx];
    }

    /** Distance from {@code v} to the interval [lo, hi]. */
    private static double gap(double v, double lo, double hi) {
        return v < lo ? lo - v : v > hi ? v - hi : 0;
    }

    private int column(double x) {
        return (int) Math.floor((x - x0) / cell);
    }

    private int row(double y) {
        return (int) Math.floor((y - y0) / cell);
    }
}
