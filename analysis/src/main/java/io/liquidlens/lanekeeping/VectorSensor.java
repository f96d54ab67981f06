package io.liquidlens.lanekeeping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The world state as a feature vector, scaled so every channel is of order one:
 * {@code d_lane} = lateral offset in lane half-widths (the rollout's world column of that name),
 * {@code mu} = heading error / 0.25 rad,
 * {@code kappa} = road curvature / (1/15 m); then optional distractor channels:
 * <ul>
 *   <li>{@code noise_1..K}: independent standard normal noise, unrelated to anything;</li>
 *   <li>{@code spurious_1..J}: in training episodes the expert's previous action (scaled like kappa) plus
 *   N(0, 0.1^2) noise, so it predicts the action well but only because the expert is driving; in held-out
 *   episodes N(0, 0.5^2) noise of a similar spread. A network that leans on it does well on its training
 *   data and worse on held-out roads.</li>
 * </ul>
 * With a noise variance v, N(0, v) noise is added to d_lane, mu and kappa. Every random value of step t is
 * drawn, in channel order, from a stream seeded by the episode seed and t, so a channel's values do not
 * depend on the other options.
 */
public final class VectorSensor implements Sensor {
    /** Heading error per unit of the {@code mu} channel (rad). */
    public static final double MU_SCALE = 0.25;
    /** Curvature per unit of the {@code kappa} and spurious channels (1/m). */
    public static final double KAPPA_SCALE = 1.0 / 15;
    /** Standard deviation of the noise on the spurious channel's action copy in training episodes. */
    public static final double SPURIOUS_TRAINING_NOISE = 0.1;
    /** Standard deviation of the spurious channel in held-out episodes (pure noise). */
    public static final double SPURIOUS_HELD_OUT_NOISE = 0.5;
    /** The task channels, named as the rollout's world columns holding the same quantities. */
    public static final List<String> TASK_NAMES = List.of("d_lane", "mu", "kappa");
    /**
     * The first channel's earlier name: models trained before it took the world column's name call it {@code d}
     * (which in the world is the offset in metres), and they read the same values.
     */
    public static final String EARLIER_LANE_NAME = "d";

    private final double noiseStd;
    private final int noiseChannels;
    private final int spuriousChannels;
    private final List<String> names;

    /**
     * @param noiseVariance    variance of the noise on d_lane, mu and kappa (>= 0)
     * @param noiseChannels    pure-noise channels (>= 0)
     * @param spuriousChannels action-correlated-in-training channels (>= 0)
     */
    public VectorSensor(double noiseVariance, int noiseChannels, int spuriousChannels) {
        if (!(noiseVariance >= 0) || noiseChannels < 0 || spuriousChannels < 0) {
            throw new IllegalArgumentException("vector sensor: noise variance and channel counts must be >= 0");
        }
        this.noiseStd = Math.sqrt(noiseVariance);
        this.noiseChannels = noiseChannels;
        this.spuriousChannels = spuriousChannels;
        List<String> n = new ArrayList<>(TASK_NAMES);
        for (int i = 1; i <= noiseChannels; i++) {
            n.add("noise_" + i);
        }
        for (int i = 1; i <= spuriousChannels; i++) {
            n.add("spurious_" + i);
        }
        names = List.copyOf(n);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int[] shape() {
        return new int[] {names.size()};
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /** True for this sensor's names, also with the first channel under its earlier name {@code d}. */
    @Override
    public boolean readsAsNamed(List<String> inputNames) {
        if (inputNames.equals(names)) {
            return true;
        }
        List<String> earlier = new ArrayList<>(names);
        earlier.set(0, EARLIER_LANE_NAME);
        return inputNames.equals(earlier);
    }

    @Override
    public boolean labelsPixels() {
        return false;
    }

    @Override
    public void observe(SensorContext c, float[] frame, int offset, byte[] labels, int labelOffset) {
        SplittableRandom rng = new SplittableRandom(EpisodeSeeds.derive(c.episodeSeed(), EpisodeSeeds.SENSOR, c.step()));
        WorldState w = c.world();
        int o = offset;
        frame[o++] = (float) (w.dLane() + noiseStd * Gaussian.next(rng));
        frame[o++] = (float) (w.mu() / MU_SCALE + noiseStd * Gaussian.next(rng));
        frame[o++] = (float) (w.kappa() / KAPPA_SCALE + noiseStd * Gaussian.next(rng));
        for (int i = 0; i < noiseChannels; i++) {
            frame[o++] = (float) Gaussian.next(rng);
        }
        for (int i = 0; i < spuriousChannels; i++) {
            double g = Gaussian.next(rng);
            frame[o++] = (float) (c.heldOut() ? SPURIOUS_HELD_OUT_NOISE * g
                    : c.previousExpertAction() / KAPPA_SCALE + SPURIOUS_TRAINING_NOISE * g);
        }
    }
}
