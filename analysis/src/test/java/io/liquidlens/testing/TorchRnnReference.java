package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import java.util.Map;

/**
 * torch's LSTM, GRU and RNN equations (from the torch.nn documentation) with a Linear readout, evaluated plainly in
 * double precision, batch-first, from the zero state: a check written apart from the production cells.
 */
public final class TorchRnnReference {
    private TorchRnnReference() {
    }

    /**
     * The outputs (B, L, M) of a stack whose tensors are {@code rnn.*} and {@code fc.*}.
     *
     * @param kind  {@code lstm}, {@code gru}, {@code rnn} (tanh) or {@code rnn_relu}
     * @param input (B, L, S)
     */
    public static double[] outputs(String kind, Map<String, NdArray> w, int layers, int hidden, NdArray input) {
        return outputs(kind, w, layers, hidden, input, Map.of());
    }

    /**
     * As {@link #outputs(String, Map, int, int, NdArray)} with hidden units held fixed, as docs/BASELINES.md says a
     * clamp holds them: unit {@code u} (layer {@code u / hidden}, index {@code u % hidden}) takes its value before
     * every step and again as soon as its layer has computed, and an LSTM's cell states evolve unclamped.
     */
    public static double[] outputs(String kind, Map<String, NdArray> w, int layers, int hidden, NdArray input,
                                   Map<Integer, Double> clamps) {
        int b = input.dim(0);
        int l = input.dim(1);
        int s = input.dim(2);
        float[] x = input.toFloatArray();
        double[] fcW = w.get("fc.weight").toDoubleArray();
        double[] fcB = w.containsKey("fc.bias") ? w.get("fc.bias").toDoubleArray() : new double[fcW.length / hidden];
        int m = fcB.length;
        double[] out = new double[b * l * m];
        for (int seq = 0; seq < b; seq++) {
            double[][] h = new double[layers][hidden];
            double[][] c = new double[layers][hidden];
            for (int t = 0; t < l; t++) {
                clamp(h, hidden, clamps);
                double[] in = new double[s];
                for (int i = 0; i < s; i++) {
                    in[i] = x[(seq * l + t) * s + i];
                }
                for (int k = 0; k < layers; k++) {
                    double[] gi = affine(w, "rnn.weight_ih_l" + k, "rnn.bias_ih_l" + k, in);
                    double[] gh = affine(w, "rnn.weight_hh_l" + k, "rnn.bias_hh_l" + k, h[k]);
                    double[] next = new double[hidden];
                    for (int j = 0; j < hidden; j++) {
                        int n = hidden;
                        switch (kind) {
                            case "lstm" -> {
                                double i = sigmoid(gi[j] + gh[j]);
                                double f = sigmoid(gi[n + j] + gh[n + j]);
                                double g = Math.tanh(gi[2 * n + j] + gh[2 * n + j]);
                                double o = sigmoid(gi[3 * n + j] + gh[3 * n + j]);
                                c[k][j] = f * c[k][j] + i * g;
                                next[j] = o * Math.tanh(c[k][j]);
                            }
                            case "gru" -> {
                                double r = sigmoid(gi[j] + gh[j]);
                                double z = sigmoid(gi[n + j] + gh[n + j]);
                                double cand = Math.tanh(gi[2 * n + j] + r * gh[2 * n + j]);
                                next[j] = (1 - z) * cand + z * h[k][j];
                            }
                            case "rnn" -> next[j] = Math.tanh(gi[j] + gh[j]);
                            case "rnn_relu" -> next[j] = Math.max(0, gi[j] + gh[j]);
                            default -> throw new IllegalArgumentException(kind);
                        }
                    }
                    h[k] = next;
                    clamp(h, hidden, clamps);
                    in = next;
                }
                for (int o = 0; o < m; o++) {
                    double y = fcB[o];
                    for (int j = 0; j < hidden; j++) {
                        y += fcW[o * hidden + j] * h[layers - 1][j];
                    }
                    out[(seq * l + t) * m + o] = y;
                }
            }
        }
        return out;
    }

    private static void clamp(double[][] h, int hidden, Map<Integer, Double> clamps) {
        clamps.forEach((unit, value) -> h[unit / hidden][unit % hidden] = value);
    }

    private static double[] affine(Map<String, NdArray> w, String weight, String bias, double[] v) {
        NdArray a = w.get(weight);
        double[] wv = a.toDoubleArray();
        int rows = a.dim(0);
        double[] out = w.containsKey(bias) ? w.get(bias).toDoubleArray() : new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < v.length; k++) {
                out[r] += wv[r * v.length + k] * v[k];
            }
        }
        return out;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
