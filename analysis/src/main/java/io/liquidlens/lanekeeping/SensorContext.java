package io.liquidlens.lanekeeping;

/**
 * Everything a sensor may look at for one step. Sensors are pure functions of it: the same context gives
 * the same observation, so any step of any episode can be re-observed on its own.
 *
 * @param road                 the episode's road
 * @param pose                 the car's pose
 * @param where                the car's road coordinates
 * @param world                the ground-truth state of this step
 * @param step                 step index within the episode, from 0
 * @param episodeSeed          the episode's seed ({@link EpisodeSeeds}); sensors derive their noise from it
 * @param previousExpertAction the expert's action at the previous step (0 at step 0), which a spurious
 *                             vector channel copies in training episodes
 */
public record SensorContext(RoadView road, Pose pose, Frenet where, WorldState world, int step, long episodeSeed,
                            double previousExpertAction) {

    /** True in held-out episodes (odd episode seeds). */
    public boolean heldOut() {
        return EpisodeSeeds.isHeldOut(episodeSeed);
    }
}
