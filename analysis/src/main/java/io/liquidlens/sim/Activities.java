package io.liquidlens.sim;

import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.StepBuffers;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** Runs a model over a rollout, one step at a time from the zero state, and keeps everything it did. */
public final class Activities {
    private static final int PROGRESS_EVERY = 64;

    private Activities() {
    }

    /**
     * The model's activity over {@code rollout} (its {@code timespans}, if any, as elapsed times), exactly as
     * {@link Simulator} computes it for one sequence.
     *
     * @throws IllegalArgumentException when the rollout's steps do not have the model's input shape
     * @throws CancellationException     when {@code listener} cancels
     */
    public static Activity simulate(LiquidModel model, Rollout rollout, ProgressListener listener) {
        int frame = model.frameSize();
        if (rollout.featuresPerStep() != frame) {
            throw new IllegalArgumentException("the rollout has " + rollout.featuresPerStep() + " values per step"
                    + " but the model takes " + frame);
        }
        int steps = rollout.steps();
        int n = model.stateSize();
        int s = model.inputSize();
        int m = model.outputSize();
        float[] x = rollout.inputs().floatsView();
        float[] dt = rollout.timespans() == null ? null : rollout.timespans().toFloatArray();
        int[] ids = model.stateNeuronIds();
        float[] h = new float[n];
        float[] c = new float[n];
        float[] tauStep = new float[n];
        float[] input = new float[steps * s];
        float[] state = new float[steps * n];
        float[] tau = new float[steps * n];
        float[] output = new float[steps * m];
        StepBuffers buf = model.newBuffers();
        boolean head = model.head().isPresent();
        if (head) {
            // the head's features do not depend on the state: every frame's on all cores first, as the input
            headFeatures(model, x, steps, input, listener);
        } else {
            System.arraycopy(x, 0, input, 0, steps * s);
        }
        for (int t = 0; t < steps; t++) {
            if (t % PROGRESS_EVERY == 0) {
                if (listener.isCancelled()) {
                    throw new CancellationException("cancelled at step " + t + " of " + steps);
                }
                listener.progress(head ? (steps + t) / 2 : t, steps);
            }
            model.stepFeatures(input, t * s, dt == null ? 1f : dt[t], h, c, output, t * m, tauStep, 0, buf);
            for (int p = 0; p < n; p++) {
                state[t * n + ids[p]] = h[p];
                tau[t * n + ids[p]] = tauStep[p];
            }
        }
        listener.progress(steps, steps);
        return new Activity(steps, n, s, m, input, state, tau, output);
    }

    /** The head's features of every frame into {@code features} (T, S), in blocks on all cores; half the progress. */
    private static void headFeatures(LiquidModel model, float[] frames, int steps, float[] features,
                                     ProgressListener listener) {
        PerceptionHead perception = model.head().orElseThrow();
        int frame = model.frameSize();
        int s = model.inputSize();
        int blocks = Math.max(1, Math.min(steps / PROGRESS_EVERY, 4 * Runtime.getRuntime().availableProcessors()));
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            PerceptionHead.Workspace workspace = perception.newWorkspace();
            for (int t = b * steps / blocks, end = (b + 1) * steps / blocks; t < end; t++) {
                if (listener.isCancelled()) {
                    return;
                }
                perception.forward(frames, t * frame, workspace, features, t * s);
            }
            listener.progress(done.addAndGet((b + 1) * steps / blocks - b * steps / blocks) / 2, steps);
        });
        if (listener.isCancelled()) {
            throw new CancellationException("cancelled in the perception head");
        }
    }
}
