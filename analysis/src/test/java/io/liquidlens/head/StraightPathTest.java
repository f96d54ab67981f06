package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.grad.ParamSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The straight path's features and summed input gradient against the double-precision head run point by point, on
 * the heads {@link HeadGradTest} checks against finite differences (one with a conv bias, one without), between two
 * random frames (so the bias goes in once, not once per end), with more points than one batch holds.
 */
class StraightPathTest {
    private static final int CAPACITY = 3;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.liquidlens.head.HeadGradTest#heads")
    void featuresAndTheGradientSumMatchTheDoublePrecisionHeadPointByPoint(String name, String json, long seed) {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(json));
        ParamSet params = HeadGradTest.paramsFor(spec, seed);
        HeadGrad single = new HeadGrad(spec, n -> params.param(n).offset());
        BatchedInputGradient batched = new BatchedInputGradient(spec, n -> params.param(n).offset());
        SplittableRandom random = new SplittableRandom(seed);
        int in = single.inputSize();
        int out = single.outputSize();
        double[] from = new double[in];
        double[] to = new double[in];
        for (int i = 0; i < in; i++) {
            from[i] = random.nextDouble();
            to[i] = random.nextDouble();
        }
        double[] alphas = {0.05, 0.3, 0.5, 0.7, 0.95, 1.0, 0.0};
        double[] dFeatures = new double[alphas.length * out];
        for (int j = 0; j < dFeatures.length; j++) {
            dFeatures[j] = random.nextDouble() - 0.5;
        }

        StraightPath path = batched.path(params.values(), from, to, batched.newBatch(CAPACITY));
        double[] features = new double[alphas.length * out];
        for (int at = 0; at < alphas.length; at += CAPACITY) {
            int count = Math.min(CAPACITY, alphas.length - at);
            double[] chunk = new double[CAPACITY * out];
            path.forward(alphas, at, count, chunk);
            System.arraycopy(chunk, 0, features, at * out, count * out);
            path.backwardAdd(Arrays.copyOfRange(dFeatures, at * out, (at + CAPACITY) * out));
        }

        double[] tape = new double[single.tapeSize()];
        HeadGrad.Scratch scratch = single.newScratch();
        double[] expectedSum = new double[in];
        for (int k = 0; k < alphas.length; k++) {
            double[] point = new double[in];
            for (int i = 0; i < in; i++) {
                point[i] = from[i] + alphas[k] * (to[i] - from[i]);
            }
            double[] expected = new double[out];
            single.forward(params.values(), point, 0, expected, 0, tape, 0, scratch);
            double[] dPoint = new double[in];
            single.backward(params.values(), dFeatures, k * out, tape, 0, dPoint, 0, params.newGradient(), scratch);
            for (int i = 0; i < in; i++) {
                expectedSum[i] += dPoint[i];
            }
            assertClose(Arrays.copyOfRange(features, k * out, (k + 1) * out), expected, "features at alpha " + alphas[k]);
        }
        assertClose(path.inputGradientSum(), expectedSum, "summed input gradient");
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        double largest = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        assertThat(largest).as(what).isPositive();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s, value %d", what, i).isLessThanOrEqualTo(1e-5 * largest);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.liquidlens.head.HeadGradTest#heads")
    void aPathRefusesEndsOfDifferentSizes(String name, String json, long seed) {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(json));
        ParamSet params = HeadGradTest.paramsFor(spec, seed);
        BatchedInputGradient batched = new BatchedInputGradient(spec, n -> params.param(n).offset());
        assertThatThrownBy(() -> batched.path(params.values(), new double[batched.inputSize()], new double[2],
                batched.newBatch(2))).hasMessageContaining("the path's ends hold");
    }
}
