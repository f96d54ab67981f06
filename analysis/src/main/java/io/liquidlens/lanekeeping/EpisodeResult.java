package io.liquidlens.lanekeeping;

import io.liquidlens.io.Rollout;

/**
 * An episode's metrics and, when it was kept, its rollout (FORMATS.md arrays).
 *
 * @param metrics how it went
 * @param rollout what was seen and done at every step, or null when not kept
 */
public record EpisodeResult(EpisodeMetrics metrics, Rollout rollout) {
}
