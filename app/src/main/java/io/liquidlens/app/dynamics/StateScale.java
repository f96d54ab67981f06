package io.liquidlens.app.dynamics;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The map's colours: the wiring graph's purple (low) - white - orange (high) ramp over a series' own range, so a
 * neuron reads the same on the map as on the graph. Values outside the range take the end colours.
 */
final class StateScale implements PaintScale {
    private static final Color LOW = new Color(0x5e3c99);
    private static final Color MIDDLE = new Color(0xf7f7f7);
    private static final Color HIGH = new Color(0xe66101);
    private static final int LEVELS = 65;
    private static final Color[] RAMP = new Color[LEVELS];

    static {
        for (int k = 0; k < LEVELS; k++) {
            double f = (double) k / (LEVELS - 1);
            RAMP[k] = f < 0.5 ? blend(LOW, MIDDLE, f * 2) : blend(MIDDLE, HIGH, f * 2 - 1);
        }
    }

    private final double lower;
    private final double upper;

    /** A scale from {@code lower} (purple) to {@code upper} (orange); {@code upper} must exceed {@code lower}. */
    StateScale(double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("a scale needs upper > lower, got " + lower + ".." + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Color.LIGHT_GRAY;
        }
        double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        return RAMP[(int) Math.round(f * (LEVELS - 1))];
    }

    private static Color blend(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
