package io.liquidlens.model;

/**
 * Fast, accurate elementary functions for the simulation hot loops. An LTC step evaluates hundreds of
 * synapse sigmoids, so {@link Math#exp} would dominate the run time.
 *
 * <p>Float exp (the hot path): x = n ln2 + r with n = round(x / ln2) (the "shifter" trick: adding 1.5 *
 * 2^23 rounds to an integer held in the low mantissa bits) and r reduced in two parts (Cody-Waite: ln2
 * split into a short high part, so n * high is exact, and a low correction), |r| <= ln2/2; e^r from its
 * Taylor polynomial of degree 7 (truncation below 5e-9) evaluated with fused multiply-adds; 2^n placed
 * directly into the exponent bits. Relative error about 1e-7 (float rounding). Arguments outside
 * [-87, 88], where 2^n would leave the normal range, and NaN go to {@link Math#exp}: rare, and exact there.
 *
 * <p>The float sigmoid 1 / (1 + e^t), t = -z, clamps t to [{@value #SIG_T_MIN}, {@value #SIG_T_MAX}] first: below,
 * e^t < 2^-25 and 1 + e^t rounds to 1 anyway; above, e^t overflows and the sigmoid is 0 (its true value is
 * below 3e-39, a subnormal). Inside, n is at most 128, so 2^(n-1) is a normal float and p 2^(n-1) is exact;
 * the final doubling rounds once (to infinity where e^t overflows). Within [-87, 88] that is exactly the
 * unclamped expCore form, which batch 1 keeps for speed. No call to Math.exp, and the one operation on bits is
 * making an exact power of two: {@code LaneSigmoid} makes it by arithmetic instead and so gets these very
 * numbers in vectorised lane loops.
 *
 * <p>Double exp works the same way in the log2 domain with a degree-8 polynomial for 2^f, |f| <= 1/2
 * (relative error below 1e-9), clamped to +-700.
 */
public final class FastMath {
    private static final float SHIFTER_F = 12582912f; // 1.5 * 2^23
    private static final float LOG2E_F = 1.44269504f;
    static final float LN2_HI_F = 0.693359375f; // 0x3f318000: 9 significant bits, n * LN2_HI_F is exact
    static final float LN2_LO_F = -2.12194440e-4f; // ln2 - LN2_HI_F
    static final float E2 = 1f / 2;
    static final float E3 = 1f / 6;
    static final float E4 = 1f / 24;
    static final float E5 = 1f / 120;
    static final float E6 = 1f / 720;
    static final float E7 = 1f / 5040;
    private static final float FAST_MIN = -87f;
    private static final float FAST_MAX = 88f;
    // package-private: LaneSigmoid computes the same function
    static final float SIG_T_MIN = -17.5f;
    static final float SIG_T_MAX = 89f;

    private static final double LOG2E = 1.4426950408889634;
    /** 1.5 * 2^52: adding it rounds a double of magnitude < 2^51 to an integer held in the low bits. */
    private static final double SHIFTER = 6755399441055744.0;
    private static final double LN2 = 0.6931471805599453;
    // (ln2)^k / k! for k = 1..8, so that 2^f = 1 + sum c_k f^k
    private static final double C1 = LN2;
    private static final double C2 = C1 * LN2 / 2;
    private static final double C3 = C2 * LN2 / 3;
    private static final double C4 = C3 * LN2 / 4;
    private static final double C5 = C4 * LN2 / 5;
    private static final double C6 = C5 * LN2 / 6;
    private static final double C7 = C6 * LN2 / 7;
    private static final double C8 = C7 * LN2 / 8;
    private static final double CLAMP = 700.0;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    private FastMath() {
    }

    /** e^x for x in [FAST_MIN, FAST_MAX] (not checked). */
    private static float expCore(float x) {
        float t = x * LOG2E_F + SHIFTER_F;
        int bits = Float.floatToRawIntBits(t);
        float n = t - SHIFTER_F;
        // the low bits of t hold n + 2^22; n + 127 in [1, 254] lands in the exponent field
        return expReduced(x, n) * Float.intBitsToFloat((bits + 127) << 23);
    }

    /** The rounded multiple of ln 2 nearest to x, as a float integer n (the shifter trick). */
    static float nearestLn2Multiple(float x) {
        return (x * LOG2E_F + SHIFTER_F) - SHIFTER_F;
    }

    /** e^(x - n ln2) for the n of {@link #nearestLn2Multiple}: the reduced argument's Taylor polynomial. */
    static float expReduced(float x, float n) {
        float r = Math.fma(n, -LN2_LO_F, Math.fma(n, -LN2_HI_F, x));
        float p = Math.fma(r, E7, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1f);
        return Math.fma(p, r, 1f);
    }

    /** e^x as a float (relative error about 1e-7); +Infinity above ~88.72, 0 far below -87. */
    public static float exp(float x) {
        if (x >= FAST_MIN && x <= FAST_MAX) {
            return expCore(x);
        }
        return (float) Math.exp(x);
    }

    /** e^x in double, relative error below 1e-9 for |x| <= 700 (clamped beyond; NaN stays NaN). */
    public static double expd(double x) {
        double c = x;
        if (!(c > -CLAMP && c < CLAMP)) {
            c = c > 0 ? CLAMP : c < 0 ? -CLAMP : c; // NaN stays NaN
        }
        double y = c * LOG2E;
        double t = y + SHIFTER;
        long bits = Double.doubleToRawLongBits(t);
        double f = y - (t - SHIFTER); // in [-0.5, 0.5]
        double p = 1.0 + f * (C1 + f * (C2 + f * (C3 + f * (C4 + f * (C5 + f * (C6 + f * (C7 + f * C8)))))));
        // the low bits of t hold n (two's complement); shifting n + 1023 into the exponent gives 2^n
        return p * Double.longBitsToDouble((bits + 1023L) << 52);
    }

    /**
     * The logistic sigmoid 1 / (1 + e^-z), relative error about 1e-7 down to 1e-38; 0 below z = -88.72 (class
     * Javadoc), NaN for NaN.
     */
    public static float sigmoid(float z) {
        float t = -z;
        if (t >= FAST_MIN && t <= FAST_MAX) {
            // here n <= 127 and p 2^n is exact either way: the same float as the clamped form below
            return 1f / (1f + expCore(t));
        }
        return sigmoidClamped(t);
    }

    /** 1 / (1 + e^t) with t clamped as the class Javadoc says; NaN stays NaN. */
    private static float sigmoidClamped(float t) {
        float c = Math.min(Math.max(t, SIG_T_MIN), SIG_T_MAX);
        float y = c * LOG2E_F + SHIFTER_F;
        int bits = Float.floatToRawIntBits(y);
        float n = y - SHIFTER_F;
        // n + 126 in [101, 254]: 2^(n-1) from the low bits of y, as in expCore
        return 1f / (1f + expReduced(c, n) * Float.intBitsToFloat((bits + 126) << 23) * 2f);
    }

    /** The logistic sigmoid in double. */
    public static double sigmoidd(double z) {
        return 1.0 / (1.0 + expd(-z));
    }

    /** tanh(x), from e^(-2|x|); exact to float precision over the whole range. */
    public static float tanh(float x) {
        return (float) tanhd(x);
    }

    /** tanh(x) in double (relative error ~1e-9). */
    public static double tanhd(double x) {
        double a = Math.abs(x);
        if (a < 1e-5) {
            return x; // tanh x = x - x^3/3: the cubic term is below 4e-11 relative here
        }
        double e = expd(-2 * a);
        double r = (1 - e) / (1 + e);
        return x < 0 ? -r : r;
    }

    /** torch's {@code nn.Softplus()} (beta 1, threshold 20): x above 20, else log(1 + e^x). */
    public static float softplus(float x) {
        return x > 20f ? x : (float) Math.log1p(Math.exp(x));
    }

    /**
     * The error function, absolute error below 1e-13. For |x| < 2.5 the series
     * erf x = 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)), whose terms are all positive (no
     * cancellation); above, erfc from its continued fraction
     * erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))) evaluated from a
     * fixed depth upwards; beyond 6, erf is +-1 to double precision.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a < 2.5) {
            double twoX2 = 2 * a * a;
            double term = a;
            double sum = a;
            for (int n = 1; n < 200; n++) {
                term *= twoX2 / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            r = TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
        } else if (a < 6) {
            r = 1 - erfcContinuedFraction(a);
        } else {
            r = 1;
        }
        return x < 0 ? -r : r;
    }

    /** erfc for x >= 2.5 (continued fraction); used by {@link #erf}. */
    static double erfcContinuedFraction(double x) {
        double tail = x;
        for (int k = 80; k >= 1; k--) {
            tail = x + (k / 2.0) / tail;
        }
        return ONE_OVER_SQRT_PI * Math.exp(-x * x) / tail;
    }
}
