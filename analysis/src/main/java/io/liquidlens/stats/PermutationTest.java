package io.liquidlens.stats;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether two small samples of independent units (e.g. the crash rates of networks trained from different seeds)
 * come from the same distribution: the permutation test of the difference of their means. Under "no difference"
 * every split of the pooled values into groups of the two sizes is equally likely, so the p-value is the share of
 * splits whose difference is at least as far from zero as the observed one. It assumes nothing about the values'
 * distribution; a pooled Poisson test would, and seeds spread their crash counts far wider than Poisson allows.
 */
public final class PermutationTest {
    /** Up to this many splits every one is enumerated and the p-value is exact. */
    public static final long MAX_EXACT_SPLITS = 100_000;
    /** Above {@link #MAX_EXACT_SPLITS}, this many seeded random splits estimate the p-value. */
    public static final int RANDOM_SPLITS = 100_000;
    /** The most values a sample may have (enumeration and the split count are bounded by it). */
    public static final int MAX_VALUES = 1_000;

    private PermutationTest() {
    }

    /**
     * The test's outcome.
     *
     * @param difference the mean of a minus the mean of b
     * @param pValue     two-sided: the share of splits with |difference| at least the observed one (the observed
     *                   split counts, so it is never 0); for random splits (1 + count) / (1 + splits)
     * @param exact      true when every split was enumerated
     * @param splits     the splits counted
     */
    public record Result(double difference, double pValue, boolean exact, long splits) {
        /** How the p-value was found, for a caption. */
        public String describe() {
            return exact ? String.format(Locale.ROOT, "exact permutation test of the difference of means (all %d"
                    + " splits)", splits) : String.format(Locale.ROOT, "permutation test of the difference of means"
                    + " (Monte Carlo, %d seeded random splits)", splits);
        }
    }

    /**
     * Tests "a and b have the same distribution" on the difference of their means; {@code seed} seeds the random
     * splits when there are too many to enumerate.
     *
     * @throws IllegalArgumentException when a sample is empty, has more than {@link #MAX_VALUES} values, or holds a
     *                                  value that is not finite
     */
    public static Result meanDifference(double[] a, double[] b, long seed) {
        for (double[] sample : new double[][] {a, b}) {
            if (sample.length == 0 || sample.length > MAX_VALUES) {
                throw new IllegalArgumentException("a sample needs 1 to " + MAX_VALUES + " values, got "
                        + sample.length);
            }
            for (double v : sample) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("values must be finite, got " + v);
                }
            }
        }
        int n = a.length + b.length;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double total = sum(pooled, n);
        double sumA = sum(a, a.length);
        double difference = sumA / a.length - (total - sumA) / b.length;
        // with the sizes fixed the difference of means grows with a's sum, so splits are compared on it: how far
        // a's sum is from its share of the total
        double centre = total * a.length / n;
        double observed = Math.abs(sumA - centre);
        // sums of the same values in another order may differ in the last bits
        double tolerance = 1e-9 * Math.max(1, sum(absolute(pooled), n));
        long splits = splits(n, a.length);
        if (splits <= MAX_EXACT_SPLITS) {
            long atLeast = enumerate(pooled, a.length, centre, observed - tolerance);
            return new Result(difference, (double) atLeast / splits, true, splits);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] shuffled = pooled.clone();
        long atLeast = 0;
        for (int s = 0; s < RANDOM_SPLITS; s++) {
            double drawn = 0;
            // a partial Fisher-Yates shuffle: the first a.length places are a uniformly random subset
            for (int i = 0; i < a.length; i++) {
                int j = i + random.nextInt(n - i);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
                drawn += shuffled[i];
            }
            if (Math.abs(drawn - centre) >= observed - tolerance) {
                atLeast++;
            }
        }
        return new Result(difference, (1.0 + atLeast) / (1.0 + RANDOM_SPLITS), false, RANDOM_SPLITS);
    }

    /** n choose k, or {@link Long#MAX_VALUE} once it passes {@link #MAX_EXACT_SPLITS}. */
    static long splits(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c > MAX_EXACT_SPLITS) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    /** How many k-subsets of {@code values} have a sum at least {@code reach} from {@code centre}. */
    private static long enumerate(double[] values, int k, double centre, double reach) {
        int n = values.length;
        int[] index = new int[k];
        for (int i = 0; i < k; i++) {
            index[i] = i;
        }
        long count = 0;
        while (true) {
            double s = 0;
            for (int i : index) {
                s += values[i];
            }
            if (Math.abs(s - centre) >= reach) {
                count++;
            }
            int i = k - 1;
            while (i >= 0 && index[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return count;
            }
            index[i]++;
            for (int j = i + 1; j < k; j++) {
                index[j] = index[j - 1] + 1;
            }
        }
    }

    private static double sum(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }

    private static double[] absolute(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.abs(v[i]);
        }
        return out;
    }
}
