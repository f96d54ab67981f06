package io.liquidlens.causal;

import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.StepBuffers;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One rollout ready to be replayed many times through variants of one model (clamped neurons, cut synapses,
 * perturbed frames share nothing else): a camera model's head features of every frame are computed once, on
 * all cores (frames do not depend on each other), and every replay runs only the cells, from a zero state.
 */
final class Replay {
    private final float[] features;
    private final float[] timespans;
    private final int steps;
    private final int width;

    private Replay(float[] features, float[] timespans, int steps, int width) {
        this.features = features;
        this.timespans = timespans;
        this.steps = steps;
        this.width = width;
    }

    /** The head features (or the inputs themselves) of every step of {@code rollout} under {@code model}. */
    static Replay of(LiquidModel model, Rollout rollout) {
        int t = rollout.steps();
        float[] x = rollout.inputs().floatsView();
        float[] ts = rollout.timespans() == null ? null : rollout.timespans().toFloatArray();
        if (model.head().isEmpty()) {
            if (rollout.featuresPerStep() != model.inputSize()) {
                throw new IllegalArgumentException("the rollout has " + rollout.featuresPerStep()
                        + " features per step, the model takes " + model.inputSize());
            }
            return new Replay(x, ts, t, model.inputSize());
        }
        var head = model.head().get();
        int frame = model.frameSize();
        if (rollout.featuresPerStep() != frame) {
            throw new IllegalArgumentException("the rollout's frames have " + rollout.featuresPerStep()
                    + " values, the model's head takes " + frame + " (" + head.spec().input() + ")");
        }
        int n = head.outputSize();
        float[] features = new float[t * n];
        ThreadLocal<io.liquidlens.head.PerceptionHead.Workspace> work = ThreadLocal.withInitial(head::newWorkspace);
        IntStream.range(0, t).parallel().forEach(i -> head.forward(x, i * frame, work.get(), features, i * n));
        return new Replay(features, ts, t, n);
    }

    /** Steps in the rollout. */
    int steps() {
        return steps;
    }

    /**
     * Runs {@code variant} (the model this replay was made for, or one derived from it by interventions) over
     * the rollout.
     *
     * @param states null, or receives the (T, N) states
     * @return the (T, M) outputs
     */
    float[] run(LiquidModel variant, float[] states) {
        int n = variant.stateSize();
        int m = variant.outputSize();
        float[] h = new float[n];
        float[] c = new float[n];
        float[] out = new float[steps * m];
        StepBuffers buf = variant.newBuffers();
        Arrays.fill(h, 0f);
        for (int t = 0; t < steps; t++) {
            float dt = timespans == null ? 1f : timespans[t];
            variant.stepFeatures(features, t * width, dt, h, c, out, t * m, null, 0, buf);
            if (states != null) {
                System.arraycopy(h, 0, states, t * n, n);
            }
        }
        return out;
    }
}
