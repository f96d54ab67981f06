package io.liquidlens.dynamics;

/**
 * How a dynamics analysis is run.
 *
 * @param includeMotor     keep the motor (output) neurons among PCA's columns; by default they are left out, as
 *                         the NCP paper does, because they are the output itself rather than the network's
 *                         internal activity
 * @param noise            standard deviation of the input noise for the sensitivity, as a fraction of each input
 *                         feature's standard deviation over the rollouts
 * @param noiseTrials      how many noisy copies of each rollout the sensitivity runs
 * @param seed             seed of the noise, so every model sees the same noise
 */
public record DynamicsOptions(boolean includeMotor, double noise, int noiseTrials, long seed) {

    /** The most noisy copies per rollout an option may ask for. */
    public static final int MAX_NOISE_TRIALS = 64;

    public DynamicsOptions {
        if (!(noise > 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be in (0, 1], was " + noise);
        }
        if (noiseTrials < 0 || noiseTrials > MAX_NOISE_TRIALS) {
            throw new IllegalArgumentException("noise trials must be 0.." + MAX_NOISE_TRIALS + ", was "
                    + noiseTrials);
        }
    }

    /** Motor neurons left out, noise 1% of each feature's spread, 4 noisy copies, seed 0. */
    public static DynamicsOptions defaults() {
        return new DynamicsOptions(false, 0.01, 4, 0L);
    }
}
