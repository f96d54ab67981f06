package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.head.HeadInit;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.NcpsConfig;
import io.liquidlens.train.NcpsInit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames -> head -> cells in reverse mode, against central finite differences and the float model. */
class FrameSequenceGradientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEPS = 4;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"class\": \"LTC\", \"input_size\": 4, \"units\": {\"class\": \"AutoNCP\", \"units\": 6, \"output_size\": 1},"
                + " \"ode_unfolds\": 3}",
        "{\"class\": \"CfC\", \"input_size\": 4, \"units\": 5, \"backbone_units\": 6, \"proj_size\": 2}"})
    void frameAndParameterGradientsMatchFiniteDifferences(String ncps) throws Exception {
        HeadSpec head = HeadSpec.fromJson(JSON.readTree("""
                {"input_shape": [5, 6, 2], "layers": [
                  {"type": "conv2d", "in": 2, "out": 3, "kernel": 3, "stride": 2, "padding": 1},
                  {"type": "relu"}, {"type": "flatten"}, {"type": "linear", "in": 27, "out": 4}]}"""));
        ModelSpec spec = NcpsConfig.parse(JSON.readTree(ncps));
        Map<String, NdArray> sd = new LinkedHashMap<>(HeadInit.torchDefaults(head, 1));
        sd.putAll(NcpsInit.initialStateDict(spec, 2));
        FrameSequenceGradient g = FrameSequenceGradient.fromStateDict(spec, head, sd);
        g.prepare();
        int f = g.frameSize();
        SplittableRandom rng = new SplittableRandom(5);
        double[] frames = new double[STEPS * f];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = rng.nextDouble();
        }
        int m = g.cells().outputSize();
        double[] weights = new double[STEPS * m];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = rng.nextDouble() - 0.5;
        }
        var tape = g.newTape(STEPS);
        g.forward(frames, 0, STEPS, null, null, null, tape);
        double[] grad = g.params().newGradient();
        double[] dFrames = new double[frames.length];
        g.backward(tape, weights, grad, dFrames, 0);

        // the double forward equals the float model
        LiquidModel floatModel = LiquidModel.fromStateDict(spec, head, sd);
        float[] ff = new float[frames.length];
        for (int i = 0; i < ff.length; i++) {
            ff[i] = (float) frames[i];
        }
        float[] floatOut = new Simulator(floatModel).run(SimulationInput.of(NdArray.ofFloats(new int[] {1, STEPS, 5, 6, 2},
                ff))).stepOutputs().toFloatArray();
        double[] outs = tape.cells().outputs();
        for (int i = 0; i < outs.length; i++) {
            assertThat(Math.abs(outs[i] - floatOut[i])).isLessThan(1e-5);
        }

        double eps = 1e-6;
        for (int k = 0; k < 12; k++) {
            int i = rng.nextInt(frames.length);
            double fd = (objective(g, bump(frames, i, eps), weights) - objective(g, bump(frames, i, -eps), weights))
                    / (2 * eps);
            assertClose("frame[" + i + "]", dFrames[i], fd);
        }
        double[] v = g.params().values();
        for (Param p : g.params().params()) {
            if (!p.trainable()) {
                continue;
            }
            int i = p.offset() + rng.nextInt(p.size());
            double keep = v[i];
            v[i] = keep + eps;
            g.prepare();
            double up = objective(g, frames, weights);
            v[i] = keep - eps;
            g.prepare();
            double down = objective(g, frames, weights);
            v[i] = keep;
            g.prepare();
            assertClose(p.name(), grad[i], (up - down) / (2 * eps));
        }
    }

    private static final String HEAD = """
            {"input_shape": [5, 6, 2], "layers": [
              {"type": "conv2d", "in": 2, "out": 3, "kernel": 3, "stride": 2, "padding": 1},
              {"type": "relu"}, {"type": "flatten"}, {"type": "linear", "in": 27, "out": 4}]}""";
    private static final int BATCH = 6;

    private static FrameSequenceGradient model(String ncps) throws Exception {
        HeadSpec head = HeadSpec.fromJson(JSON.readTree(HEAD));
        ModelSpec spec = NcpsConfig.parse(JSON.readTree(ncps));
        Map<String, NdArray> sd = new LinkedHashMap<>(HeadInit.torchDefaults(head, 1));
        sd.putAll(NcpsInit.initialStateDict(spec, 2));
        FrameSequenceGradient g = FrameSequenceGradient.fromStateDict(spec, head, sd);
        g.prepare();
        return g;
    }

    /** Squared error against fixed targets (B, L, M'). */
    private static StepLoss squaredError(double[] target, int l, int m) {
        return (sample, step, y, yo, dy, dyo) -> {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                double e = y[yo + k] - target[(sample * l + step) * m + k];
                sum += e * e;
                dy[dyo + k] = 2 * e;
            }
            return sum;
        };
    }

    private static float[] randomFrames(SplittableRandom rng, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) rng.nextDouble();
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"class\": \"LTC\", \"input_size\": 4, \"units\": {\"class\": \"AutoNCP\", \"units\": 6, \"output_size\": 1},"
                + " \"ode_unfolds\": 3}",
        "{\"class\": \"CfC\", \"input_size\": 4, \"units\": 5, \"backbone_units\": 6, \"proj_size\": 2}"})
    void batchLossGradientMatchesFiniteDifferencesOnEveryTensorHeadIncluded(String ncps) throws Exception {
        FrameSequenceGradient g = model(ncps);
        int f = g.frameSize();
        int m = g.outputSize();
        int n = g.cells().stateSize();
        SplittableRandom rng = new SplittableRandom(9);
        NdArray frames = NdArray.ofFloats(new int[] {BATCH, STEPS, 5, 6, 2}, randomFrames(rng, BATCH * STEPS * f));
        double[] ts = new double[BATCH * STEPS];
        double[] h0 = new double[BATCH * n];
        double[] target = new double[BATCH * STEPS * m];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 0.5 + rng.nextDouble();
        }
        for (int i = 0; i < h0.length; i++) {
            h0[i] = 0.3 * (rng.nextDouble() - 0.5);
        }
        for (int i = 0; i < target.length; i++) {
            target[i] = rng.nextDouble() - 0.5;
        }
        NdArray timespans = NdArray.ofDoubles(new int[] {BATCH, STEPS}, ts);
        NdArray hx0 = NdArray.ofDoubles(new int[] {BATCH, n}, h0);
        StepLoss loss = squaredError(target, STEPS, m);
        double[] grad = g.params().newGradient();
        double total = g.lossAndGradient(frames, timespans, hx0, loss, grad);
        assertThat(total).isPositive();

        // float64 frames of the same values give the same numbers
        double[] gradFromDoubles = g.params().newGradient();
        double totalFromDoubles = g.lossAndGradient(NdArray.ofDoubles(frames.shape(), frames.toDoubleArray()), timespans,
                hx0, loss, gradFromDoubles);
        assertThat(totalFromDoubles).isEqualTo(total);
        assertThat(gradFromDoubles).containsExactly(grad);

        // the batch keeps every frame's head tape; one sequence at a time on a recomputing tape gives the same
        var tape = g.newTape(STEPS);
        float[] fs = frames.toFloatArray();
        double[] byHand = g.params().newGradient();
        double lossByHand = 0;
        double[] dOut = new double[STEPS * m];
        for (int i = 0; i < BATCH; i++) {
            g.forward(fs, i * STEPS * f, STEPS, java.util.Arrays.copyOfRange(ts, i * STEPS, (i + 1) * STEPS),
                    java.util.Arrays.copyOfRange(h0, i * n, (i + 1) * n), null, tape);
            for (int t = 0; t < STEPS; t++) {
                lossByHand += loss.evaluate(i, t, tape.cells().outputs(), t * m, dOut, t * m);
            }
            g.backward(tape, dOut, byHand, null, 0);
        }
        assertThat(total).isCloseTo(lossByHand, org.assertj.core.data.Offset.offset(1e-12 * lossByHand));
        for (int p = 0; p < grad.length; p++) {
            assertThat(grad[p]).isCloseTo(byHand[p], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(byHand[p]))));
        }

        double[] v = g.params().values();
        double eps = 1e-6;
        for (Param p : g.params().params()) {
            if (!p.trainable()) {
                continue;
            }
            for (int k = 0; k < 2; k++) {
                int i = p.offset() + rng.nextInt(p.size());
                double keep = v[i];
                v[i] = keep + eps;
                g.prepare();
                double up = g.lossAndGradient(frames, timespans, hx0, loss, g.params().newGradient());
                v[i] = keep - eps;
                g.prepare();
                double down = g.lossAndGradient(frames, timespans, hx0, loss, g.params().newGradient());
                v[i] = keep;
                g.prepare();
                assertClose(p.name() + "[" + (i - p.offset()) + "]", grad[i], (up - down) / (2 * eps));
            }
        }
    }

    /**
     * The float32 head training uses, against the double head everywhere else, on the NCP paper's camera head with
     * an AutoNCP(19, 1) LTC and random weights: windows of 20 frames, so the head takes a block of 16 and one of 4,
     * the first recomputed on the way back. Every tensor's gradient agrees to 1e-4 of its largest entry.
     */
    @org.junit.jupiter.api.Test
    void float32TrainingHeadGivesTheDoubleHeadsLossAndGradientsToFloatRounding() throws Exception {
        HeadSpec head = HeadSpec.fromJson(JSON.readTree("""
                {"input_shape": [32, 96, 3], "layers": [
                  {"type": "conv2d", "in": 3, "out": 24, "kernel": 5, "stride": 2, "padding": 2}, {"type": "relu"},
                  {"type": "conv2d", "in": 24, "out": 36, "kernel": 5, "stride": 2, "padding": 2}, {"type": "relu"},
                  {"type": "conv2d", "in": 36, "out": 48, "kernel": 3, "stride": 2, "padding": 1}, {"type": "relu"},
                  {"type": "conv2d", "in": 48, "out": 64, "kernel": 3, "stride": 1, "padding": 1}, {"type": "relu"},
                  {"type": "conv2d", "in": 64, "out": 8, "kernel": 3, "stride": 1, "padding": 1}, {"type": "relu"},
                  {"type": "channel_linear", "channels": 8, "in": 48, "out": 4}]}"""));
        ModelSpec spec = NcpsConfig.parse(JSON.readTree("{\"class\": \"LTC\", \"input_size\": 32, \"units\":"
                + " {\"class\": \"AutoNCP\", \"units\": 19, \"output_size\": 1}}"));
        Map<String, NdArray> sd = new LinkedHashMap<>(HeadInit.torchDefaults(head, 3));
        sd.putAll(NcpsInit.initialStateDict(spec, 4));
        FrameSequenceGradient reference = FrameSequenceGradient.fromStateDict(spec, head, sd);
        FrameSequenceGradient training = FrameSequenceGradient.forTraining(spec, head, sd);
        reference.prepare();
        training.prepare();
        int b = 2;
        int l = 20;
        SplittableRandom rng = new SplittableRandom(8);
        NdArray frames = NdArray.ofFloats(new int[] {b, l, 32, 96, 3}, randomFrames(rng, b * l * reference.frameSize()));
        double[] target = new double[b * l];
        for (int i = 0; i < target.length; i++) {
            target[i] = rng.nextDouble() - 0.5;
        }
        StepLoss loss = squaredError(target, l, 1);
        double[] expected = reference.params().newGradient();
        double expectedLoss = reference.lossAndGradient(frames, null, null, loss, expected);
        double[] grad = training.params().newGradient();
        double total = training.lossAndGradient(frames, null, null, loss, grad);

        assertThat(total).isCloseTo(expectedLoss, org.assertj.core.data.Offset.offset(1e-5 * expectedLoss));
        for (Param p : reference.params().params()) {
            if (!p.trainable()) {
                continue;
            }
            double largest = 0;
            for (int i = p.offset(); i < p.offset() + p.size(); i++) {
                largest = Math.max(largest, Math.abs(expected[i]));
            }
            assertThat(largest).as(p.name()).isPositive();
            for (int i = p.offset(); i < p.offset() + p.size(); i++) {
                assertThat(Math.abs(grad[i] - expected[i])).as("%s[%d]", p.name(), i - p.offset())
                        .isLessThanOrEqualTo(1e-4 * largest);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void batchResultsAreBitIdenticalWhateverTheNumberOfThreads(int threads) throws Exception {
        String ncps = "{\"class\": \"CfC\", \"input_size\": 4, \"units\": {\"class\": \"AutoNCP\","
                + " \"units\": 6, \"output_size\": 1}}";
        assertBitIdenticalOn(threads, model(ncps));
        Map<String, NdArray> sd = new LinkedHashMap<>(HeadInit.torchDefaults(HeadSpec.fromJson(JSON.readTree(HEAD)), 1));
        sd.putAll(NcpsInit.initialStateDict(NcpsConfig.parse(JSON.readTree(ncps)), 2));
        FrameSequenceGradient training = FrameSequenceGradient.forTraining(NcpsConfig.parse(JSON.readTree(ncps)),
                HeadSpec.fromJson(JSON.readTree(HEAD)), sd);
        training.prepare();
        assertBitIdenticalOn(threads, training);
    }

    private static void assertBitIdenticalOn(int threads, FrameSequenceGradient g) throws Exception {
        int b = 11; // three chunks, the last one short
        SplittableRandom rng = new SplittableRandom(4);
        NdArray frames = NdArray.ofFloats(new int[] {b, STEPS, 5, 6, 2}, randomFrames(rng, b * STEPS * g.frameSize()));
        double[] target = new double[b * STEPS];
        for (int i = 0; i < target.length; i++) {
            target[i] = rng.nextDouble();
        }
        StepLoss loss = squaredError(target, STEPS, 1);
        double[] reference = g.params().newGradient();
        double referenceLoss = g.lossAndGradient(frames, null, null, loss, reference);

        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            double[] grad = g.params().newGradient();
            double total = pool.submit(() -> g.lossAndGradient(frames, null, null, loss, grad)).get();
            assertThat(total).isEqualTo(referenceLoss);
            assertThat(grad).containsExactly(reference);
        } finally {
            pool.shutdown();
        }
    }

    @org.junit.jupiter.api.Test
    void batchesOfTheWrongFrameShapeOrWithNonFiniteValuesAreRejected() throws Exception {
        FrameSequenceGradient g = model("{\"class\": \"CfC\", \"input_size\": 4, \"units\": 5}");
        StepLoss zero = (sample, step, y, yo, dy, dyo) -> 0;
        NdArray transposed = NdArray.ofFloats(new int[] {1, 2, 6, 5, 2}, new float[120]);
        assertThatThrownBy(() -> g.lossAndGradient(transposed, null, null, zero, g.params().newGradient()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(B, L, 5, 6, 2)")
                .hasMessageContaining("[1, 2, 6, 5, 2]");
        float[] nan = new float[120];
        nan[77] = Float.NaN;
        NdArray withNan = NdArray.ofFloats(new int[] {1, 2, 5, 6, 2}, nan);
        assertThatThrownBy(() -> g.lossAndGradient(withNan, null, null, zero, g.params().newGradient()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN at flat index 77");
    }

    private static double objective(FrameSequenceGradient g, double[] frames, double[] weights) {
        var tape = g.newTape(STEPS);
        g.forward(frames, 0, STEPS, null, null, null, tape);
        double[] outs = tape.cells().outputs();
        double sum = 0;
        for (int i = 0; i < outs.length; i++) {
            sum += outs[i] * weights[i];
        }
        return sum;
    }

    private static double[] bump(double[] a, int i, double by) {
        double[] c = a.clone();
        c[i] += by;
        return c;
    }

    private static void assertClose(String what, double analytic, double fd) {
        assertThat(Math.abs(analytic - fd)).as(what + ": analytic " + analytic + " vs finite difference " + fd)
                .isLessThanOrEqualTo(1e-5 * Math.max(Math.abs(fd), 1e-3));
    }
}
