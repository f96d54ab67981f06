package io.liquidlens.model;

import io.liquidlens.model.StateDictLayout.Lstm;
import io.liquidlens.wiring.NeuronRole;

/**
 * ncps's mixed-memory {@code LSTMCell} (docs/NCPS.md#mixed-memory). It runs before the liquid cell at each step and
 * replaces its state h; its cell state c is carried alongside.
 * {@code z = input_map(x) + recurrent_map(h)}, chunks i, ig, fg, og;
 * {@code c' = c sigmoid(fg + 1) + tanh(i) sigmoid(ig)}, {@code h' = tanh(c') sigmoid(og)}.
 */
public final class LstmCell {
    private final int input;
    private final int hidden;
    private final float[] inputW;
    private final float[] inputB;
    private final float[] recurrentW;

    LstmCell(int inputSize, int hiddenSize, StateDictReader r) {
        this.input = inputSize;
        this.hidden = hiddenSize;
        inputW = r.take(Lstm.INPUT_MAP_WEIGHT.tensor(inputSize, hiddenSize));
        inputB = r.take(Lstm.INPUT_MAP_BIAS.tensor(inputSize, hiddenSize));
        recurrentW = r.take(Lstm.RECURRENT_MAP_WEIGHT.tensor(inputSize, hiddenSize));
    }

    /** Floats of scratch space {@link #step} needs. */
    public int scratchSize() {
        return 4 * hidden;
    }

    /**
     * One LSTM step; {@code h} and {@code c} (length hidden at {@code hOff}/{@code cOff}) are replaced.
     *
     * @param z scratch of at least {@link #scratchSize()} floats
     */
    public void step(float[] x, int xOff, float[] h, int hOff, float[] c, int cOff, float[] z) {
        int rows = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            float a = 0f;
            int base = r * input;
            for (int k = 0; k < input; k++) {
                a += inputW[base + k] * x[xOff + k];
            }
            float b = 0f;
            base = r * hidden;
            for (int k = 0; k < hidden; k++) {
                b += recurrentW[base + k] * h[hOff + k];
            }
            z[r] = (a + inputB[r]) + b;
        }
        for (int j = 0; j < hidden; j++) {
            float i = z[j];
            float ig = z[hidden + j];
            float fg = z[2 * hidden + j];
            float og = z[3 * hidden + j];
            float cNew = c[cOff + j] * FastMath.sigmoid(fg + 1f) + FastMath.tanh(i) * FastMath.sigmoid(ig);
            c[cOff + j] = cNew;
            h[hOff + j] = FastMath.tanh(cNew) * FastMath.sigmoid(og);
        }
    }

    void count(ParameterCounts.Tally t, NeuronRole[] stateRoles) {
        long n = (long) inputW.length + inputB.length + recurrentW.length;
        t.tensor(n);
        for (int j = 0; j < hidden; j++) {
            t.neuron(stateRoles[j], 4L * (input + 1 + hidden));
        }
    }
}
