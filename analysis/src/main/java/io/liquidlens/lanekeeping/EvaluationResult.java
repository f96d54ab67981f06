package io.liquidlens.lanekeeping;

import java.util.List;

/**
 * How a driver did over several episodes (each of the same number of steps).
 *
 * @param episodes the metrics of each episode, in order
 */
public record EvaluationResult(List<EpisodeMetrics> episodes) {

    /** Copies the list. */
    public EvaluationResult {
        episodes = List.copyOf(episodes);
    }

    /** Crashes over all episodes. */
    public int crashes() {
        return episodes.stream().mapToInt(EpisodeMetrics::crashes).sum();
    }

    /** Steps over all episodes. */
    public long steps() {
        return episodes.stream().mapToLong(EpisodeMetrics::steps).sum();
    }

    /** Mean |d| over every step of every episode (lane half-widths). */
    public double meanAbsD() {
        return weightedMean(EpisodeMetrics::meanAbsD);
    }

    /** Largest |d| of any step (lane half-widths). */
    public double maxAbsD() {
        return episodes.stream().mapToDouble(EpisodeMetrics::maxAbsD).max().orElse(0);
    }

    /** Mean |action - expert's action| over every step (1/m). */
    public double meanAbsActionError() {
        return weightedMean(EpisodeMetrics::meanAbsActionError);
    }

    private double weightedMean(java.util.function.ToDoubleFunction<EpisodeMetrics> perEpisode) {
        double sum = 0;
        long n = 0;
        for (EpisodeMetrics m : episodes) {
            sum += perEpisode.applyAsDouble(m) * m.steps();
            n += m.steps();
        }
        return n == 0 ? 0 : sum / n;
    }
}
