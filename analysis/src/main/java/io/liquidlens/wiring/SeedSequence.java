package io.liquidlens.wiring;

/**
 * numpy's {@code SeedSequence(seed)} with the default pool of four 32-bit words and no spawn key: it turns
 * an integer seed into well-mixed state words for a bit generator. All arithmetic is modulo 2^32, which
 * Java's {@code int} overflow gives for free.
 */
final class SeedSequence {
    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;

    private final int[] pool = new int[POOL_SIZE];
    /** The running hash constant of {@code hashmix}; it carries over from one call to the next. */
    private int hashConst = INIT_A;

    /** @param seed a non-negative integer, as numpy requires */
    SeedSequence(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0 for numpy's SeedSequence, got " + seed);
        }
        int[] entropy = entropyWords(seed);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src]));
                }
            }
        }
        // A long has at most two 32-bit words, so no entropy word is left over for the extra mixing
        // numpy does beyond the pool size.
    }

    /** The seed as little-endian 32-bit words; zero is one word. */
    private static int[] entropyWords(long seed) {
        int low = (int) seed;
        int high = (int) (seed >>> 32);
        return high == 0 ? new int[] {low} : new int[] {low, high};
    }

    private int hashmix(int value) {
        value ^= hashConst;
        hashConst *= MULT_A;
        value *= hashConst;
        value ^= value >>> 16;
        return value;
    }

    private static int mix(int x, int y) {
        int r = MIX_MULT_L * x - MIX_MULT_R * y;
        return r ^ (r >>> 16);
    }

    /** {@code generate_state(2 * n, uint32)} viewed as {@code n} little-endian uint64 words. */
    long[] generateState64(int n) {
        int h = INIT_B;
        long[] out = new long[n];
        for (int i = 0; i < 2 * n; i++) {
            int v = pool[i % POOL_SIZE] ^ h;
            h *= MULT_B;
            v *= h;
            v ^= v >>> 16;
            long word = Integer.toUnsignedLong(v);
            out[i / 2] |= (i % 2 == 0) ? word : word << 32;
        }
        return out;
    }
}
