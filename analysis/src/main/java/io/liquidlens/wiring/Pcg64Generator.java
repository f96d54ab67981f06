package io.liquidlens.wiring;

/**
 * numpy's {@code np.random.default_rng(seed)}: a {@code Generator} over PCG64 (128-bit LCG with the XSL-RR
 * output), seeded through {@code SeedSequence}. It provides the draws ncps's FullyConnected and Random
 * wirings use: {@code choice(list)} and {@code choice(list, size, replace=False)}.
 *
 * <p>numpy does not freeze this stream by policy, but it has not changed since numpy 1.17; the tests pin it
 * against numpy output. Not thread-safe: one instance per wiring build.
 */
public final class Pcg64Generator {
    // The 128-bit LCG multiplier 0x2360ED051FC65DA4_4385DF649FCCF645, as two 64-bit halves.
    private static final long MULT_HI = 0x2360ED051FC65DA4L;
    private static final long MULT_LO = 0x4385DF649FCCF645L;
    /** numpy's {@code choice} switches to a partial tail shuffle above this population... */
    private static final int TAIL_SHUFFLE_MIN_POPULATION = 10_000;
    /** ...when more than population / 50 items are asked for. */
    private static final int TAIL_SHUFFLE_DIVISOR = 50;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;
    /** The upper half of the last 64-bit output, kept for the next 32-bit draw (numpy's {@code has_uint32}). */
    private boolean hasHalf;
    private long half;

    /**
     * Seeds the generator as {@code np.random.default_rng(seed)} does.
     *
     * @param seed a non-negative integer
     * @throws IllegalArgumentException if the seed is negative
     */
    public Pcg64Generator(long seed) {
        long[] s = new SeedSequence(seed).generateState64(4);
        long initSeqHi = s[2];
        long initSeqLo = s[3];
        // inc = (initseq << 1) | 1 over 128 bits
        incHi = (initSeqHi << 1) | (initSeqLo >>> 63);
        incLo = (initSeqLo << 1) | 1L;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + s[1];
        long carry = Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0;
        stateHi = stateHi + s[0] + carry;
        stateLo = lo;
        step();
    }

    /** state = state * MULT + inc (mod 2^128). */
    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
        long newLo = lo + incLo;
        long carry = Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0;
        stateHi = hi + incHi + carry;
        stateLo = newLo;
    }

    /**
     * The high 64 bits of the unsigned 128-bit product a * b. Java 17 has only the signed
     * {@link Math#multiplyHigh}; each negative operand (top bit set) lowered the signed result by the
     * other operand, so that is added back.
     */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** The next 64-bit output (advance, then XSL-RR of the new state). */
    public long nextUint64() {
        step();
        long x = stateHi ^ stateLo;
        int rot = (int) (stateHi >>> 58);
        return Long.rotateRight(x, rot);
    }

    /**
     * The next 32-bit output, as an unsigned value in a long: the low half of a fresh 64-bit output, whose
     * high half is returned by the following call.
     */
    public long nextUint32() {
        if (hasHalf) {
            hasHalf = false;
            return half;
        }
        long n = nextUint64();
        half = n >>> 32;
        hasHalf = true;
        return n & 0xffffffffL;
    }

    /**
     * A uniform integer in [0, max] by Lemire's multiply-and-reject method on 32-bit draws (what
     * {@code Generator.integers} and {@code choice} use for ranges below 2^32). {@code max == 0} consumes
     * no draw.
     *
     * @param max inclusive upper bound, in [0, 2^32 - 1]
     */
    public long bounded(long max) {
        if (max < 0 || max > 0xffffffffL) {
            throw new IllegalArgumentException("max must be in [0, 4294967295], got " + max);
        }
        if (max == 0) {
            return 0;
        }
        if (max == 0xffffffffL) {
            return nextUint32();
        }
        long excl = max + 1;
        long m = nextUint32() * excl;
        long left = m & 0xffffffffL;
        if (left < excl) {
            long threshold = (0xffffffffL - max) % excl;
            while (left < threshold) {
                m = nextUint32() * excl;
                left = m & 0xffffffffL;
            }
        }
        return m >>> 32;
    }

    /** {@code integers(low, high)}: a uniform integer in [low, high), with high - low in [1, 2^32]. */
    public long integers(long low, long high) {
        if (high <= low || high - low - 1 > 0xffffffffL) {
            throw new IllegalArgumentException("integers needs low < high <= low + 2^32, got [" + low + ", " + high + ")");
        }
        return low + bounded(high - low - 1);
    }

    /** {@code choice(values)}: one element drawn uniformly. */
    public int choice(int[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot choose from an empty list");
        }
        return values[(int) bounded(values.length - 1L)];
    }

    /**
     * {@code choice(range(population), size=k, replace=False)}: {@code k} distinct indices in numpy's order.
     * Large draws from a large population (more than 10,000 items and k above population / 50) use a
     * partial Fisher-Yates shuffle of the tail; all others use Floyd's algorithm followed by a shuffle of
     * the k results.
     */
    public int[] sampleIndices(int population, int k) {
        if (population < 0) {
            throw new IllegalArgumentException("population must be >= 0, got " + population);
        }
        if (k < 0 || k > population) {
            throw new IllegalArgumentException("sample size must be in [0, " + population + "], got " + k);
        }
        if (population > TAIL_SHUFFLE_MIN_POPULATION && k > population / TAIL_SHUFFLE_DIVISOR) {
            return tailShuffle(population, k);
        }
        return floyd(population, k);
    }

    private int[] tailShuffle(int population, int k) {
        int[] idx = new int[population];
        for (int i = 0; i < population; i++) {
            idx[i] = i;
        }
        shuffle(idx, population, Math.max(population - k, 1));
        int[] out = new int[k];
        System.arraycopy(idx, population - k, out, 0, k);
        return out;
    }

    private int[] floyd(int population, int k) {
        int[] out = new int[k];
        boolean[] chosen = new boolean[population];
        for (int j = population - k; j < population; j++) {
            int v = (int) bounded(j);
            // j itself can never have been chosen before: earlier picks are all below j.
            int pick = chosen[v] ? j : v;
            chosen[pick] = true;
            out[j - population + k] = pick;
        }
        shuffle(out, k, 1);
        return out;
    }

    /** Fisher-Yates from the top over data[first..n-1]: for i = n-1 down to first, swap with [0, i]. */
    private void shuffle(int[] data, int n, int first) {
        for (int i = n - 1; i >= first; i--) {
            int j = (int) bounded(i);
            int t = data[i];
            data[i] = data[j];
            data[j] = t;
        }
    }

    /** {@code choice(values, size=k, replace=False)}: the elements at {@link #sampleIndices} of the list. */
    public int[] choiceWithoutReplacement(int[] values, int k) {
        int[] idx = sampleIndices(values.length, k);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
