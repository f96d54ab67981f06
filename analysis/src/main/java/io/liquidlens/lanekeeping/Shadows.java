package io.liquidlens.lanekeeping;

import java.util.Arrays;

/**
 * Shadow bands lying across the road, fixed in road coordinates: band k darkens the ground where
 * |s - centre_k - slope_k * d| <= halfWidth_k and dFrom_k <= d <= dTo_k, by the factor 1 - alpha_k. A slope
 * makes the band cross the road at an angle, as the shadow of a tree or a pole would. Sorted by centre.
 */
final class Shadows {
    /** Farthest a band reaches beyond the road's edge (metres). */
    static final double BEYOND_EDGE = 4;

    /** Farthest a band reaches along the road from its centre (half width plus slope times extent). */
    final double reach;
    final double[] centre;
    final double[] halfWidth;
    final double[] slope;
    final double[] dFrom;
    final double[] dTo;
    final float[] alpha;

    private Shadows(double[] centre, double[] halfWidth, double[] slope, double[] dFrom, double[] dTo,
                    float[] alpha, double reach) {
        this.centre = centre;
        this.halfWidth = halfWidth;
        this.slope = slope;
        this.dFrom = dFrom;
        this.dTo = dTo;
        this.alpha = alpha;
        this.reach = reach;
    }

    static Shadows none() {
        return new Shadows(new double[0], new double[0], new double[0], new double[0], new double[0],
                new float[0], 0);
    }

    /**
     * Bands every 18 m on average (at least 4 m apart) from just behind the road's start to beyond its end;
     * 1 to 5 m wide, at up to 50 degrees to the road's normal, most across the whole road and some ending
     * mid-road; opacity 0.6 to 1 times {@code opacity}.
     */
    static Shadows generate(RoadView road, double opacity, long seed, double beyond) {
        if (opacity <= 0) {
            return none();
        }
        Hashing.Stream rng = new Hashing.Stream(seed);
        double edge = road.roadHalfWidth();
        int capacity = (int) ((road.length() + beyond + 40) / 4) + 1;
        double[] c = new double[capacity];
        double[] hw = new double[capacity];
        double[] sl = new double[capacity];
        double[] from = new double[capacity];
        double[] to = new double[capacity];
        float[] a = new float[capacity];
        double maxSlope = Math.tan(Math.toRadians(50));
        double maxExtent = edge + BEYOND_EDGE;
        int n = 0;
        double s = -20 + 4 + rng.uniform(0, 18);
        while (s < road.length() + beyond && n < capacity) {
            c[n] = s;
            hw[n] = 0.5 * rng.uniform(1, 5);
            sl[n] = Math.tan(rng.uniform(-1, 1) * Math.toRadians(50));
            double near = edge + rng.uniform(0, BEYOND_EDGE);
            double far = rng.nextDouble() < 0.7 ? edge + rng.uniform(0, BEYOND_EDGE) : rng.uniform(-edge, edge);
            if (rng.nextDouble() < 0.5) {
                from[n] = -near;
                to[n] = far;
            } else {
                from[n] = -far;
                to[n] = near;
            }
            a[n] = (float) (opacity * rng.uniform(0.6, 1.0));
            n++;
            s += 4 + 14 * -Math.log(1 - rng.nextDouble());
        }
        double reach = 2.5 + maxSlope * maxExtent;
        return new Shadows(Arrays.copyOf(c, n), Arrays.copyOf(hw, n), Arrays.copyOf(sl, n),
                Arrays.copyOf(from, n), Arrays.copyOf(to, n), Arrays.copyOf(a, n), reach);
    }

    int size() {
        return centre.length;
    }

    /** Index of the first band whose centre is at or after {@code s}. */
    int firstFrom(double s) {
        int lo = 0;
        int hi = centre.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (centre[mid] < s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
