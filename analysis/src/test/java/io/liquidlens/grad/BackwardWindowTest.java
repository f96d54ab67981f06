package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SequenceGradient#backwardWindow}: the gradient of one step's outputs with respect to the inputs of
 * a window of earlier steps, starting from the recorded state, on the real ncps checkpoints of the
 * fixtures (LTC with and without mixed memory, wired and dense CfC, a projection layer).
 */
class BackwardWindowTest {
    private static final int STEPS = 12;
    private static final double FD_STEP = 1e-5;

    private record Setup(SequenceGradient g, double[] x, double[] dt, SequenceTape tape) {
    }

    private static Setup setup(String file, String name, long seed) {
        JsonNode c = Fixtures.caseNamed(file, name);
        SequenceGradient g = SequenceGradient.fromStateDict(FixtureModels.spec(c), FixtureModels.stateDict(c));
        Random rng = new Random(seed);
        double[] x = new double[STEPS * g.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] dt = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            dt[t] = 0.5 + rng.nextDouble();
        }
        SequenceTape tape = g.newTape(STEPS);
        g.forward(x, dt, null, null, tape);
        return new Setup(g, x, dt, tape);
    }

    private static double weightedOutput(Setup s, double[] x, int step, double[] dy) {
        SequenceTape tape = s.g.newTape(STEPS);
        s.g.forward(x, s.dt, null, null, tape);
        double sum = 0;
        for (int m = 0; m < dy.length; m++) {
            sum += dy[m] * tape.output(step, m);
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_default", "ltc.json:ltc_autoncp19_1_mixed_memory",
            "ltc.json:ltc_autoncp19_1_unfolds3_linear_none", "cfc.json:cfc_wired_autoncp19_1_default",
            "cfc.json:cfc_dense16_proj3_mixed", "cfc.json:cfc_dense16_pure_tanh_bl1"})
    void windowGradientEqualsFiniteDifferencesOfTheWholeSequence(String which) {
        String[] parts = which.split(":");
        Setup s = setup(parts[0], parts[1], 5);
        SequenceGradient g = s.g;
        int sIn = g.inputSize();
        int end = 9;
        int first = 4;
        double[] dy = new double[g.outputSize()];
        Random rng = new Random(11);
        for (int m = 0; m < dy.length; m++) {
            dy[m] = rng.nextGaussian();
        }
        double[] dx = new double[(end - first + 1) * sIn];
        g.backwardWindow(s.tape, end, first, dy, dx, g.newBackwardScratch());

        double worst = 0;
        for (int t = first; t <= end; t++) {
            for (int i = 0; i < sIn; i++) {
                double[] plus = s.x.clone();
                double[] minus = s.x.clone();
                plus[t * sIn + i] += FD_STEP;
                minus[t * sIn + i] -= FD_STEP;
                double fd = (weightedOutput(s, plus, end, dy) - weightedOutput(s, minus, end, dy)) / (2 * FD_STEP);
                double ours = dx[(t - first) * sIn + i];
                double err = Math.abs(ours - fd) / Math.max(Math.abs(fd), 1e-3);
                worst = Math.max(worst, err);
                assertThat(err).as("%s: d y[%d] / d x[%d, %d]: window %g, finite differences %g", parts[1], end, t, i,
                        ours, fd).isLessThan(1e-5);
            }
        }
        System.out.printf("%-40s window gradient vs finite differences: worst relative error %.2g%n", parts[1], worst);
    }

    @Test
    void windowReproducesTheFullBackwardPassOnItsSteps() {
        Setup s = setup("cfc.json", "cfc_dense16_proj3_mixed", 3);
        SequenceGradient g = s.g;
        int sIn = g.inputSize();
        int m = g.outputSize();
        int end = 7;
        double[] dOut = new double[STEPS * m];
        dOut[end * m + 1] = 1; // only output 1 of step `end` carries weight
        double[] full = g.backward(s.tape, dOut, null).input();

        double[] dy = new double[m];
        dy[1] = 1;
        double[] dx = new double[(end + 1) * sIn];
        g.backwardWindow(s.tape, end, 0, dy, dx, g.newBackwardScratch());
        for (int i = 0; i < dx.length; i++) {
            assertThat(dx[i]).as("input %d", i).isCloseTo(full[i], org.assertj.core.data.Offset.offset(1e-12));
        }
        for (int i = dx.length; i < full.length; i++) {
            assertThat(full[i]).as("later inputs cannot change an earlier output").isZero();
        }
    }

    @Test
    void earlierStepsAreNotTouchedAndTheTapeStaysIntact() {
        Setup s = setup("ltc.json", "ltc_autoncp19_1_mixed_memory", 8);
        SequenceGradient g = s.g;
        double[] before = s.tape.outputs();
        double[] dx = new double[3 * g.inputSize()];
        SequenceGradient.BackwardScratch scratch = g.newBackwardScratch();
        g.backwardWindow(s.tape, 5, 3, new double[] {1}, dx, scratch);
        double[] again = new double[dx.length];
        g.backwardWindow(s.tape, 5, 3, new double[] {1}, again, scratch);
        assertThat(again).containsExactly(dx);
        assertThat(s.tape.outputs()).containsExactly(before);
    }

    @Test
    void windowOutsideTheRecordedStepsIsRefused() {
        Setup s = setup("ltc.json", "ltc_autoncp19_1_default", 1);
        SequenceGradient g = s.g;
        double[] dx = new double[STEPS * g.inputSize()];
        SequenceGradient.BackwardScratch scratch = g.newBackwardScratch();
        assertThatThrownBy(() -> g.backwardWindow(s.tape, STEPS, 0, new double[] {1}, dx, scratch))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.backwardWindow(s.tape, 3, 4, new double[] {1}, dx, scratch))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.backwardWindow(s.tape, 3, 0, new double[] {1}, new double[2], scratch))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
