package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.grad.ParamSet;
import java.util.SplittableRandom;

/**
 * A head under test as the float32 batched paths are checked: its spec, random parameters at non-zero offsets
 * ({@link HeadGradTest#paramsFor}), the double-precision reference and the batched head reading the same values.
 */
record HeadPair(HeadSpec spec, ParamSet params, HeadGrad reference, BatchedInputGradient batched) {
    static HeadPair of(String json, long seed) {
        HeadSpec spec = HeadSpec.fromJson(HeadSpecJsonTest.json(json));
        ParamSet params = HeadGradTest.paramsFor(spec, seed);
        return new HeadPair(spec, params, new HeadGrad(spec, n -> params.param(n).offset()),
                new BatchedInputGradient(spec, n -> params.param(n).offset()));
    }

    /** {@code n} values drawn uniformly from [from, from + 1). */
    static double[] uniform(SplittableRandom random, int n, double from) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = from + random.nextDouble();
        }
        return values;
    }

    /** Every value within {@code relative} times the largest expected magnitude, which must not be 0. */
    static void assertClose(double[] actual, double[] expected, String what, double relative) {
        double largest = 0;
        for (double v : expected) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).as(what).isPositive();
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s, value %d", what, i)
                    .isLessThanOrEqualTo(relative * largest);
        }
    }
}
