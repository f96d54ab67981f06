package io.liquidlens.model;

/**
 * {@link FastMath#sigmoid} over a run of floats, bit for bit, in loops that C2's superword pass on JDK 17 turns
 * into AVX code (eight floats an instruction). The scalar sigmoid spends most of its time in one step that does
 * not vectorise: making 2^n by writing n into a float's exponent bits ({@code Float.intBitsToFloat} has no
 * vector form there). Here 2^n is made by arithmetic alone, and exactly, so every other operation (the clamp,
 * the reduction, the polynomial, the final division) can stay the scalar one and the results cannot differ.
 *
 * <p>How 2^n is made: n is a float holding an integer in [-25, 128], so m = n + 26 lies in [1, 154] and has
 * eight bits. Each bit b is read with the shifter trick, b = round(m / 2^(k+1) + 2^-(k+2)) for the
 * remainder m below 2^(k+1): the sum (2m + 1) / 2^(k+2) is exact (nine significant bits at most) and its
 * fractional part is never one half, so rounding it is floor(m / 2^k); the bit is taken off m, and the factor 1 + b (2^(2^k) - 1) is exactly 1
 * or 2^(2^k). The product 2^-26 x the factors (2^128 as 2^64 x 2^64) stays within the normal range and each
 * partial product is exact, so p 2^n is rounded once, as {@code p * 2^(n-1) * 2} is in the scalar form.
 *
 * <p>The work is split into short loops, each over the whole run, because C2 only vectorises a loop it can
 * unroll, and it stops unrolling a body as large as the whole sigmoid; over a run of a few hundred floats
 * the scalar iterations before and after the vector loop cost little. One instance per thread.
 */
public final class LaneSigmoid {
    private static final float SHIFTER = 12582912f; // 1.5 * 2^23, as in FastMath
    private static final float BIAS = 26f;
    private static final float TWO_TO_MINUS_BIAS = 0x1p-26f;
    private final float[] t;
    private final float[] n;
    private final float[] p;

    /** Scratch for runs of up to {@code capacity} floats. */
    public LaneSigmoid(int capacity) {
        t = new float[capacity];
        n = new float[capacity];
        p = new float[capacity];
    }

    /** Replaces {@code z[0..len)} by {@code FastMath.sigmoid} of each. */
    public void apply(float[] z, int len) {
        reduce(z, len);
        polynomial(len);
        highBits(len);
        lowBitsAndSigmoid(z, len);
    }

    /** The clamped t = -z and its nearest multiple n of ln 2, as in the scalar form. */
    private void reduce(float[] z, int len) {
        for (int i = 0; i < len; i++) {
            float x = Math.min(Math.max(-z[i], FastMath.SIG_T_MIN), FastMath.SIG_T_MAX);
            t[i] = x;
            n[i] = FastMath.nearestLn2Multiple(x);
        }
    }

    /**
     * FastMath.expReduced written out: at 69 bytes of bytecode it is past C2's inlining size for a call site
     * it does not yet count as hot, and a call left in the loop keeps the loop scalar.
     */
    private void polynomial(int len) {
        for (int i = 0; i < len; i++) {
            float ni = n[i];
            float r = Math.fma(ni, -FastMath.LN2_LO_F, Math.fma(ni, -FastMath.LN2_HI_F, t[i]));
            float q = Math.fma(r, FastMath.E7, FastMath.E6);
            q = Math.fma(q, r, FastMath.E5);
            q = Math.fma(q, r, FastMath.E4);
            q = Math.fma(q, r, FastMath.E3);
            q = Math.fma(q, r, FastMath.E2);
            q = Math.fma(q, r, 1f);
            p[i] = Math.fma(q, r, 1f);
        }
    }

    /** p times 2^-26 and the factors of bits 7, 6 and 5 of m = n + 26; the remainder of m, in [0, 31], into t. */
    private void highBits(int len) {
        for (int i = 0; i < len; i++) {
            float m = n[i] + BIAS;
            float b7 = bit(m, 1f / 256, 1f / 512);
            m = Math.fma(b7, -128f, m);
            float b6 = bit(m, 1f / 128, 1f / 256);
            m = Math.fma(b6, -64f, m);
            float b5 = bit(m, 1f / 64, 1f / 128);
            t[i] = Math.fma(b5, -32f, m);
            float f7 = factor(b7, 0x1p64f);
            p[i] = p[i] * TWO_TO_MINUS_BIAS * f7 * f7 * factor(b6, 0x1p64f) * factor(b5, 0x1p32f);
        }
    }

    /** The factors of bits 4 to 0 (the remainder in t), then 1 / (1 + p 2^n) into z. */
    private void lowBitsAndSigmoid(float[] z, int len) {
        for (int i = 0; i < len; i++) {
            float m = t[i];
            float b4 = bit(m, 1f / 32, 1f / 64);
            m = Math.fma(b4, -16f, m);
            float b3 = bit(m, 1f / 16, 1f / 32);
            m = Math.fma(b3, -8f, m);
            float b2 = bit(m, 1f / 8, 1f / 16);
            m = Math.fma(b2, -4f, m);
            float b1 = bit(m, 1f / 4, 1f / 8);
            float b0 = Math.fma(b1, -2f, m);
            float e = p[i] * factor(b4, 0x1p16f) * factor(b3, 0x1p8f) * factor(b2, 0x1p4f) * factor(b1, 4f)
                    * factor(b0, 2f);
            z[i] = 1f / (1f + e);
        }
    }

    /** The top bit of an integer m below 2^(k+1), given 2^-(k+1) and 2^-(k+2): 0 or 1. */
    private static float bit(float m, float scale, float half) {
        return ((m * scale + half) + SHIFTER) - SHIFTER;
    }

    /**
     * 1 for b = 0, {@code power} for b = 1, exactly: 1 + (power - 1) is power, also where power - 1 rounds
     * to power (from 2^25 up), since power + 1 then rounds back to power.
     */
    private static float factor(float b, float power) {
        return Math.fma(b, power - 1f, 1f);
    }
}
