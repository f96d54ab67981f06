package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.grad.Param;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.io.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reverse mode of the head against central finite differences in double precision (eps 1e-6), on a
 * ParamSet that also holds a tensor of someone else, so offsets are exercised. The loss is
 * L = sum(features * G) for a fixed random G.
 */
class HeadGradTest {
    private static final double EPS = 1e-6;
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;
    /** Pre-activations closer to 0 than this would let a +-eps step cross a ReLU kink. */
    private static final double KINK_MARGIN = 1e-4;

    static Stream<Arguments> heads() {
        return Stream.of(
                Arguments.of("conv-relu-conv-relu-channel_linear", """
                        {"input_shape": [9, 11, 3], "layers": [
                          {"type": "conv2d", "in": 3, "out": 4, "kernel": [3, 3], "stride": [2, 2], "padding": [1, 1]},
                          {"type": "relu"},
                          {"type": "conv2d", "in": 4, "out": 3, "kernel": [2, 3], "stride": [1, 2], "padding": [1, 0]},
                          {"type": "relu"},
                          {"type": "channel_linear", "channels": 3, "in": 12, "out": 2}]}""", 11L),
                Arguments.of("conv-relu-flatten-linear-relu-linear, no conv bias", """
                        {"input_shape": [6, 8, 2], "layers": [
                          {"type": "conv2d", "in": 2, "out": 3, "kernel": [3, 2], "stride": [1, 2], "padding": [2, 1],
                           "bias": null},
                          {"type": "relu"},
                          {"type": "flatten"},
                          {"type": "linear", "in": 120, "out": 6},
                          {"type": "relu"},
                          {"type": "linear", "in": 6, "out": 3}]}""", 5L));
    }

    /** The head's tensors after an unrelated tensor, so the head's offsets are not 0. */
    static ParamSet paramsFor(HeadSpec spec, long seed) {
        ParamSet.Builder b = ParamSet.builder().add("rnn_cell.w", new int[] {5}, new double[] {1, 2, 3, 4, 5}, true);
        for (Map.Entry<String, NdArray> t : HeadInit.torchDefaults(spec, seed).entrySet()) {
            b.add(t.getKey(), t.getValue(), true);
        }
        return b.build();
    }

    private static double loss(HeadGrad g, double[] values, double[] frame, double[] gOut) {
        double[] out = new double[g.outputSize()];
        g.forward(values, frame, 0, out, 0, new double[g.tapeSize()], 0, g.newScratch());
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            s += out[i] * gOut[i];
        }
        return s;
    }

    private static void assertGradient(String what, double analytic, double numeric) {
        double tol = REL * Math.max(Math.abs(analytic), Math.abs(numeric)) + ABS;
        assertThat(analytic).as("%s: analytic %s vs finite difference %s", what, analytic, numeric)
                .isCloseTo(numeric, within(tol));
    }

    /** Up to {@code n} indices of [0, size): the first, the last and random ones between. */
    private static List<Integer> sample(SplittableRandom r, int size, int n) {
        List<Integer> idx = new ArrayList<>();
        idx.add(0);
        idx.add(size - 1);
        for (int k = 0; k < n - 2 && k < size - 2; k++) {
            idx.add(r.nextInt(size));
        }
        return idx;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void gradientsMatchCentralDifferencesForEveryTensorAndTheFrame(String name, String json, long seed) {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(json));
        ParamSet ps = paramsFor(spec, seed);
        HeadGrad g = new HeadGrad(spec, n -> ps.param(n).offset());
        SplittableRandom r = new SplittableRandom(seed * 31 + 1);
        double[] frame = HeadForwardTest.uniform(r, spec.input().size(), 0.1, 1.0);
        double[] gOut = HeadForwardTest.uniform(r, g.outputSize(), -1, 1);
        double[] values = ps.values();

        double[] tape = new double[g.tapeSize()];
        double[] out = new double[g.outputSize()];
        HeadGrad.Scratch scratch = g.newScratch();
        g.forward(values, frame, 0, out, 0, tape, 0, scratch);
        assertAwayFromKinks(spec, g, tape);
        double[] grad = ps.newGradient();
        double[] dFrame = new double[frame.length];
        g.backward(values, gOut, 0, tape, 0, dFrame, 0, grad, scratch);

        assertThat(grad[ps.param("rnn_cell.w").offset()]).as("a tensor outside the head gets no gradient").isZero();
        int checked = 0;
        for (Param p : ps.params()) {
            if (!spec.tensorShapes().containsKey(p.name())) {
                continue;
            }
            for (int i : sample(r, p.size(), 12)) {
                int at = p.offset() + i;
                double keep = values[at];
                values[at] = keep + EPS;
                double up = loss(g, values, frame, gOut);
                values[at] = keep - EPS;
                double down = loss(g, values, frame, gOut);
                values[at] = keep;
                assertGradient(p.name() + "[" + i + "]", grad[at], (up - down) / (2 * EPS));
                checked++;
            }
        }
        for (int i : sample(r, frame.length, 25)) {
            double keep = frame[i];
            frame[i] = keep + EPS;
            double up = loss(g, values, frame, gOut);
            frame[i] = keep - EPS;
            double down = loss(g, values, frame, gOut);
            frame[i] = keep;
            assertGradient("frame[" + i + "]", dFrame[i], (up - down) / (2 * EPS));
        }
        assertThat(checked).isGreaterThanOrEqualTo(spec.tensorShapes().size() * 2);
    }

    /** Every ReLU input is at least KINK_MARGIN away from 0, so finite differences see one linear piece. */
    private static void assertAwayFromKinks(HeadSpec spec, HeadGrad g, double[] tape) {
        for (int i = 0; i < spec.layers().size(); i++) {
            if (spec.layers().get(i) instanceof LayerSpec.Relu) {
                int at = g.outputTapeOffset(i - 1);
                int n = spec.shapes().get(i).size();
                int active = 0;
                for (int j = 0; j < n; j++) {
                    assertThat(Math.abs(tape[at + j])).as("pre-activation %d of layer %d", j, i)
                            .isGreaterThan(KINK_MARGIN);
                    active += tape[at + j] > 0 ? 1 : 0;
                }
                assertThat(active).as("some but not all units of ReLU %d are active", i).isBetween(1, n - 1);
            }
        }
    }

    @Test
    void backwardAccumulatesAndSkipsTheFrameGradientWhenNotAsked() {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(heads().findFirst().orElseThrow().get()[1].toString()));
        ParamSet ps = paramsFor(spec, 3);
        HeadGrad g = new HeadGrad(spec, n -> ps.param(n).offset());
        SplittableRandom r = new SplittableRandom(9);
        double[] frame = HeadForwardTest.uniform(r, spec.input().size(), 0, 1);
        double[] gOut = HeadForwardTest.uniform(r, g.outputSize(), -1, 1);
        HeadGrad.Scratch scratch = g.newScratch();
        // two frames on one tape, as a sequence driver lays them out
        double[] tape = new double[2 * g.tapeSize()];
        double[] out = new double[g.outputSize()];
        g.forward(ps.values(), frame, 0, out, 0, tape, g.tapeSize(), scratch);

        double[] once = ps.newGradient();
        double[] dFrame = new double[frame.length];
        g.backward(ps.values(), gOut, 0, tape, g.tapeSize(), dFrame, 0, once, scratch);
        double[] twice = ps.newGradient();
        g.backward(ps.values(), gOut, 0, tape, g.tapeSize(), null, 0, twice, scratch);
        g.backward(ps.values(), gOut, 0, tape, g.tapeSize(), null, 0, twice, scratch);
        for (int i = 0; i < once.length; i++) {
            assertThat(twice[i]).isCloseTo(2 * once[i], within(1e-12 * Math.max(1, Math.abs(once[i]))));
        }
        assertThat(java.util.Arrays.stream(dFrame).map(Math::abs).max().orElse(0)).as("largest |dL/dframe|").isPositive();
    }

    @Test
    void trainedValuesRunInTheFloatHeadThroughTheirOffsets() {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(heads().findFirst().orElseThrow().get()[1].toString()));
        ParamSet ps = paramsFor(spec, 3);
        PerceptionHead fromValues = PerceptionHead.fromValues(spec, ps.values(), n -> ps.param(n).offset());
        PerceptionHead fromDict = PerceptionHead.fromStateDict(spec, ps.toStateDict());
        float[] frame = HeadForwardTest.toFloats(HeadForwardTest.uniform(new SplittableRandom(4), spec.input().size(), 0, 1));
        float[] a = new float[fromValues.outputSize()];
        float[] b = new float[fromDict.outputSize()];
        fromValues.forward(frame, 0, fromValues.newWorkspace(), a, 0);
        fromDict.forward(frame, 0, fromDict.newWorkspace(), b, 0);
        assertThat(a).containsExactly(b);
    }
}
