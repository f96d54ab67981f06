package io.liquidlens.lanekeeping;

/**
 * Stateless pseudo-random numbers for the renderer: a 64-bit mixing function turns (seed, integer keys)
 * into well-spread bits. Being stateless, textures anchored in the world and per-frame effects need no
 * generator objects and give the same values whatever order pixels are drawn in.
 */
final class Hashing {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long SECOND = 0xC2B2AE3D27D4EB4FL;
    private static final double UNIT = 0x1.0p-53;

    private Hashing() {
    }

    /** A bijective scramble of 64 bits (the finaliser of the SplitMix64 generator). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for one purpose and one key, derived from a parent seed. */
    static long derive(long seed, long key) {
        return mix(seed + GOLDEN * (key + 1));
    }

    /** Uniform in [0, 1) from a 2-D integer lattice point. */
    static double lattice(long seed, long ix, long iy) {
        return (mix(seed + ix * GOLDEN + iy * SECOND) >>> 11) * UNIT;
    }

    /** Uniform in [0, 1) from 64 random bits. */
    static double unit(long bits) {
        return (bits >>> 11) * UNIT;
    }

    /**
     * Smooth value noise in [0, 1) at world point (x, y) on a lattice of {@code cell} metres: random values at
     * the lattice corners, blended with a smoothstep so the pattern has no visible grid edges.
     */
    static double valueNoise(long seed, double x, double y, double cell) {
        double gx = x / cell;
        double gy = y / cell;
        double fx = Math.floor(gx);
        double fy = Math.floor(gy);
        long ix = (long) fx;
        long iy = (long) fy;
        double tx = gx - fx;
        double ty = gy - fy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        double a = lattice(seed, ix, iy);
        double b = lattice(seed, ix + 1, iy);
        double c = lattice(seed, ix, iy + 1);
        double d = lattice(seed, ix + 1, iy + 1);
        double top = a + (b - a) * tx;
        double bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    /**
     * A small sequential generator over the mixing function, for drawing many values from one seed (noise
     * fields, scene placement). Not thread-safe; cheap to create.
     */
    static final class Stream {
        private long state;
        private double spare;
        private boolean hasSpare;

        Stream(long seed) {
            reset(seed);
        }

        /** Restarts the stream at {@code seed}. */
        void reset(long seed) {
            state = mix(seed ^ SECOND);
            hasSpare = false;
        }

        long nextLong() {
            state += GOLDEN;
            return mix(state);
        }

        /** Uniform in [0, 1). */
        double nextDouble() {
            return unit(nextLong());
        }

        /** Uniform in [lo, hi). */
        double uniform(double lo, double hi) {
            return lo + (hi - lo) * nextDouble();
        }

        /** Standard normal, by the polar method (two values per accepted pair; no trigonometry). */
        double nextGaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u;
            double v;
            double q;
            do {
                // Both coordinates from one draw: the two signed 32-bit halves, scaled to [-1, 1).
                long bits = nextLong();
                u = (int) bits * 0x1.0p-31;
                v = (int) (bits >>> 32) * 0x1.0p-31;
                q = u * u + v * v;
            } while (q >= 1 || q == 0);
            double scale = Math.sqrt(-2 * Math.log(q) / q);
            spare = v * scale;
            hasSpare = true;
            return u * scale;
        }
    }
}
