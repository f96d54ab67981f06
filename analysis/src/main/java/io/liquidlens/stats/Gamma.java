package io.liquidlens.stats;

/** The log gamma function and the regularized lower incomplete gamma function, to double precision. */
final class Gamma {
    /** Lanczos coefficients for g = 7, nine terms (accurate to about 15 digits for positive arguments). */
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Gamma() {
    }

    /** ln Gamma(x) for x > 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection keeps the Lanczos sum where it is accurate
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** P(a, x) = gamma(a, x) / Gamma(a) for a > 0 and x >= 0. */
    static double regularizedLower(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            // series: sum over n of x^n / (a (a + 1) ... (a + n)), converges fast below a + 1
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 100_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return Math.min(1, sum * Math.exp(logPrefix));
        }
        // continued fraction for the upper part Q = 1 - P, evaluated by the modified Lentz method
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.max(0, 1 - Math.exp(logPrefix) * h);
    }
}
