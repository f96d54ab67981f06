package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.NdArray;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LTC (and mixed-memory LSTM) reverse mode against central finite differences in double precision,
 * on the fixture models and two small models of our own: both constraint modes, every mapping, mixed
 * memory, the softplus threshold, non-unit elapsed times and non-zero initial states. For every trainable
 * tensor a few elements are checked (computed synapses for the sparse ones), plus a masked synapse,
 * whose gradient must be exactly zero as in torch; also inputs, hx0 and cx0.
 *
 * <p>Tolerance: |fd - analytic| <= 2e-6 * max(|analytic|, 1e-4). The step is 1e-5: the central
 * difference then has a truncation error of order 1e-10 and a rounding error of order (1e-15 .. 1e-14)
 * / 1e-5 = 1e-10 .. 1e-9 absolute for losses of order one (the forward pass runs hundreds of operations).
 * With a step of 1e-6 the rounding part grew tenfold (worst 6e-10 absolute on a gradient of 3e-5), which
 * shows the residual is rounding, not a wrong derivative; a wrong term would be off by far more.
 */
class LtcFiniteDifferenceTest {
    private static final double REL = 2e-6;
    private static final double FLOOR = 1e-4;
    private static final int STEPS = 5;
    private static final int SAMPLES_PER_TENSOR = 3;

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        for (String name : new String[] {"ltc_autoncp19_1_default", "ltc_autoncp19_1_explicit_constraints",
                "ltc_autoncp19_1_unfolds3_linear_none", "ltc_autoncp19_1_mixed_memory"}) {
            out.add(Arguments.of("fixture " + name, (Supplier<SequenceGradient>) () -> {
                var c = Fixtures.caseNamed("ltc.json", name);
                return SequenceGradient.fromStateDict(FixtureModels.spec(c), FixtureModels.stateDict(c));
            }));
        }
        out.add(Arguments.of("AutoNCP(8,2) on 3 inputs, implicit, input none, output linear, mixed, K=4, softplus above 20",
                (Supplier<SequenceGradient>) () -> {
                    ModelSpec spec = new ModelSpec(3, new UnitsSpec.Wired(new AutoNcpSpec(8, 2, 0.5, 7)),
                            new LtcSpec(true, true, true, Mapping.NONE, Mapping.LINEAR, 4, 1e-8, true));
                    Map<String, NdArray> sd = RandomLtcModels.stateDict(spec, 11);
                    SequenceGradient g = SequenceGradient.fromStateDict(spec, sd);
                    aboveSoftplusThreshold(g, "rnn_cell.w", "rnn_cell.sparsity_mask");
                    aboveSoftplusThreshold(g, "rnn_cell.sensory_w", "rnn_cell.sensory_sparsity_mask");
                    return g;
                }));
        out.add(Arguments.of("FullyConnected(4) on 2 inputs, explicit, input affine, output none, K=2, eps=1e-3",
                (Supplier<SequenceGradient>) () -> {
                    ModelSpec spec = new ModelSpec(2, new UnitsSpec.Dense(4),
                            new LtcSpec(true, true, false, Mapping.AFFINE, Mapping.NONE, 2, 1e-3, false));
                    return SequenceGradient.fromStateDict(spec, RandomLtcModels.stateDict(spec, 12));
                }));
        return out.stream();
    }

    /** Puts the first computed synapse of {@code name} at 21, where torch's softplus is the identity. */
    private static void aboveSoftplusThreshold(SequenceGradient g, String name, String mask) {
        double[] v = g.params().values();
        Param p = g.params().param(name);
        Param mk = g.params().param(mask);
        for (int i = 0; i < p.size(); i++) {
            if (v[mk.offset() + i] != 0) {
                v[p.offset() + i] = 21;
                break;
            }
        }
        g.prepare();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void parameterGradientsMatchFiniteDifferences(String name, Supplier<SequenceGradient> model) {
        SequenceGradient g = model.get();
        GradCheck check = check(g, 1);
        Random rng = new Random(5);
        double[] v = g.params().values();
        int tensors = 0;
        for (Param p : g.params().params()) {
            if (!p.trainable()) {
                for (int i = 0; i < p.size(); i++) {
                    assertThat(check.gradient()[p.offset() + i]).as(p.name() + " is a constant").isZero();
                }
                continue;
            }
            tensors++;
            Param mask = maskOf(g, p);
            List<Integer> computed = new ArrayList<>();
            List<Integer> masked = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                (mask == null || v[mask.offset() + i] != 0 ? computed : masked).add(i);
            }
            for (int k = 0; k < SAMPLES_PER_TENSOR && !computed.isEmpty(); k++) {
                int i = computed.remove(rng.nextInt(computed.size()));
                check.assertAgrees(p.name() + "[" + i + "]", check.gradient()[p.offset() + i],
                        check.parameterDifference(p.offset() + i), REL, FLOOR);
            }
            if (!masked.isEmpty()) {
                int i = masked.get(rng.nextInt(masked.size()));
                assertThat(check.gradient()[p.offset() + i]).as(p.name() + "[" + i + "] is masked").isZero();
                assertThat(Math.abs(check.parameterDifference(p.offset() + i))).as(p.name() + "[" + i + "] fd")
                        .isLessThan(1e-9);
            }
        }
        System.out.printf("%-90s %d tensors, worst parameter rel err %.2g%n", name, tensors, check.worst());
        assertThat(tensors).as("trainable tensors checked").isGreaterThanOrEqualTo(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void inputAndInitialStateGradientsMatchFiniteDifferences(String name, Supplier<SequenceGradient> model) {
        SequenceGradient g = model.get();
        GradCheck check = check(g, 2);
        InputGradients an = check.inputGradients();
        Random rng = new Random(6);
        for (int k = 0; k < 6; k++) {
            int i = rng.nextInt(check.x().length);
            check.assertAgrees("x[" + i + "]", an.input()[i], check.arrayDifference(check.x(), i), REL, FLOOR);
        }
        for (int k = 0; k < 4; k++) {
            int i = rng.nextInt(g.stateSize());
            check.assertAgrees("hx0[" + i + "]", an.hx0()[i], check.arrayDifference(check.h0(), i), REL, FLOOR);
            if (g.mixedMemory()) {
                check.assertAgrees("cx0[" + i + "]", an.cx0()[i], check.arrayDifference(check.c0(), i), REL, FLOOR);
            }
        }
        System.out.printf("%-90s worst input/state rel err %.2g%n", name, check.worst());
    }

    /** Random inputs, elapsed times in [0.3, 2], initial states in [-0.5, 0.5]. */
    private static GradCheck check(SequenceGradient g, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[STEPS * g.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] dt = new double[STEPS];
        for (int i = 0; i < dt.length; i++) {
            dt[i] = 0.3 + 1.7 * rng.nextDouble();
        }
        double[] h0 = new double[g.stateSize()];
        double[] c0 = g.mixedMemory() ? new double[g.stateSize()] : null;
        for (int i = 0; i < h0.length; i++) {
            h0[i] = rng.nextDouble() - 0.5;
            if (c0 != null) {
                c0[i] = rng.nextDouble() - 0.5;
            }
        }
        return new GradCheck(g, x, dt, h0, c0, seed + 100);
    }

    private static Param maskOf(SequenceGradient g, Param p) {
        String n = p.name();
        for (String t : new String[] {"sigma", "mu", "w", "erev"}) {
            if (n.equals("rnn_cell." + t)) {
                return g.params().param("rnn_cell.sparsity_mask");
            }
            if (n.equals("rnn_cell.sensory_" + t)) {
                return g.params().param("rnn_cell.sensory_sparsity_mask");
            }
        }
        return null;
    }
}
