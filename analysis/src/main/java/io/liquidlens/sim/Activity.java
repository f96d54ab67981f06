package io.liquidlens.sim;

import java.util.Arrays;

/**
 * What a model did over one rollout, step by step: the cell's input features (after the perception head,
 * if any), every neuron's state and time constant, and the outputs. This is what the workbench plays back
 * and what per-neuron analyses read. Rows are steps; neurons are indexed by their wiring id (for a wired
 * CfC the model's layer-by-layer state order is undone), so neuron {@code i} here is neuron {@code i} of
 * the wiring.
 *
 * @param steps    T
 * @param neurons  N (the cell's state size)
 * @param features S, the cell's inputs per step
 * @param outputs  M', outputs per step
 * @param input    (T, S) the cell's inputs: the rollout's vectors, or the head's features of each frame
 * @param state    (T, N) each neuron's state after the step
 * @param tau      (T, N) each neuron's time constant during the step (LTC: liquid time constant; CfC: time
 *                 gate)
 * @param output   (T, M') the outputs
 */
public record Activity(int steps, int neurons, int features, int outputs, float[] input, float[] state, float[] tau,
                       float[] output) {

    /** Checks the array sizes (the arrays are owned by the record from here on and must not be changed). */
    public Activity {
        if (steps < 0 || neurons < 1 || features < 0 || outputs < 0) {
            throw new IllegalArgumentException("bad sizes: T=" + steps + " N=" + neurons + " S=" + features
                    + " M=" + outputs);
        }
        check("input", input, (long) steps * features);
        check("state", state, (long) steps * neurons);
        check("tau", tau, (long) steps * neurons);
        check("output", output, (long) steps * outputs);
    }

    private static void check(String name, float[] a, long expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(name + " must hold " + expected + " values, has "
                    + (a == null ? "none" : a.length));
        }
    }

    /** State of neuron {@code neuron} after step {@code t}. */
    public float state(int t, int neuron) {
        return state[t * neurons + neuron];
    }

    /** Time constant of neuron {@code neuron} at step {@code t}. */
    public float tau(int t, int neuron) {
        return tau[t * neurons + neuron];
    }

    /** Output {@code m} at step {@code t}. */
    public float output(int t, int m) {
        return output[t * outputs + m];
    }

    /** Input feature {@code s} at step {@code t}. */
    public float input(int t, int s) {
        return input[t * features + s];
    }

    /** The states of every neuron after step {@code t} (a copy). */
    public float[] statesAt(int t) {
        return Arrays.copyOfRange(state, t * neurons, (t + 1) * neurons);
    }

    /** The input features at step {@code t} (a copy). */
    public float[] inputsAt(int t) {
        return Arrays.copyOfRange(input, t * features, (t + 1) * features);
    }

    /** Neuron {@code neuron}'s state over all steps (a copy). */
    public float[] stateSeries(int neuron) {
        return column(state, neurons, neuron);
    }

    /** Neuron {@code neuron}'s time constant over all steps (a copy). */
    public float[] tauSeries(int neuron) {
        return column(tau, neurons, neuron);
    }

    /** Output {@code m} over all steps (a copy). */
    public float[] outputSeries(int m) {
        return column(output, outputs, m);
    }

    /** The smallest and largest state each neuron reaches: {@code [2 * i]} = min, {@code [2 * i + 1]} = max. */
    public float[] stateRanges() {
        float[] r = new float[2 * neurons];
        for (int i = 0; i < neurons; i++) {
            r[2 * i] = Float.POSITIVE_INFINITY;
            r[2 * i + 1] = Float.NEGATIVE_INFINITY;
        }
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < neurons; i++) {
                float v = state[t * neurons + i];
                r[2 * i] = Math.min(r[2 * i], v);
                r[2 * i + 1] = Math.max(r[2 * i + 1], v);
            }
        }
        return r;
    }

    private float[] column(float[] a, int width, int col) {
        if (col < 0 || col >= width) {
            throw new IndexOutOfBoundsException("column " + col + " of " + width);
        }
        float[] c = new float[steps];
        for (int t = 0; t < steps; t++) {
            c[t] = a[t * width + col];
        }
        return c;
    }
}
