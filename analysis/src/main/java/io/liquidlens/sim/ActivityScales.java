package io.liquidlens.sim;

import java.util.Arrays;

/**
 * Fixed scales for drawing one rollout's activity, computed once so that every step is drawn against the
 * same yardstick: the range of each input feature and each neuron's state, and a robust size for synapse
 * activity (a high percentile rather than the maximum, so one outlying step does not make every other step
 * look idle). Internal and sensory synapses get separate sizes because the input mapping puts them on
 * different scales.
 *
 * @param inputRanges         {@code [2 * s]} = min, {@code [2 * s + 1]} = max of input feature {@code s}
 * @param stateRanges         the same per neuron ({@link Activity#stateRanges()})
 * @param synapseScale        the {@link #PERCENTILE} quantile of |activity| of the internal synapses over all
 *                            steps, or {@link #QUANTILE_STEPS} evenly spaced ones of a longer rollout (0 when there
 *                            are none or all are silent)
 * @param sensorySynapseScale the same for the sensory synapses
 */
public record ActivityScales(float[] inputRanges, float[] stateRanges, float synapseScale, float sensorySynapseScale) {
    /** The quantile used for the synapse scales. */
    public static final double PERCENTILE = 0.99;
    /**
     * Steps the synapse quantiles are taken over at most: a longer rollout gives them from this many evenly spaced
     * steps. A million steps of 100 synapses would otherwise be 400 MB of values to sort (8 s on one core) for a
     * drawing scale that a tenth of them gives to within the spread between neighbouring steps.
     */
    public static final int QUANTILE_STEPS = 100_000;

    /** Takes ownership of the arrays (callers must not change them afterwards). */
    public ActivityScales {
        if (inputRanges == null || stateRanges == null || inputRanges.length % 2 != 0 || stateRanges.length % 2 != 0) {
            throw new IllegalArgumentException("ranges must be non-null (min, max) pairs");
        }
    }

    /**
     * The scales of {@code activity}, with {@code synapses} the synapses of the model that produced it.
     *
     * @throws IllegalArgumentException when the synapses belong to a model with another neuron count
     */
    public static ActivityScales of(Activity activity, SynapseActivity synapses) {
        int k = synapses.synapses().size();
        int sensory = 0;
        for (SynapseActivity.Synapse s : synapses.synapses()) {
            sensory += s.sensory() ? 1 : 0;
        }
        int internal = k - sensory;
        int used = Math.min(activity.steps(), QUANTILE_STEPS);
        float[] in = new float[used * internal];
        float[] sens = new float[used * sensory];
        float[] step = new float[k];
        int ci = 0;
        int cs = 0;
        for (int i = 0; i < used; i++) {
            int t = (int) ((long) i * activity.steps() / used);
            synapses.at(activity, t, step);
            for (int j = 0; j < k; j++) {
                float v = Math.abs(step[j]);
                if (synapses.synapses().get(j).sensory()) {
                    sens[cs++] = v;
                } else {
                    in[ci++] = v;
                }
            }
        }
        return new ActivityScales(inputRanges(activity), activity.stateRanges(), quantile(in, PERCENTILE),
                quantile(sens, PERCENTILE));
    }

    /** Min and max of each input feature over all steps (0, 0 for a rollout without steps). */
    static float[] inputRanges(Activity a) {
        float[] r = new float[2 * a.features()];
        if (a.steps() == 0) {
            return r;
        }
        for (int s = 0; s < a.features(); s++) {
            r[2 * s] = Float.POSITIVE_INFINITY;
            r[2 * s + 1] = Float.NEGATIVE_INFINITY;
        }
        for (int t = 0; t < a.steps(); t++) {
            for (int s = 0; s < a.features(); s++) {
                float v = a.input(t, s);
                r[2 * s] = Math.min(r[2 * s], v);
                r[2 * s + 1] = Math.max(r[2 * s + 1], v);
            }
        }
        return r;
    }

    /**
     * The {@code q} quantile of {@code values} by the nearest-rank rule (the smallest value with at least
     * {@code q} of the values at or below it); 0 for no values. Sorts {@code values} in place.
     */
    static float quantile(float[] values, double q) {
        if (values.length == 0) {
            return 0f;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(q * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    /** Min of input feature {@code s}. */
    public float inputMin(int s) {
        return inputRanges[2 * s];
    }

    /** Max of input feature {@code s}. */
    public float inputMax(int s) {
        return inputRanges[2 * s + 1];
    }

    /** Min of neuron {@code i}'s state. */
    public float stateMin(int i) {
        return stateRanges[2 * i];
    }

    /** Max of neuron {@code i}'s state. */
    public float stateMax(int i) {
        return stateRanges[2 * i + 1];
    }
}
