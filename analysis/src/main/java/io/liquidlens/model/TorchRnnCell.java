package io.liquidlens.model;

import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.wiring.NeuronRole;
import java.util.Arrays;

/**
 * A stack of torch {@code LSTM}, {@code GRU} or {@code RNN} layers, one direction, as torch computes them at
 * inference (docs/BASELINES.md#torch-layers). Layer l reads layer l-1's new hidden state (layer 0 the input); each
 * computes {@code a = W_ih x + b_ih} and {@code r = W_hh h + b_hh} over its gate rows (torch's order: i, f, g, o for
 * an LSTM; r, z, n for a GRU), then
 * <ul>
 *   <li>LSTM: {@code c' = sigma(f) c + sigma(i) tanh(g)}, {@code h' = sigma(o) tanh(c')};</li>
 *   <li>GRU: {@code h' = (1 - sigma(z)) tanh(a_n + sigma(r) r_n) + sigma(z) h}, the reset gate on {@code W_hn h +
 *       b_hn} as torch has it;</li>
 *   <li>RNN: {@code h' = tanh(a + r)} or {@code relu(a + r)}.</li>
 * </ul>
 * The state is the layers' hidden units, layer by layer; an LSTM's cell states are its memory, in the same order.
 * The output is the last layer's hidden state. These layers have no time constant: {@code tau} receives NaN. Elapsed
 * times are ignored, as torch ignores them.
 */
public final class TorchRnnCell implements RecurrentCell {
    private final TorchRnnKind kind;
    private final int input;
    private final int hidden;
    private final int rows;
    private final float[][] weightIh;
    private final float[][] weightHh;
    /** null without bias. */
    private final float[][] biasIh;
    private final float[][] biasHh;

    TorchRnnCell(TorchRnnSpec spec, int inputSize, int hiddenSize, StateDictReader r) {
        this.kind = spec.kind();
        this.input = inputSize;
        this.hidden = hiddenSize;
        this.rows = kind.gates() * hiddenSize;
        int layers = spec.numLayers();
        weightIh = new float[layers][];
        weightHh = new float[layers][];
        biasIh = spec.bias() ? new float[layers][] : null;
        biasHh = spec.bias() ? new float[layers][] : null;
        for (int l = 0; l < layers; l++) {
            weightIh[l] = r.take(BaselineLayout.weightIh(l), rows, l == 0 ? inputSize : hiddenSize);
            weightHh[l] = r.take(BaselineLayout.weightHh(l), rows, hiddenSize);
            if (spec.bias()) {
                biasIh[l] = r.take(BaselineLayout.biasIh(l), rows);
                biasHh[l] = r.take(BaselineLayout.biasHh(l), rows);
            }
        }
    }

    /** LSTM, GRU or RNN with its nonlinearity. */
    public TorchRnnKind kind() {
        return kind;
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int stateSize() {
        return weightIh.length * hidden;
    }

    @Override
    public int outputSize() {
        return hidden;
    }

    @Override
    public int scratchSize() {
        return 2 * rows;
    }

    @Override
    public int memorySize() {
        return kind.hasCellState() ? stateSize() : 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code dt} is ignored; {@code tau} receives NaN (no time constant). A clamped unit is set again after every
     * layer, so the next layer reads it at its clamped value.
     */
    @Override
    public void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] c, int cOff, float[] out,
                     int outOff, float[] tau, int tauOff, float[] scratch, Clamp clamp) {
        clamp.apply(h, hOff);
        float[] in = x;
        int inOff = xOff;
        int inSize = input;
        for (int l = 0; l < weightIh.length; l++) {
            int o = hOff + l * hidden;
            // a = W_ih x + b_ih in scratch[0, rows), r = W_hh h + b_hh in scratch[rows, 2 rows), both from the old h
            affine(weightIh[l], biasIh == null ? null : biasIh[l], in, inOff, inSize, scratch, 0);
            affine(weightHh[l], biasHh == null ? null : biasHh[l], h, o, hidden, scratch, rows);
            switch (kind) {
                case LSTM -> lstm(scratch, h, o, c, cOff + l * hidden);
                case GRU -> gru(scratch, h, o);
                case RNN_TANH, RNN_RELU -> rnn(scratch, h, o);
            }
            clamp.apply(h, hOff);
            in = h;
            inOff = o;
            inSize = hidden;
        }
        if (tau != null) {
            Arrays.fill(tau, tauOff, tauOff + stateSize(), Float.NaN);
        }
        readout(h, hOff, out, outOff);
    }

    /** {@inheritDoc} The last layer's hidden units. */
    @Override
    public void readout(float[] h, int hOff, float[] out, int outOff) {
        System.arraycopy(h, hOff + (weightIh.length - 1) * hidden, out, outOff, hidden);
    }

    /** {@code into[at + r] = W[r] . v + b[r]} for every row r, summed in increasing column order. */
    private void affine(float[] w, float[] b, float[] v, int vOff, int cols, float[] into, int at) {
        for (int r = 0; r < rows; r++) {
            float acc = 0f;
            int base = r * cols;
            for (int k = 0; k < cols; k++) {
                acc += w[base + k] * v[vOff + k];
            }
            into[at + r] = b == null ? acc : acc + b[r];
        }
    }

    private void lstm(float[] g, float[] h, int o, float[] c, int co) {
        int n = hidden;
        for (int j = 0; j < n; j++) {
            float i = FastMath.sigmoid(g[j] + g[rows + j]);
            float f = FastMath.sigmoid(g[n + j] + g[rows + n + j]);
            float cell = FastMath.tanh(g[2 * n + j] + g[rows + 2 * n + j]);
            float out = FastMath.sigmoid(g[3 * n + j] + g[rows + 3 * n + j]);
            float cNew = f * c[co + j] + i * cell;
            c[co + j] = cNew;
            h[o + j] = out * FastMath.tanh(cNew);
        }
    }

    private void gru(float[] g, float[] h, int o) {
        int n = hidden;
        for (int j = 0; j < n; j++) {
            float reset = FastMath.sigmoid(g[j] + g[rows + j]);
            float update = FastMath.sigmoid(g[n + j] + g[rows + n + j]);
            float candidate = FastMath.tanh(g[2 * n + j] + reset * g[rows + 2 * n + j]);
            h[o + j] = (1f - update) * candidate + update * h[o + j];
        }
    }

    private void rnn(float[] g, float[] h, int o) {
        boolean relu = kind == TorchRnnKind.RNN_RELU;
        for (int j = 0; j < hidden; j++) {
            float a = g[j] + g[rows + j];
            h[o + j] = relu ? Math.max(0f, a) : FastMath.tanh(a);
        }
    }

    /** Each unit's incoming weights and biases are its own (an inter neuron's); the readout is counted by the model. */
    void count(ParameterCounts.Tally t, NeuronRole[] stateRoles) {
        for (int l = 0; l < weightIh.length; l++) {
            long perUnit = (long) kind.gates() * ((l == 0 ? input : hidden) + hidden + (biasIh == null ? 0 : 2));
            t.tensor(perUnit * hidden);
            for (int j = 0; j < hidden; j++) {
                t.neuron(stateRoles[l * hidden + j], perUnit);
            }
        }
    }
}
