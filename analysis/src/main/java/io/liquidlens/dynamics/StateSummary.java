package io.liquidlens.dynamics;

import io.liquidlens.stats.Interval;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two dynamics figures a causality report sets beside saliency and crashes: how one-dimensional a model's
 * activity is and how smoothly its neurons change, each with its bootstrap interval.
 *
 * @param steps        steps of the rollouts the states were taken over
 * @param pcaNeurons   how many neurons PCA read (the motor neurons of a wired model are left out)
 * @param neurons      how many neurons the model has
 * @param pc1Share     PC1's share of the states' variance
 * @param pc1ShareCi   its interval
 * @param lmaxMedian   the median over neurons of each neuron's L_max (see {@link NeuronDynamics#lmax()})
 * @param lmaxMedianCi its interval (each L_max is a maximum over steps: as for {@code lmaxMaxCi})
 * @param lmaxMax      the largest L_max of any neuron
 * @param lmaxMaxCi    its interval (a bootstrap of a maximum cannot exceed the maximum seen: read it as a lower
 *                     bound's spread, not as coverage)
 * @param resampling   what the bootstrap resampled, e.g. "contiguous blocks of 8 frames of the one episode (75
 *                     blocks)", or why there are no intervals
 */
public record StateSummary(int steps, int pcaNeurons, int neurons, double pc1Share, Interval pc1ShareCi, double lmaxMedian,
                           Interval lmaxMedianCi, double lmaxMax, Interval lmaxMaxCi, String resampling) {

    /** A figure with its interval. */
    public record Figure(double value, Interval interval) {
    }

    /**
     * The figures by the names reports give them ({@code pc1_share}, {@code lmax_median}, {@code lmax_max}), in
     * table order: one place for the names, read by the report's rows and by the groups' summaries.
     */
    public Map<String, Figure> figures() {
        Map<String, Figure> m = new LinkedHashMap<>();
        m.put("pc1_share", new Figure(pc1Share, pc1ShareCi));
        m.put("lmax_median", new Figure(lmaxMedian, lmaxMedianCi));
        m.put("lmax_max", new Figure(lmaxMax, lmaxMaxCi));
        return m;
    }

    /** Which neurons PCA read, in the words of {@link DynamicsResult#pcaColumns()} (the report never keeps motor neurons). */
    public String pcaColumns() {
        return DynamicsResult.pcaColumns(pcaNeurons, neurons, false);
    }
}
