package io.liquidlens.app.dynamics;

/**
 * What colours the map: one value per step of the rollout and what they are.
 *
 * @param label  what the values are, as the colour bar names them ({@code state of command 3 (id 4)})
 * @param values one per step (read in place, never changed)
 * @param min    the lowest value, the colour bar's bottom
 * @param max    the highest, above {@code min} even when every value is the same (so the scale has a width)
 */
public record ColourSeries(String label, float[] values, double min, double max) {

    /** {@code values} named {@code label}, the scale from their lowest to their highest (NaN left out). */
    static ColourSeries of(String label, float[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            // a constant series still needs a scale to draw its one colour on
            double pad = Math.max(1e-6, Math.abs(lo) * 1e-3);
            lo -= pad;
            hi += pad;
        }
        return new ColourSeries(label, values, lo, hi);
    }
}
