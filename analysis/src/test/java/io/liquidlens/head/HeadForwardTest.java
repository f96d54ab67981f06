package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forward passes of the float32 and double heads against convolutions computed another way. */
class HeadForwardTest {

    /**
     * Convolution straight from the definition, one output at a time, with the padding test per input
     * position: y[o, i, j] = b[o] + sum over c, u, v of w[o, c, u, v] * x[c, i*sh - ph + u, j*sw - pw + v].
     */
    static double[] naiveConv(double[] x, int c, int h, int w, double[] weight, double[] bias, int out, int kh,
                              int kw, int sh, int sw, int ph, int pw) {
        int oh = (h + 2 * ph - kh) / sh + 1;
        int ow = (w + 2 * pw - kw) / sw + 1;
        double[] y = new double[out * oh * ow];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double s = bias == null ? 0 : bias[o];
                    for (int ci = 0; ci < c; ci++) {
                        for (int u = 0; u < kh; u++) {
                            for (int v = 0; v < kw; v++) {
                                int r = i * sh - ph + u;
                                int q = j * sw - pw + v;
                                if (r >= 0 && r < h && q >= 0 && q < w) {
                                    s += weight[((o * c + ci) * kh + u) * kw + v] * x[(ci * h + r) * w + q];
                                }
                            }
                        }
                    }
                    y[(o * oh + i) * ow + j] = s;
                }
            }
        }
        return y;
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** (C, H, W) to (H, W, C). */
    static double[] chwToHwc(double[] chw, int c, int h, int w) {
        double[] out = new double[chw.length];
        for (int ci = 0; ci < c; ci++) {
            for (int p = 0; p < h * w; p++) {
                out[p * c + ci] = chw[ci * h * w + p];
            }
        }
        return out;
    }

    /** A head of one conv layer then flatten, so the output is the conv's (C, H, W) map. */
    static HeadSpec convOnly(int c, int h, int w, int out, int kh, int kw, int sh, int sw, int ph, int pw,
                             boolean bias) {
        LayerSpec.Conv2d conv = new LayerSpec.Conv2d(c, out, kh, kw, sh, sw, ph, pw, "conv.weight",
                bias ? "conv.bias" : null);
        return new HeadSpec(new ImageShape(h, w, c), List.of(conv, new LayerSpec.Flatten()));
    }

    @Test
    void strideTwoPaddingOneOnOneChannelGivesTheHandWorkedValues() {
        // input 1..16 in a 4x4 grid, kernel [[1,2,0],[0,1,0],[0,0,3]], bias 0.5, stride 2, padding 1:
        // (0,0): 1*x00 + 3*x11 = 1 + 18;  (0,1): 1*x02 + 3*x13 = 3 + 24;
        // (1,0): 2*x10 + 1*x20 + 3*x31 = 10 + 9 + 42;  (1,1): 1*x11 + 2*x12 + 1*x22 + 3*x33 = 6 + 14 + 11 + 48
        HeadSpec spec = convOnly(1, 4, 4, 1, 3, 3, 2, 2, 1, 1, true);
        Map<String, NdArray> sd = Map.of(
                "conv.weight", NdArray.ofFloats(new int[] {1, 1, 3, 3}, new float[] {1, 2, 0, 0, 1, 0, 0, 0, 3}),
                "conv.bias", NdArray.ofFloats(new int[] {1}, new float[] {0.5f}));
        float[] frame = new float[16];
        for (int i = 0; i < 16; i++) {
            frame[i] = i + 1;
        }
        PerceptionHead head = PerceptionHead.fromStateDict(spec, sd);
        float[] out = new float[4];
        head.forward(frame, 0, head.newWorkspace(), out, 0);
        assertThat(out).containsExactly(19.5f, 27.5f, 61.5f, 79.5f);
    }

    @ParameterizedTest(name = "c{0} {1}x{2} -> {3}, kernel {4}x{5}, stride {6}x{7}, pad {8}x{9}, bias {10}")
    @CsvSource({
            "1, 5, 5, 1, 3, 3, 1, 1, 0, 0, true",
            "3, 9, 11, 4, 3, 3, 2, 2, 1, 1, true",
            "2, 8, 13, 3, 5, 3, 2, 3, 2, 1, false",
            "3, 32, 96, 5, 5, 5, 2, 2, 0, 0, true",
            "4, 6, 7, 2, 2, 4, 3, 1, 0, 2, true",
            "2, 3, 3, 2, 3, 3, 1, 1, 2, 2, true",
            "1, 4, 4, 2, 1, 1, 2, 2, 0, 0, true",
    })
    void convolutionMatchesTheDefinition(int c, int h, int w, int out, int kh, int kw, int sh, int sw, int ph, int pw,
                                         boolean bias) {
        SplittableRandom r = new SplittableRandom(c * 1000L + h * 10L + kw);
        HeadSpec spec = convOnly(c, h, w, out, kh, kw, sh, sw, ph, pw, bias);
        float[] weight = toFloats(uniform(r, out * c * kh * kw, -1, 1));
        float[] b = toFloats(uniform(r, out, -1, 1));
        float[] chw = toFloats(uniform(r, c * h * w, -1, 1));
        double[] expected = naiveConv(toDoubles(chw), c, h, w, toDoubles(weight), bias ? toDoubles(b) : null, out, kh,
                kw, sh, sw, ph, pw);
        assertThat(spec.outputSize()).isEqualTo(expected.length);

        Map<String, NdArray> sd = new HashMap<>();
        sd.put("conv.weight", NdArray.ofFloats(new int[] {out, c, kh, kw}, weight));
        if (bias) {
            sd.put("conv.bias", NdArray.ofFloats(new int[] {out}, b));
        }
        float[] frame = toFloats(chwToHwc(toDoubles(chw), c, h, w));
        PerceptionHead head = PerceptionHead.fromStateDict(spec, sd);
        float[] got = new float[expected.length];
        head.forward(frame, 0, head.newWorkspace(), got, 0);
        for (int i = 0; i < got.length; i++) {
            assertThat((double) got[i]).as("float y[%d]", i).isCloseTo(expected[i], within(1e-5));
        }

        double[] values = new double[weight.length + b.length];
        System.arraycopy(toDoubles(weight), 0, values, 0, weight.length);
        System.arraycopy(toDoubles(b), 0, values, weight.length, b.length);
        HeadGrad grad = new HeadGrad(spec, name -> name.equals("conv.weight") ? 0 : weight.length);
        double[] y = new double[expected.length];
        grad.forward(values, toDoubles(frame), 0, y, 0, new double[grad.tapeSize()], 0, grad.newScratch());
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).as("double y[%d]", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void numpyReferenceHeadIsReproducedLayerByLayer() {
        Map<String, NdArray> ref = Npz.read(Path.of("src/test/resources/head/conv_reference.npz"));
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json("""
                {"input_shape": [7, 9, 2], "layers": [
                  {"type": "conv2d", "in": 2, "out": 3, "kernel": [3, 2], "stride": [2, 1], "padding": [1, 0]},
                  {"type": "relu"},
                  {"type": "conv2d", "in": 3, "out": 2, "kernel": [2, 3], "stride": [1, 2], "padding": [1, 1]},
                  {"type": "relu"},
                  {"type": "channel_linear", "channels": 2, "in": 20, "out": 3}]}"""));
        HeadSpec flat = HeadSpec.fromJson(HeadSpecJsonTest.json("""
                {"input_shape": [7, 9, 2], "layers": [
                  {"type": "conv2d", "in": 2, "out": 3, "kernel": [3, 2], "stride": [2, 1], "padding": [1, 0]},
                  {"type": "relu"},
                  {"type": "conv2d", "in": 3, "out": 2, "kernel": [2, 3], "stride": [1, 2], "padding": [1, 1]},
                  {"type": "relu"},
                  {"type": "flatten"},
                  {"type": "linear", "in": 40, "out": 4, "weight": "flat.5.weight", "bias": "flat.5.bias"}]}"""));
        float[] frame = ref.get("frame").toFloatArray();

        PerceptionHead head = PerceptionHead.fromStateDict(spec, ref);
        PerceptionHead.Workspace ws = head.newWorkspace();
        float[] out = new float[6];
        head.forward(frame, 0, ws, out, 0);
        assertClose(ws.output(0), ref.get("conv0").toDoubleArray(), 1e-5);
        assertClose(ws.output(2), ref.get("conv2").toDoubleArray(), 1e-5);
        assertClose(out, ref.get("out_channel_linear").toDoubleArray(), 1e-5);

        PerceptionHead flatHead = PerceptionHead.fromStateDict(flat, ref);
        float[] flatOut = new float[4];
        flatHead.forward(frame, 0, flatHead.newWorkspace(), flatOut, 0);
        assertClose(flatOut, ref.get("out_flatten_linear").toDoubleArray(), 1e-5);

        // double path on the reference's float64 weights and frame: agrees to rounding
        Map<String, Integer> offsets = new HashMap<>();
        double[] values = pack(flat, ref, offsets);
        HeadGrad g = new HeadGrad(flat, offsets::get);
        double[] tape = new double[g.tapeSize()];
        double[] y = new double[4];
        g.forward(values, ref.get("frame").toDoubleArray(), 0, y, 0, tape, 0, g.newScratch());
        assertThat(y).containsExactly(ref.get("out_flatten_linear").toDoubleArray(), within(1e-12));
        double[] conv2 = new double[40];
        System.arraycopy(tape, g.outputTapeOffset(2), conv2, 0, 40);
        assertThat(conv2).containsExactly(ref.get("conv2").toDoubleArray(), within(1e-12));
    }

    static double[] pack(HeadSpec spec, Map<String, NdArray> sd, Map<String, Integer> offsets) {
        int size = 0;
        for (var t : spec.tensorShapes().entrySet()) {
            offsets.put(t.getKey(), size);
            size += sd.get(t.getKey()).size();
        }
        double[] values = new double[size];
        for (var t : spec.tensorShapes().entrySet()) {
            double[] v = sd.get(t.getKey()).toDoubleArray();
            System.arraycopy(v, 0, values, offsets.get(t.getKey()), v.length);
        }
        return values;
    }

    private static void assertClose(float[] got, double[] expected, double tol) {
        assertThat(got).hasSize(expected.length);
        for (int i = 0; i < got.length; i++) {
            assertThat((double) got[i]).as("[%d]", i).isCloseTo(expected[i], within(tol * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @Test
    void float32ForwardEqualsDoubleForwardOnTheNcpShapedHead() {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(HeadSpecJsonTest.NCP_HEAD));
        Map<String, NdArray> sd = HeadInit.torchDefaults(spec, 42);
        PerceptionHead head = PerceptionHead.fromStateDict(spec, sd);
        Map<String, Integer> offsets = new HashMap<>();
        double[] values = pack(spec, sd, offsets);
        HeadGrad g = new HeadGrad(spec, offsets::get);
        PerceptionHead.Workspace ws = head.newWorkspace();
        HeadGrad.Scratch scratch = g.newScratch();
        double[] tape = new double[g.tapeSize()];
        SplittableRandom r = new SplittableRandom(7);
        for (int frameNo = 0; frameNo < 3; frameNo++) {
            float[] frame = toFloats(uniform(r, 32 * 96 * 3, 0, 1));
            float[] f = new float[32];
            double[] d = new double[32];
            head.forward(frame, 0, ws, f, 0);
            g.forward(values, frame, 0, d, 0, tape, 0, scratch);
            for (int i = 0; i < 32; i++) {
                assertThat((double) f[i]).as("frame %d feature %d", frameNo, i)
                        .isCloseTo(d[i], within(1e-5 * Math.max(1, Math.abs(d[i]))));
            }
            // every conv feature map agrees too (what VisualBackProp will read)
            for (int conv : spec.convLayers()) {
                int layer = spec.featureMapLayer(conv);
                float[] map = ws.output(layer);
                int n = spec.shapes().get(layer + 1).size();
                int at = g.outputTapeOffset(layer);
                for (int i = 0; i < n; i += 7) {
                    assertThat((double) map[i]).isCloseTo(tape[at + i], within(1e-5 * Math.max(1, Math.abs(tape[at + i]))));
                }
            }
        }
    }
}
