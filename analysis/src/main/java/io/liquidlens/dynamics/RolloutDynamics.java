package io.liquidlens.dynamics;

import io.liquidlens.sim.Activity;

/**
 * What one rollout adds to the picture: the model's activity over it, its path through PC1-PC2, and where the
 * agent was (for the map of the drive).
 *
 * @param label    the rollout as the user named it (its file name)
 * @param activity the model's states, time constants and outputs over the rollout
 * @param pc1      the state's projection on PC1 at each step
 * @param pc2      on PC2 (zeros when there is only one component)
 * @param x        the world column {@code x} per step, or null when the rollout has none
 * @param y        the world column {@code y} per step, or null
 */
public record RolloutDynamics(String label, Activity activity, float[] pc1, float[] pc2, float[] x, float[] y) {

    /** True when the rollout records where the agent was, so its activity can be drawn on the map. */
    public boolean hasMap() {
        return x != null && y != null;
    }
}
