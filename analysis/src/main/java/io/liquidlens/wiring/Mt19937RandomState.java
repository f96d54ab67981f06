package io.liquidlens.wiring;

/**
 * numpy's legacy {@code np.random.RandomState(seed)}: the MT19937 generator with the draws ncps's NCP and
 * AutoNCP wirings use ({@code choice(list)} and {@code choice(list, size, replace=False)}).
 *
 * <p>The legacy stream is frozen by numpy policy, so equal seeds give equal wirings in every numpy version.
 * Not thread-safe: one instance per wiring build.
 */
public final class Mt19937RandomState {
    private static final int N = 624;
    private static final int M = 397;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final int MATRIX_A = 0x9908b0df;
    /** Largest seed numpy accepts for {@code RandomState(int)}: 2^32 - 1. */
    public static final long MAX_SEED = 0xffffffffL;

    private final int[] mt = new int[N];
    private int pos;

    /**
     * Seeds the generator as {@code RandomState(seed)} does (MT19937 {@code init_genrand}).
     *
     * @param seed in [0, 2^32 - 1], as numpy requires
     * @throws IllegalArgumentException if the seed is outside that range
     */
    public Mt19937RandomState(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be in [0, " + MAX_SEED + "] for numpy's RandomState, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        pos = N;
    }

    /** The next raw 32-bit output ({@code genrand_int32}), as an unsigned value in a long. */
    public long nextUint32() {
        if (pos >= N) {
            twist();
        }
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        pos = 0;
    }

    /**
     * A uniform integer in [0, max] by masked rejection (numpy's {@code random_interval}); each rejected
     * candidate consumes one 32-bit draw, and {@code max == 0} consumes none.
     *
     * @param max inclusive upper bound, in [0, 2^32 - 1]
     */
    public long bounded(long max) {
        if (max < 0 || max > MAX_SEED) {
            throw new IllegalArgumentException("max must be in [0, " + MAX_SEED + "], got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > max);
        return v;
    }

    /** {@code randint(low, high)}: a uniform integer in [low, high), with high - low in [1, 2^32]. */
    public long randint(long low, long high) {
        if (high <= low || high - low - 1 > MAX_SEED) {
            throw new IllegalArgumentException("randint needs low < high <= low + 2^32, got [" + low + ", " + high + ")");
        }
        return low + bounded(high - low - 1);
    }

    /** {@code permutation(n)}: 0..n-1 shuffled by Fisher-Yates from the top ({@code n - 1} bounded draws). */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation size must be >= 0, got " + n);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) bounded(i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** {@code choice(values)}: one element drawn uniformly, {@code values[randint(0, len)]}. */
    public int choice(int[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot choose from an empty list");
        }
        return values[(int) bounded(values.length - 1L)];
    }

    /**
     * {@code choice(values, size=k, replace=False)}: the first {@code k} entries of a full permutation of
     * the list. The whole permutation's draws are consumed whatever {@code k} is, as numpy does.
     */
    public int[] choiceWithoutReplacement(int[] values, int k) {
        if (k < 0 || k > values.length) {
            throw new IllegalArgumentException("sample size must be in [0, " + values.length + "], got " + k);
        }
        int[] perm = permutation(values.length);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = values[perm[i]];
        }
        return out;
    }
}
