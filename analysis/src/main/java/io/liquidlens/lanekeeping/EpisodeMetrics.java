package io.liquidlens.lanekeeping;

/**
 * How one episode went. Offsets are in lane half-widths and measured where each step ends, before any
 * crash reset, so a crash's own excursion counts.
 *
 * @param episodeSeed         the episode's seed
 * @param steps               steps driven
 * @param crashes             steps that ended outside the lane (|d| > lane half-width)
 * @param meanAbsD            mean |d| over the steps
 * @param maxAbsD             largest |d|
 * @param meanAbsActionError  mean |driver's action - expert's action at the same state| (1/m)
 */
public record EpisodeMetrics(long episodeSeed, int steps, int crashes, double meanAbsD, double maxAbsD,
                             double meanAbsActionError) {
}
