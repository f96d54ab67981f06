package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Central finite differences in double precision against {@link SequenceGradient}'s reverse mode, for a
 * scalar loss L = sum(outputs * W) over one sequence. Parameters are perturbed in place in the
 * parameter set (and restored), inputs and initial states in copies.
 */
final class GradCheck {
    static final double EPS = 1e-5;

    private final SequenceGradient g;
    private final double[] x;
    private final double[] dt;
    private final double[] h0;
    private final double[] c0;
    private final double[] weights;
    private final SequenceTape tape;
    private final double[] grad;
    private final InputGradients inputs;
    private final List<String> report = new ArrayList<>();
    private double worst;

    GradCheck(SequenceGradient g, double[] x, double[] dt, double[] h0, double[] c0, long seed) {
        this.g = g;
        this.x = x;
        this.dt = dt;
        this.h0 = h0;
        this.c0 = c0;
        int steps = x.length / g.inputSize();
        Random rng = new Random(seed);
        weights = new double[steps * g.outputSize()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = rng.nextGaussian();
        }
        tape = g.newTape(steps);
        grad = g.params().newGradient();
        g.forward(x, dt, h0, c0, tape);
        inputs = g.backward(tape, weights, grad);
    }

    double[] gradient() {
        return grad;
    }

    InputGradients inputGradients() {
        return inputs;
    }

    private double loss(double[] xs, double[] h, double[] c) {
        g.forward(xs, dt, h, c, tape);
        double[] out = tape.outputs();
        double l = 0;
        for (int i = 0; i < out.length; i++) {
            l += out[i] * weights[i];
        }
        return l;
    }

    private double lossNow() {
        return loss(x, h0, c0);
    }

    /** Finite difference of L in parameter element {@code index} (flat). */
    double parameterDifference(int index) {
        double[] v = g.params().values();
        double keep = v[index];
        v[index] = keep + EPS;
        g.prepare();
        double plus = lossNow();
        v[index] = keep - EPS;
        g.prepare();
        double minus = lossNow();
        v[index] = keep;
        g.prepare();
        return (plus - minus) / (2 * EPS);
    }

    /** Finite difference of L in element {@code i} of {@code array} (x, h0 or c0 of this check). */
    double arrayDifference(double[] array, int i) {
        double keep = array[i];
        array[i] = keep + EPS;
        double plus = lossNow();
        array[i] = keep - EPS;
        double minus = lossNow();
        array[i] = keep;
        return (plus - minus) / (2 * EPS);
    }

    /**
     * Asserts |fd - analytic| <= rel * max(|analytic|, floor) and remembers the worst relative error.
     */
    void assertAgrees(String what, double analytic, double fd, double rel, double floor) {
        double err = Math.abs(fd - analytic) / Math.max(Math.abs(analytic), floor);
        worst = Math.max(worst, err);
        report.add(String.format("%s: analytic %.9g fd %.9g rel %.2g", what, analytic, fd, err));
        assertThat(err).as(what + ": analytic " + analytic + " vs finite difference " + fd).isLessThanOrEqualTo(rel);
    }

    double worst() {
        return worst;
    }

    List<String> report() {
        return report;
    }

    double[] x() {
        return x;
    }

    double[] h0() {
        return h0;
    }

    double[] c0() {
        return c0;
    }
}
