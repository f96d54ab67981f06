package io.liquidlens.tree;

/**
 * What a tree's class is.
 *
 * @param source  the network's decision or the expert's
 * @param binning left / straight / right, or quantile bins
 * @param bins    the number of quantile bins (at least 2); 3 for left / straight / right
 * @param output  which model output is the decision (0 for the one steering output of the samples)
 */
public record LabelSpec(LabelSource source, Binning binning, int bins, int output) {

    /** Checks the fields. */
    public LabelSpec {
        if (source == null || binning == null) {
            throw new IllegalArgumentException("source and binning are required");
        }
        if (binning == Binning.LEFT_STRAIGHT_RIGHT) {
            bins = 3;
        }
        if (bins < 2) {
            throw new IllegalArgumentException("bins (k quantile bins) must be 2 or more, got " + bins);
        }
        if (output < 0) {
            throw new IllegalArgumentException("output must be 0 or more, got " + output);
        }
    }

    /** The network's decision as left / straight / right. */
    public static LabelSpec defaults() {
        return new LabelSpec(LabelSource.NETWORK, Binning.LEFT_STRAIGHT_RIGHT, 3, 0);
    }
}
