package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.NdArray;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.AutoNcpSpec;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The BPTT driver: projection, batch methods, parameter layout and the CfC placeholder. */
class SequenceGradientTest {
    private static final ModelSpec SPEC = new ModelSpec(3, new UnitsSpec.Wired(new AutoNcpSpec(8, 2, 0.5, 7)),
            new LtcSpec(true, true, true, Mapping.AFFINE, Mapping.AFFINE, 3, 1e-8, true));

    @Test
    void parametersFollowNcpsStateDictOrderAndMasksAreConstants() {
        SequenceGradient g = SequenceGradient.fromStateDict(SPEC, RandomLtcModels.stateDict(SPEC, 1));
        assertThat(g.params().params()).extracting(Param::name).containsExactly("rnn_cell.gleak", "rnn_cell.vleak",
                "rnn_cell.cm", "rnn_cell.sigma", "rnn_cell.mu", "rnn_cell.w", "rnn_cell.erev",
                "rnn_cell.sensory_sigma", "rnn_cell.sensory_mu", "rnn_cell.sensory_w", "rnn_cell.sensory_erev",
                "rnn_cell.sparsity_mask", "rnn_cell.sensory_sparsity_mask", "rnn_cell.input_w", "rnn_cell.input_b",
                "rnn_cell.output_w", "rnn_cell.output_b", "lstm.input_map.weight", "lstm.input_map.bias",
                "lstm.recurrent_map.weight");
        assertThat(g.params().params()).filteredOn(p -> !p.trainable()).extracting(Param::name)
                .containsExactly("rnn_cell.sparsity_mask", "rnn_cell.sensory_sparsity_mask");
    }

    @Test
    void missingTensorIsNamed() {
        Map<String, NdArray> sd = RandomLtcModels.stateDict(SPEC, 1);
        sd.remove("rnn_cell.cm");
        assertThatThrownBy(() -> SequenceGradient.fromStateDict(SPEC, sd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rnn_cell.cm");
    }

    /** An LTC with a projection layer appended (as CfC's proj_size has), checked by finite differences. */
    @Test
    void projectionGradientsMatchFiniteDifferences() {
        ModelSpec spec = new ModelSpec(3, SPEC.units(), new LtcSpec(true, true, false, Mapping.AFFINE, Mapping.AFFINE,
                3, 1e-8, true));
        ParamSet.Builder b = ParamSet.builder();
        RandomLtcModels.stateDict(spec, 3).forEach((k, v) -> b.add(k, v, !k.endsWith("sparsity_mask")));
        Random rng = new Random(9);
        double[] fcW = new double[3 * 2];
        double[] fcB = new double[3];
        for (int i = 0; i < fcW.length; i++) {
            fcW[i] = rng.nextGaussian();
        }
        for (int i = 0; i < fcB.length; i++) {
            fcB[i] = rng.nextGaussian();
        }
        b.add("fc.weight", new int[] {3, 2}, fcW, true).add("fc.bias", new int[] {3}, fcB, true);
        ParamSet params = b.build();
        SequenceGradient g = new SequenceGradient(spec, params, LtcCellGrad.of(spec, params), null);
        assertThat(g.outputSize()).isEqualTo(3);

        double[] x = new double[4 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        GradCheck check = new GradCheck(g, x, null, null, null, 10);
        for (String name : new String[] {"fc.weight", "fc.bias", "rnn_cell.output_w", "rnn_cell.w"}) {
            Param p = params.param(name);
            for (int i = 0; i < Math.min(3, p.size()); i++) {
                int at = p.offset() + i;
                if (!name.equals("rnn_cell.w") || check.gradient()[at] != 0) {
                    check.assertAgrees(name + "[" + i + "]", check.gradient()[at], check.parameterDifference(at), 2e-6,
                            1e-4);
                }
            }
        }
        for (int i = 0; i < x.length; i += 5) {
            check.assertAgrees("x[" + i + "]", check.inputGradients().input()[i], check.arrayDifference(x, i), 2e-6,
                    1e-4);
        }
    }

    @Test
    void batchInputGradientsEqualSequenceBySequenceBackward() {
        SequenceGradient g = SequenceGradient.fromStateDict(SPEC, RandomLtcModels.stateDict(SPEC, 2));
        int b = 5;
        int l = 7;
        Random rng = new Random(3);
        double[] x = gaussian(rng, b * l * 3);
        double[] dt = new double[b * l];
        for (int i = 0; i < dt.length; i++) {
            dt[i] = 0.5 + rng.nextDouble();
        }
        double[] h0 = gaussian(rng, b * g.stateSize());
        double[] w = gaussian(rng, b * l * g.outputSize());
        BatchGradients batch = g.inputGradients(NdArray.ofDoubles(new int[] {b, l, 3}, x),
                NdArray.ofDoubles(new int[] {b, l}, dt), NdArray.ofDoubles(new int[] {b, g.stateSize()}, h0),
                NdArray.ofDoubles(new int[] {b, l, g.outputSize()}, w));
        SequenceTape tape = g.newTape(l);
        double[] dx = batch.inputGrad().toDoubleArray();
        double[] dh = batch.hx0Grad().toDoubleArray();
        double[] dc = batch.cx0Grad().toDoubleArray();
        for (int i = 0; i < b; i++) {
            g.forward(x, i * l * 3, l, dt, i * l, h0, i * g.stateSize(), null, 0, tape);
            g.backward(tape, w, i * l * g.outputSize(), null);
            for (int k = 0; k < l * 3; k++) {
                assertThat(dx[i * l * 3 + k]).isEqualTo(tape.inputGradient(k / 3, k % 3));
            }
            double[] h = tape.h0Gradient();
            double[] c = tape.c0Gradient();
            for (int k = 0; k < g.stateSize(); k++) {
                assertThat(dh[i * g.stateSize() + k]).isEqualTo(h[k]);
                assertThat(dc[i * g.stateSize() + k]).isEqualTo(c[k]);
            }
        }
    }

    @Test
    void lossAndGradientSumsSquaredErrorOverSamplesAndSteps() {
        SequenceGradient g = SequenceGradient.fromStateDict(SPEC, RandomLtcModels.stateDict(SPEC, 4));
        int b = 6;
        int l = 4;
        Random rng = new Random(8);
        double[] x = gaussian(rng, b * l * 3);
        double[] target = gaussian(rng, b * l * g.outputSize());
        int m = g.outputSize();
        StepLoss squared = (sample, step, y, yo, dy, dyo) -> {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                double e = y[yo + k] - target[(sample * l + step) * m + k];
                sum += e * e;
                dy[dyo + k] = 2 * e;
            }
            return sum;
        };
        NdArray xs = NdArray.ofDoubles(new int[] {b, l, 3}, x);
        double[] grad = g.params().newGradient();
        double loss = g.lossAndGradient(xs, null, null, squared, grad);

        // the same by hand, one sequence at a time
        SequenceTape tape = g.newTape(l);
        double[] expectedGrad = g.params().newGradient();
        double expectedLoss = 0;
        double[] dOut = new double[l * m];
        for (int i = 0; i < b; i++) {
            g.forward(x, i * l * 3, l, null, 0, null, 0, null, 0, tape);
            for (int t = 0; t < l; t++) {
                double[] y = tape.outputs();
                expectedLoss += squared.evaluate(i, t, y, t * m, dOut, t * m);
            }
            g.backward(tape, dOut, 0, expectedGrad);
        }
        assertThat(loss).isCloseTo(expectedLoss, org.assertj.core.data.Offset.offset(1e-12 * expectedLoss));
        for (int p = 0; p < grad.length; p++) {
            assertThat(grad[p]).isCloseTo(expectedGrad[p], org.assertj.core.data.Offset.offset(1e-12 + 1e-12
                    * Math.abs(expectedGrad[p])));
        }
        // and the loss is what its gradient says: one finite difference on a parameter
        Param cm = g.params().param("rnn_cell.cm");
        double[] v = g.params().values();
        double keep = v[cm.offset()];
        v[cm.offset()] = keep + 1e-5;
        g.prepare();
        double plus = g.lossAndGradient(xs, null, null, squared, g.params().newGradient());
        v[cm.offset()] = keep - 1e-5;
        g.prepare();
        double minus = g.lossAndGradient(xs, null, null, squared, g.params().newGradient());
        v[cm.offset()] = keep;
        g.prepare();
        assertThat((plus - minus) / 2e-5).isCloseTo(grad[cm.offset()],
                org.assertj.core.data.Offset.offset(1e-6 * Math.abs(grad[cm.offset()]) + 1e-9));
    }

    @Test
    void badShapesAreRejectedWithTheExpectedShape() {
        SequenceGradient g = SequenceGradient.fromStateDict(SPEC, RandomLtcModels.stateDict(SPEC, 2));
        NdArray x = NdArray.ofDoubles(new int[] {1, 2, 3}, new double[6]);
        assertThatThrownBy(() -> g.inputGradients(x, null, null, NdArray.ofDoubles(new int[] {1, 2, 5}, new double[10])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 2, " + g.outputSize() + "]");
        assertThatThrownBy(() -> g.inputGradients(x, NdArray.ofDoubles(new int[] {1, 2}, new double[] {1, 0}), null,
                NdArray.ofDoubles(new int[] {1, 2, g.outputSize()}, new double[2 * g.outputSize()])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timespans must be > 0");
    }

    private static double[] gaussian(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
