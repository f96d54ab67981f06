package io.liquidlens.dynamics.figures;

import java.awt.Color;

/**
 * A sequential colour scale from dark purple (low) through teal to yellow (high), even in lightness so that it
 * reads in grey too; quantised to {@link #LEVELS} colours so a path of one colour is drawn as one stroke.
 */
final class ColourRamp {
    static final int LEVELS = 64;
    private static final int[] ANCHORS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    private ColourRamp() {
    }

    /** The level (0..LEVELS-1) of {@code v} on {@code [lo, hi]}, clamped. */
    static int level(double v, double lo, double hi) {
        double f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        return (int) Math.max(0, Math.min(LEVELS - 1, Math.floor(f * LEVELS)));
    }

    /** The colour of a level. */
    static Color colour(int level) {
        return at((level + 0.5) / LEVELS);
    }

    /** The colour at {@code f} in [0, 1]. */
    static Color at(double f) {
        double pos = Math.max(0, Math.min(1, f)) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) pos);
        double w = pos - i;
        Color a = new Color(ANCHORS[i]);
        Color b = new Color(ANCHORS[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w),
                mix(a.getBlue(), b.getBlue(), w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }
}
