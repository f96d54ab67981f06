package io.liquidlens.model;

/**
 * Fast, accurate elementary functions for the simulation hot loops. An LTC step evaluates hundreds of
 * synapse sigmoids, so {@link Math#exp} (10-20 ns) would dominate the run time.
 *
 * <p>exp: x = n ln2 + f ln2 with n an integer and |f| <= 1/2 (computed in the log2 domain with the
 * round-to-nearest "shifter" trick), 2^f from its Taylor polynomial of degree 8 in f ln2 (truncation
 * error below 6e-10), and 2^n placed directly into the exponent bits. Everything runs in double, so a
 * float result is within about 0.5 ulp plus 1e-9 relative of the true value; overflow and underflow fall
 * out of the float conversion (the argument is clamped to +-700 so the double stays finite or zero).
 */
public final class FastMath {
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

    /** e^x in double, relative error below 1e-9 for |x| <= 700 (clamped beyond; NaN stays NaN). */
    public static double expd(double x) {
        double c = Math.max(-CLAMP, Math.min(CLAMP, x));
        double y = c * LOG2E;
        double t = y + SHIFTER;
        long bits = Double.doubleToRawLongBits(t);
        double f = y - (t - SHIFTER); // in [-0.5, 0.5]
        double p = 1.0 + f * (C1 + f * (C2 + f * (C3 + f * (C4 + f * (C5 + f * (C6 + f * (C7 + f * C8)))))));
        // the low bits of t hold n (two's complement); shifting n + 1023 into the exponent gives 2^n
        return p * Double.longBitsToDouble((bits + 1023L) << 52);
    }

    /** e^x as a float: +Infinity above ~88.72, 0 (through the subnormals) below ~-103.9. */
    public static float exp(float x) {
        return (float) expd(x);
    }

    /** The logistic sigmoid 1 / (1 + e^-z), correct at both tails. */
    public static float sigmoid(float z) {
        return (float) (1.0 / (1.0 + expd(-z)));
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
