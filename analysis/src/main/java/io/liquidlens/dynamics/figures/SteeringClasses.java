package io.liquidlens.dynamics.figures;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The steering class of each step, the rule the {@code tree} command labels decisions with: left when the output
 * v > b, right when v < -b, straight otherwise, where the dead band b is the 1/3 quantile of |v| over every step
 * (so about a third of the steps are straight; positive is left in the sample world).
 */
final class SteeringClasses {
    static final int RIGHT = 0;
    static final int STRAIGHT = 1;
    static final int LEFT = 2;
    static final List<String> NAMES = List.of("right", "straight", "left");
    static final List<Color> COLOURS = List.of(new Color(0xd95f02), new Color(0x999999), new Color(0x1b9e77));

    final double band;
    private final float[] output;

    SteeringClasses(float[] output) {
        this.output = output.clone();
        this.band = band(output);
    }

    /** The class of step {@code t}. */
    int of(int t) {
        float v = output[t];
        return v > band ? LEFT : v < -band ? RIGHT : STRAIGHT;
    }

    /** The rule in words, with b. */
    String rule() {
        return String.format(Locale.ROOT, "left: v > b, straight: |v| <= b, right: v < -b, b = %s (the 1/3 quantile"
                + " of |v|)", Values.short4(band));
    }

    /** The 1/3 quantile of |v|, interpolated between order statistics. */
    static double band(float[] output) {
        if (output.length == 0) {
            return 0;
        }
        double[] abs = new double[output.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(output[i]);
        }
        Arrays.sort(abs);
        double pos = (abs.length - 1) / 3.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, abs.length - 1);
        return abs[lo] + (pos - lo) * (abs[hi] - abs[lo]);
    }
}
