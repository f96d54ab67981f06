package io.liquidlens.causal;

import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * For every step t of a vector rollout, the exact gradient of each output at t with respect to the inputs of steps
 * t-W..t (docs/FORMATS.md, {@code liquidlens saliency}). One forward pass records the whole rollout; each
 * (step, output) pair then gets its own backward pass over its window, starting from the recorded state, so the
 * values are those of the full run and not of a shorter one.
 *
 * @param saliency (T, M', W+1, S) float32: entry k = W is the current step; rows before the rollout starts are 0
 * @param norm     (T, S) float32: the L2 norm over outputs and window
 * @param window   W
 */
public record WindowedSaliency(NdArray saliency, NdArray norm, int window) {

    /**
     * Records {@code rollout} once through {@code gradient}, then differentiates every (step, output) over its
     * window. Steps are shared out in fixed blocks; every block writes only its own steps, so the result does not
     * depend on the number of cores.
     *
     * @param rollout vector inputs (T, S) with S the model's inputs, at least one step; its timespans are used
     *                when present
     */
    public static WindowedSaliency of(SequenceGradient gradient, Rollout rollout, int window) {
        int steps = rollout.steps();
        int features = gradient.inputSize();
        int outputs = gradient.outputSize();
        int span = window + 1;
        SequenceTape tape = gradient.newTape(steps);
        double[] dt = rollout.timespans() == null ? null : rollout.timespans().toDoubleArray();
        gradient.forward(rollout.inputs().toDoubleArray(), dt, null, null, tape);

        float[] values = new float[steps * outputs * span * features];
        float[] norm = new float[steps * features];
        int blocks = Math.min(steps, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, blocks).parallel().forEach(block -> {
            SequenceGradient.BackwardScratch scratch = gradient.newBackwardScratch();
            double[] dy = new double[outputs];
            double[] dx = new double[span * features];
            double[] squares = new double[features];
            for (int t = block * steps / blocks; t < (block + 1) * steps / blocks; t++) {
                int first = Math.max(0, t - window);
                int k0 = first - (t - window); // window rows before the rollout starts stay 0
                Arrays.fill(squares, 0);
                for (int m = 0; m < outputs; m++) {
                    Arrays.fill(dy, 0);
                    dy[m] = 1;
                    gradient.backwardWindow(tape, t, first, dy, dx, scratch);
                    int base = ((t * outputs + m) * span + k0) * features;
                    for (int i = 0; i < (t - first + 1) * features; i++) {
                        values[base + i] = (float) dx[i];
                        squares[i % features] += dx[i] * dx[i];
                    }
                }
                for (int f = 0; f < features; f++) {
                    norm[t * features + f] = (float) Math.sqrt(squares[f]);
                }
            }
        });
        return new WindowedSaliency(NdArray.ofFloats(new int[] {steps, outputs, span, features}, values),
                NdArray.ofFloats(new int[] {steps, features}, norm), window);
    }
}
