package io.liquidlens.head;

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
        HeadPair head = HeadPair.of(json, seed);
        ParamSet params = head.params();
        HeadGrad single = head.reference();
        BatchedInputGradient batched = head.batched();
        SplittableRandom random = new SplittableRandom(seed);
        int in = single.inputSize();
        int out = single.outputSize();
        double[] from = HeadPair.uniform(random, in, 0);
        double[] to = HeadPair.uniform(random, in, 0);
        double[] alphas = {0.05, 0.3, 0.5, 0.7, 0.95, 1.0, 0.0};
        double[] dFeatures = HeadPair.uniform(random, alphas.length * out, -0.5);

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
        HeadPair.assertClose(actual, expected, what, 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.liquidlens.head.HeadGradTest#heads")
    void aPathRefusesEndsOfDifferentSizes(String name, String json, long seed) {
        HeadPair head = HeadPair.of(json, seed);
        ParamSet params = head.params();
        BatchedInputGradient batched = head.batched();
        assertThatThrownBy(() -> batched.path(params.values(), new double[batched.inputSize()], new double[2],
                batched.newBatch(2))).hasMessageContaining("the path's ends hold");
    }
}
