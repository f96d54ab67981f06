package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.RandomSpec;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CfC backward passes against central finite differences of the forward pass, in double, on small
 * random models: every mode, every activation, 0/1/2 backbone layers (and 3 with dropout, whose Sequential
 * indices differ), dense and wired (three-layer NCP and single-layer Random), with and without a
 * projection, per-step dt away from 1 and a non-zero initial state. Checked: a few sampled elements of every
 * trainable tensor, every input element and every element of h0; weights a mask switches off get exactly zero.
 *
 * <p>Tolerance: |analytic - fd| <= 1e-6 max(|analytic|, |fd|) + 1e-8. With eps = 1e-6 the truncation error
 * of the central difference is about eps^2 |f'''| ~ 1e-12, and rounding in the loss (of order 1 to 10,
 * double precision 1e-16) divided by 2 eps gives ~1e-9, so 1e-8 absolute covers gradients near zero and
 * 1e-6 relative is far above both for the rest.
 */
class CfcFiniteDifferenceTest {
    private static final double EPS = 1e-6;
    private static final double RTOL = 1e-6;
    private static final double ATOL = 1e-8;
    private static final int STEPS = 5;
    private static final int INPUTS = 3;
    private static final int SAMPLES_PER_TENSOR = 3;

    /** One model to check. */
    record Case(String name, List<CfcLayout> layouts, Wiring wiring, int projection) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> out = new ArrayList<>();
        for (CfcMode mode : CfcMode.values()) {
            out.add(dense(mode, Activation.LECUN_TANH, 0, 0, 0.0, 0));
            for (Activation act : Activation.values()) {
                out.add(dense(mode, act, 5, 1, 0.0, 0));
                out.add(dense(mode, act, 5, 2, 0.0, 0));
            }
            out.add(dense(mode, Activation.GELU, 4, 3, 0.25, 2));
            Wiring ncp = new AutoNcpSpec(8, 2).build(INPUTS);
            Wiring random = new RandomSpec(4, 2, 0.5, RandomSpec.DEFAULT_SEED).build(INPUTS);
            out.add(wired(mode, "AutoNCP(8,2)", ncp, 0));
            out.add(wired(mode, "AutoNCP(8,2)", ncp, 3));
            out.add(wired(mode, "Random(4,2,0.5)", random, 0));
        }
        return out.stream().map(Arguments::of);
    }

    private static Case dense(CfcMode mode, Activation act, int units, int layers, double dropout, int projection) {
        CfcLayout l = CfcLayout.dense(INPUTS, 4, mode, act, units, layers, dropout);
        String name = "dense " + mode.ncpsName() + " " + (layers == 0 ? "no backbone" : act.ncpsName() + " x" + layers)
                + (dropout > 0 ? " dropout" : "") + (projection > 0 ? " proj" + projection : "");
        return new Case(name, List.of(l), null, projection);
    }

    private static Case wired(CfcMode mode, String what, Wiring wiring, int projection) {
        return new Case("wired " + what + " " + mode.ncpsName() + (projection > 0 ? " proj" + projection : ""),
                StateDictLayout.wiredCfc(INPUTS, wiring, mode), wiring, projection);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(Case c) {
        long seed = c.name().hashCode();
        CellGrad probe = build(c, CfcTestModels.random(c.layouts(), c.wiring(), 1, 0, seed));
        ParamSet params = CfcTestModels.random(c.layouts(), c.wiring(), probe.outputSize(), c.projection(), seed);
        CellGrad cell = build(c, params);
        Random rnd = new Random(seed + 1);
        int n = cell.stateSize();
        CfcTestDriver driver = new CfcTestDriver(cell, params, STEPS);
        double[] x = CfcTestModels.gaussian(rnd, STEPS * INPUTS, 1.0);
        double[] dt = CfcTestModels.uniform(rnd, STEPS, 0.2, 2.5);
        double[] h0 = CfcTestModels.gaussian(rnd, n, 0.5);
        double[] g = CfcTestModels.gaussian(rnd, STEPS * driver.outputSize(), 1.0);
        CfcTestDriver.Result r = driver.run(x, dt, h0, g);

        Worst worst = new Worst();
        for (int i = 0; i < x.length; i++) {
            worst.check("input[" + i + "]", r.inputGrad()[i], fd(driver, x, i, x, dt, h0, g, null));
        }
        for (int i = 0; i < n; i++) {
            worst.check("h0[" + i + "]", r.h0Grad()[i], fd(driver, h0, i, x, dt, h0, g, null));
        }
        double[] values = params.values();
        int checked = 0;
        for (Param p : params.params()) {
            if (!p.trainable()) {
                for (int i = 0; i < p.size(); i++) {
                    assertThat(r.grad()[p.offset() + i]).as(p.name() + " is a constant").isZero();
                }
                continue;
            }
            for (int i : sample(rnd, p.size())) {
                int at = p.offset() + i;
                worst.check(p.name() + "[" + i + "]", r.grad()[at], fd(driver, values, at, x, dt, h0, g, cell));
                checked++;
            }
            checkMaskedWeightsGetNothing(params, p, r.grad(), driver, x, dt, h0, g, cell, worst);
        }
        System.out.printf("%-45s %3d param elements, worst |err|/allowed %.3f (%s), max rel %.2g%n", c.name(), checked,
                worst.ratio, worst.where, worst.maxRel);
        assertThat(worst.ratio).as(c.name() + ": " + worst.where + " analytic " + worst.analytic + " fd " + worst.numeric)
                .isLessThanOrEqualTo(1.0);
    }

    private static CellGrad build(Case c, ParamSet params) {
        if (c.wiring() == null) {
            return CfcCellGrad.of(c.layouts().get(0), params);
        }
        return WiredCfcCellGrad.of(c.layouts(), params);
    }

    /** For ff1/ff2 of a masked layer: every switched-off weight has exactly zero gradient, and moving it changes nothing. */
    private static void checkMaskedWeightsGetNothing(ParamSet params, Param p, double[] grad, CfcTestDriver driver,
                                                     double[] x, double[] dt, double[] h0, double[] g, CellGrad cell,
                                                     Worst worst) {
        String name = p.name();
        if (!(name.endsWith("ff1.weight") || name.endsWith("ff2.weight"))) {
            return;
        }
        String maskName = name.substring(0, name.lastIndexOf("ff")) + "sparsity_mask";
        if (!params.has(maskName)) {
            return;
        }
        double[] mask = params.get(maskName);
        int off = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0) {
                assertThat(grad[p.offset() + i]).as(name + "[" + i + "] is masked out").isZero();
                if (off++ == 0) {
                    worst.check(name + "[" + i + "] (masked)", 0, fd(driver, params.values(), p.offset() + i, x, dt, h0,
                            g, cell));
                }
            }
        }
        assertThat(off).as(maskName + " switches something off").isPositive();
    }

    private static int[] sample(Random rnd, int size) {
        if (size <= SAMPLES_PER_TENSOR) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[SAMPLES_PER_TENSOR];
        for (int i = 0; i < out.length; i++) {
            out[i] = rnd.nextInt(size);
        }
        return out;
    }

    /** Central difference of the loss in element {@code i} of {@code target} (re-preparing the cell for parameters). */
    private static double fd(CfcTestDriver driver, double[] target, int i, double[] x, double[] dt, double[] h0,
                             double[] g, CellGrad prepare) {
        double keep = target[i];
        target[i] = keep + EPS;
        if (prepare != null) {
            prepare.prepare(target);
        }
        double up = driver.loss(x, dt, h0, g, null);
        target[i] = keep - EPS;
        if (prepare != null) {
            prepare.prepare(target);
        }
        double down = driver.loss(x, dt, h0, g, null);
        target[i] = keep;
        if (prepare != null) {
            prepare.prepare(target);
        }
        return (up - down) / (2 * EPS);
    }

    /** The worst agreement seen, as error over allowed error. */
    private static final class Worst {
        double ratio;
        double maxRel;
        String where = "-";
        double analytic;
        double numeric;

        void check(String what, double a, double f) {
            double err = Math.abs(a - f);
            double big = Math.max(Math.abs(a), Math.abs(f));
            double r = err / (RTOL * big + ATOL);
            if (big > 1e-3) {
                maxRel = Math.max(maxRel, err / big);
            }
            if (r > ratio) {
                ratio = r;
                where = what;
                analytic = a;
                numeric = f;
            }
        }
    }
}
