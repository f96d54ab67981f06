package io.liquidlens.lanekeeping;

import java.util.SplittableRandom;

/** Standard normal draws from a seeded stream (Box-Muller, one draw per call, no hidden state). */
final class Gaussian {
    private Gaussian() {
    }

    /** One N(0, 1) value; consumes two uniforms. */
    static double next(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
