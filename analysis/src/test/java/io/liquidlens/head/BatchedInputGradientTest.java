package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.grad.ParamSet;
import io.liquidlens.grad.Param;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched float32 input gradient against the double-precision reverse mode one frame at a time, on the heads
 * {@link HeadGradTest} checks against finite differences (conv, ReLU, channel-linear; flatten and linear layers,
 * a conv without bias), with parameters at non-zero offsets; the parameter gradients also on the NCP paper's camera
 * head.
 */
class BatchedInputGradientTest {
    private static final int FRAMES = 5;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.liquidlens.head.HeadGradTest#heads")
    void featuresAndInputGradientsMatchTheDoublePrecisionHeadFrameByFrame(String name, String json, long seed) {
        HeadPair head = HeadPair.of(json, seed);
        HeadSpec spec = head.spec();
        ParamSet params = head.params();
        HeadGrad single = head.reference();
        BatchedInputGradient batched = head.batched();
        SplittableRandom random = new SplittableRandom(seed);
        int in = single.inputSize();
        int out = single.outputSize();
        double[][] frames = new double[FRAMES][];
        for (int b = 0; b < FRAMES; b++) {
            frames[b] = HeadPair.uniform(random, in, 0);
        }
        double[] dFeatures = HeadPair.uniform(random, FRAMES * out, -0.5);
        BatchedInputGradient.Batch batch = batched.newBatch(FRAMES + 1);
        double[] features = new double[FRAMES * out];
        double[][] dFrames = new double[FRAMES][in];
        batched.forward(params.values(), frames, FRAMES, features, batch);
        batched.backward(dFeatures, dFrames, batch);

        double[] tape = new double[single.tapeSize()];
        HeadGrad.Scratch scratch = single.newScratch();
        for (int b = 0; b < FRAMES; b++) {
            double[] expected = new double[out];
            double[] dExpected = new double[in];
            single.forward(params.values(), frames[b], 0, expected, 0, tape, 0, scratch);
            single.backward(params.values(), dFeatures, b * out, tape, 0, dExpected, 0, params.newGradient(), scratch);
            assertClose(Arrays.copyOfRange(features, b * out, (b + 1) * out), expected, "features of " + b);
            assertClose(dFrames[b], dExpected, "input gradient of " + b);
        }
    }

    /** {@link HeadGradTest#heads()} and the NCP paper's head on 32 x 96 x 3 frames (five convs, channel-linear). */
    static Stream<Arguments> trainedHeads() {
        return Stream.concat(HeadGradTest.heads(), Stream.of(Arguments.of("NCP paper's camera head", """
                {"input_shape": [32, 96, 3], "layers": [
                  {"type": "conv2d", "in": 3, "out": 24, "kernel": 5, "stride": 2, "padding": 2}, {"type": "relu"},
                  {"type": "conv2d", "in": 24, "out": 36, "kernel": 5, "stride": 2, "padding": 2}, {"type": "relu"},
                  {"type": "conv2d", "in": 36, "out": 48, "kernel": 3, "stride": 2, "padding": 1}, {"type": "relu"},
                  {"type": "conv2d", "in": 48, "out": 64, "kernel": 3, "stride": 1, "padding": 1}, {"type": "relu"},
                  {"type": "conv2d", "in": 64, "out": 8, "kernel": 3, "stride": 1, "padding": 1}, {"type": "relu"},
                  {"type": "channel_linear", "channels": 8, "in": 48, "out": 4}]}""", 7L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainedHeads")
    void parameterGradientsOfABatchMatchTheDoublePrecisionHeadSummedOverItsFrames(String name, String json, long seed) {
        HeadPair head = HeadPair.of(json, seed);
        HeadSpec spec = head.spec();
        ParamSet params = head.params();
        HeadGrad single = head.reference();
        BatchedInputGradient batched = head.batched();
        SplittableRandom random = new SplittableRandom(seed);
        int in = single.inputSize();
        int out = single.outputSize();
        float[] frames = new float[(FRAMES + 1) * in];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (float) random.nextDouble();
        }
        double[] dFeatures = HeadPair.uniform(random, FRAMES * out, -0.5);
        BatchedInputGradient.Batch batch = batched.newBatch(FRAMES);
        double[] features = new double[FRAMES * out];
        double[] grad = params.newGradient();
        // the frames from the second on: reading at an offset
        batched.forward(params.values(), frames, in, FRAMES, features, batch);
        batched.addParameterGradient(dFeatures, grad, batch);

        double[] expected = params.newGradient();
        double[] tape = new double[single.tapeSize()];
        HeadGrad.Scratch scratch = single.newScratch();
        for (int b = 0; b < FRAMES; b++) {
            double[] expectedFeatures = new double[out];
            single.forward(params.values(), frames, (b + 1) * in, expectedFeatures, 0, tape, 0, scratch);
            single.backward(params.values(), dFeatures, b * out, tape, 0, null, 0, expected, scratch);
            assertClose(Arrays.copyOfRange(features, b * out, (b + 1) * out), expectedFeatures, "features of " + b);
        }
        for (Param p : params.params()) {
            double[] actual = Arrays.copyOfRange(grad, p.offset(), p.offset() + p.size());
            if (spec.tensorShapes().containsKey(p.name())) {
                HeadPair.assertClose(actual, Arrays.copyOfRange(expected, p.offset(), p.offset() + p.size()), p.name(), 1e-4);
            } else {
                assertThat(actual).as("a tensor outside the head gets no gradient").containsOnly(0.0);
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        HeadPair.assertClose(actual, expected, what, 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.liquidlens.head.HeadGradTest#heads")
    void aBatchRefusesMoreFramesThanItHolds(String name, String json, long seed) {
        HeadPair head = HeadPair.of(json, seed);
        ParamSet params = head.params();
        BatchedInputGradient batched = head.batched();
        double[][] frames = new double[3][batched.inputSize()];
        assertThatThrownBy(() -> batched.forward(params.values(), frames, 3, new double[3 * batched.outputSize()],
                batched.newBatch(2))).hasMessageContaining("3 frames do not fit a batch of 2");
    }
}
