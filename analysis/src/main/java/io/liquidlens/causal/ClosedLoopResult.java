package io.liquidlens.causal;

/**
 * How a model drove the sample world under one condition (the paper's Fig. 4a): held-out episodes from
 * {@code seed}, each of {@code steps} steps; a crash is a step that ended outside the lane (the car is then put
 * back on the centreline and drives on).
 *
 * @param episodes  episodes driven
 * @param steps     steps per episode
 * @param seed      the evaluation seed (episode seeds derive from it)
 * @param crashes   crashes over all episodes
 * @param meanAbsD  mean |d| over all steps, in lane half-widths
 * @param maxAbsD   max |d| over all steps, in lane half-widths
 */
public record ClosedLoopResult(int episodes, int steps, long seed, int crashes, double meanAbsD, double maxAbsD)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
}
