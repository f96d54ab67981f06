package io.liquidlens.lanekeeping;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The road's curvature as a function of arc length: sections of constant target curvature joined by
 * smootherstep transitions at the start of each section. Evaluated exactly at any s (no sampling), so
 * {@link Road#curvatureAt} is smooth however finely it is queried.
 */
final class CurvatureProfile {
    private final double[] starts;
    private final double[] targets;
    private final double[] transitions;

    private CurvatureProfile(double[] starts, double[] targets, double[] transitions) {
        this.starts = starts;
        this.targets = targets;
        this.transitions = transitions;
    }

    /** Draws the sections of a road from its seed. */
    static CurvatureProfile draw(RoadSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.seed());
        double[] s = new double[16];
        double[] k = new double[16];
        double[] tr = new double[16];
        int n = 0;
        double at = 0;
        boolean straight = rng.nextBoolean();
        while (at < spec.length()) {
            if (n == s.length) {
                s = Arrays.copyOf(s, 2 * n);
                k = Arrays.copyOf(k, 2 * n);
                tr = Arrays.copyOf(tr, 2 * n);
            }
            double len;
            double kappa;
            if (straight) {
                len = uniform(rng, spec.minStraight(), spec.maxStraight());
                kappa = 0;
            } else {
                // log-uniform radius: tight and wide bends are equally common on a log scale
                double radius = Math.exp(uniform(rng, Math.log(spec.minRadius()), Math.log(spec.maxRadius())));
                double turn = uniform(rng, spec.minTurn(), spec.maxTurn());
                len = turn * radius;
                kappa = (rng.nextBoolean() ? 1 : -1) / radius;
            }
            s[n] = at;
            k[n] = kappa;
            tr[n] = Math.min(spec.transition(), 0.5 * len);
            n++;
            at += len;
            straight = !straight && rng.nextDouble() < spec.straightShare();
        }
        return new CurvatureProfile(Arrays.copyOf(s, n), Arrays.copyOf(k, n), Arrays.copyOf(tr, n));
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Curvature at arc length s (1/m, positive turning left); the road starts from curvature 0. */
    double at(double s) {
        int i = Arrays.binarySearch(starts, s);
        if (i < 0) {
            i = Math.max(0, -i - 2);
        }
        double from = i == 0 ? 0 : targets[i - 1];
        double u = (s - starts[i]) / transitions[i];
        if (u >= 1) {
            return targets[i];
        }
        return from + (targets[i] - from) * smootherstep(Math.max(0, u));
    }

    /** 6u^5 - 15u^4 + 10u^3: zero first and second derivatives at both ends. */
    private static double smootherstep(double u) {
        return u * u * u * (u * (6 * u - 15) + 10);
    }
}
