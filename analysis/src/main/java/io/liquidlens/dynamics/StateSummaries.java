package io.liquidlens.dynamics;

import io.liquidlens.model.LiquidModel;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures a {@link StateSummary} from states a caller already has (the causality report's clean replay), with
 * intervals from the block bootstrap the report uses for everything else: the steps' blocks are drawn with
 * replacement and PC1's share and the neurons' L_max recomputed on the drawn steps. Each block keeps its sums
 * (for the covariance) and its neurons' largest rates, so a replicate costs a sum over blocks, not a pass over
 * the steps; a rate is never taken across two blocks' edges that were not neighbours in the rollout.
 */
public final class StateSummaries {
    /** The most block-neuron-neuron sums held for the PCA bootstrap (16 Mi doubles, 128 MB); beyond, no interval. */
    static final long MAX_SUMS = 1L << 24;

    /**
     * The most step-neuron values a summary reads (32 Mi: a million steps of 19 neurons fit; its copies take about
     * 0.6 GB); a caller with more leaves the summary out rather than allocate them.
     */
    public static final long MAX_STATE_VALUES = 1L << 25;

    private StateSummaries() {
    }

    /**
     * @param model     the model whose states they are
     * @param states    per rollout, its (T, N) states in the model's state order (not wiring ids), at least 2 steps
     *                  in all
     * @param timespans per rollout, its timespans or null (every step 1)
     * @param seed      the bootstrap's seed
     * @param level     the intervals' level, e.g. 0.95
     */
    public static StateSummary of(LiquidModel model, List<float[]> states, List<float[]> timespans, long seed,
                                  double level) {
        int n = model.stateSize();
        int[] ids = model.stateNeuronIds();
        long counted = 0;
        for (float[] s : states) {
            counted += s.length / n;
        }
        int steps = (int) Math.min(Integer.MAX_VALUE, counted);
        if (steps < 2) {
            throw new IllegalArgumentException("the rollouts have " + steps + " step(s) in all; the dynamics need"
                    + " at least 2");
        }
        if ((long) steps * n > MAX_STATE_VALUES) {
            throw new IllegalArgumentException(steps + " steps of " + n + " neurons are more than the "
                    + MAX_STATE_VALUES + " state values a dynamics summary reads");
        }
        // rows in wiring-id order, as Dynamics reads them
        double[] byId = new double[steps * n];
        int[] episodeOfStep = new int[steps];
        boolean[] first = new boolean[steps];
        double[] dt = new double[steps];
        int row = 0;
        for (int r = 0; r < states.size(); r++) {
            float[] s = states.get(r);
            float[] ts = timespans.get(r);
            for (int t = 0; t < s.length / n; t++, row++) {
                for (int p = 0; p < n; p++) {
                    byId[row * n + ids[p]] = s[t * n + p];
                }
                episodeOfStep[row] = r;
                first[row] = t == 0;
                dt[row] = ts == null ? 1 : ts[t];
            }
        }
        int[] columns = Dynamics.pcaColumns(model, Dynamics.rolesById(model), DynamicsOptions.defaults(),
                new ArrayList<>());
        double[] x = new double[steps * columns.length];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < columns.length; c++) {
                x[t * columns.length + c] = byId[t * n + columns[c]];
            }
        }
        Blocks blocks = Blocks.of(episodeOfStep);
        double[][] rates = blockRates(byId, n, first, dt, blocks);
        BlockBootstrap bootstrap = BlockBootstrap.of(blocks, seed);
        double[] lmax = lmaxOf(rates, all(blocks.count()));
        Interval medianCi = bootstrap.interval(pick -> median(lmaxOf(rates, pick)), level);
        Interval maxCi = bootstrap.interval(pick -> max(lmaxOf(rates, pick)), level);
        String resampling = blocks.describe();
        String refusal = PcaFit.refusal(x, steps, columns.length);
        double share = Double.NaN;
        Interval shareCi = Interval.undefined(level);
        if (refusal != null) {
            // the report goes on without PC1's share, saying why
            resampling += "; " + refusal;
        } else if ((long) blocks.count() * columns.length * columns.length > MAX_SUMS) {
            share = PcaFit.fit(x, steps, columns).pc1Share();
            resampling += "; PC1's share has no interval (" + columns.length + " neurons in " + blocks.count()
                    + " blocks are too many sums to hold)";
        } else {
            Pca pca = PcaFit.fit(x, steps, columns);
            share = pca.pc1Share();
            BlockSums sums = BlockSums.of(x, columns.length, blocks);
            double[] start = pca.components()[0];
            shareCi = bootstrap.interval(pick -> sums.pc1Share(pick, start), level);
        }
        return new StateSummary(steps, columns.length, n, share, shareCi, median(lmax), medianCi, max(lmax),
                maxCi, resampling);
    }

    private static int[] all(int count) {
        int[] a = new int[count];
        Arrays.setAll(a, i -> i);
        return a;
    }

    /** rates[b][i]: neuron i's largest |x(t) - x(t-1)| / dt(t) over the steps t of block b that have a predecessor. */
    private static double[][] blockRates(double[] x, int n, boolean[] first, double[] dt, Blocks blocks) {
        double[][] rates = new double[blocks.count()][n];
        for (int b = 0; b < blocks.count(); b++) {
            Arrays.fill(rates[b], Double.NaN);
            for (int t = blocks.start(b); t < blocks.end(b); t++) {
                if (first[t]) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    double rate = Math.abs(x[t * n + i] - x[(t - 1) * n + i]) / dt[t];
                    if (Double.isNaN(rates[b][i]) || rate > rates[b][i]) {
                        rates[b][i] = rate;
                    }
                }
            }
        }
        return rates;
    }

    /** Each neuron's L_max over the drawn blocks (NaN when none of them has a rate). */
    private static double[] lmaxOf(double[][] rates, int[] pick) {
        int n = rates.length == 0 ? 0 : rates[0].length;
        double[] lmax = new double[n];
        Arrays.fill(lmax, Double.NaN);
        for (int b : pick) {
            for (int i = 0; i < n; i++) {
                double r = rates[b][i];
                if (Double.isNaN(lmax[i]) || r > lmax[i]) {
                    lmax[i] = r;
                }
            }
        }
        return lmax;
    }

    private static double median(double[] v) {
        double[] finite = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return SeriesStats.percentile(finite, 0.5);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }
}
