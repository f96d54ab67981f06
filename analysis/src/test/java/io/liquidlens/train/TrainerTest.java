package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The training loop on objectives whose answers are known. */
class TrainerTest {

    /** Least squares for y = 2 x0 - 3 x1 + 0.5 on fixed points: every window is one point. */
    private static final double[][] POINTS = {{1, 0}, {0, 1}, {1, 1}, {-1, 2}, {0.5, -0.5}, {2, 1}, {-1, -1}, {3, 0.2}};

    private static ParamSet linear() {
        return ParamSet.builder().add("w", new int[] {2}, new double[2], true).add("b", new int[] {1}, new double[1], true)
                .add("mask", new int[] {1}, new double[] {1}, false).build();
    }

    private static Objective leastSquares(ParamSet p) {
        return (batch, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double[] v = p.values();
            double loss = 0;
            for (TrainingWindows.Window w : batch) {
                double[] x = POINTS[w.episode()];
                double target = 2 * x[0] - 3 * x[1] + 0.5;
                double e = v[0] * x[0] + v[1] * x[1] + v[2] - target;
                loss += e * e;
                grad[0] += 2 * e * x[0];
                grad[1] += 2 * e * x[1];
                grad[2] += 2 * e;
                grad[3] += 123; // a gradient on a constant must be ignored
            }
            for (int i = 0; i < grad.length; i++) {
                grad[i] /= batch.size();
            }
            return loss / batch.size();
        };
    }

    private static List<TrainingWindows.Window> onePerPoint() {
        int[] lengths = new int[POINTS.length];
        java.util.Arrays.fill(lengths, 1);
        return TrainingWindows.of(lengths, 1);
    }

    @Test
    void lossFallsAndTheAnswerIsFound() {
        ParamSet p = linear();
        List<Integer> saved = new ArrayList<>();
        TrainResult r = new Trainer(new TrainOptions(300, 4, 1, 0.05, 0, 100, 1)).train(p, leastSquares(p),
                onePerPoint(), v -> { }, TrainListener.NONE, (epoch, loss) -> saved.add(epoch));
        assertThat(r.epochLosses().get(0) / r.finalLoss()).isGreaterThan(100);
        assertThat(p.get("w")[0]).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(p.get("w")[1]).isCloseTo(-3, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(p.get("mask")).containsExactly(1.0);
        assertThat(saved).hasSize(300).startsWith(1, 2, 3);
        assertThat(r.updates()).isEqualTo(600);
    }

    @Test
    void theLearningRateFallsAlongAHalfCosineToTheFinalRate() {
        TrainOptions o = new TrainOptions(10, 4, 1, 0.01, 0, 1, 1, 0.001);
        assertThat(o.learningRateAt(0, 101)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(o.learningRateAt(50, 101)).isCloseTo(0.0055, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(o.learningRateAt(100, 101)).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-15));
        double previous = Double.MAX_VALUE;
        for (int u = 0; u < 101; u++) {
            assertThat(o.learningRateAt(u, 101)).isLessThanOrEqualTo(previous);
            previous = o.learningRateAt(u, 101);
        }
        TrainOptions constant = new TrainOptions(10, 4, 1, 0.01, 0, 1, 1);
        assertThat(constant.finalLearningRate()).isEqualTo(0.01);
        assertThat(constant.learningRateAt(37, 101)).isEqualTo(0.01);
        assertThatThrownBy(() -> new TrainOptions(10, 4, 1, 0.01, 0, 1, 1, 0.02))
                .hasMessageContaining("final learning rate");
    }

    @Test
    void theCellsParametersStepAtTheirFactorAndTheRestAtTheRate() {
        ParamSet p = ParamSet.builder().add("head.0.weight", new int[] {1}, new double[1], true)
                .add("rnn_cell.w", new int[] {2}, new double[2], true).build();
        Objective allOnes = (batch, grad) -> {
            java.util.Arrays.fill(grad, 1.0);
            return 1.0;
        };
        new Trainer(new TrainOptions(1, 1, 1, 0.01, 0, 100, 1, 0.01, 4.0)).train(p, allOnes,
                TrainingWindows.of(new int[] {1}, 1), v -> { }, TrainListener.NONE, (epoch, loss) -> { });
        assertThat(p.get("head.0.weight")[0]).isCloseTo(-0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.get("rnn_cell.w")).containsExactly(new double[] {-0.04, -0.04},
                org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> new TrainOptions(1, 1, 1, 0.01, 0, 1, 1, 0.01, 0))
                .hasMessageContaining("cell rate factor");
    }

    @Test
    void anAnnealedRunThatIsInterruptedAndResumedEndsWhereAnUninterruptedOneDoes() {
        TrainOptions o = new TrainOptions(6, 3, 1, 0.05, 0, 100, 7, 0.005);
        ParamSet whole = linear();
        new Trainer(o).train(whole, leastSquares(whole), onePerPoint(), v -> { }, TrainListener.NONE, (e, l) -> { });

        ParamSet parts = linear();
        Trainer trainer = new Trainer(o);
        Adam adam = trainer.newOptimizer(parts);
        AtomicInteger epochsSeen = new AtomicInteger();
        TrainListener stopAfterTwo = new TrainListener() {
            @Override
            public void epoch(int epoch, double loss) {
                epochsSeen.set(epoch);
            }

            @Override
            public boolean isCancelled() {
                return epochsSeen.get() >= 2;
            }
        };
        TrainResult first = trainer.train(parts, leastSquares(parts), onePerPoint(), v -> { }, stopAfterTwo,
                (e, l) -> { }, 0, adam);
        assertThat(first.cancelled()).isTrue();
        assertThat(first.epochLosses()).hasSize(2);
        trainer.train(parts, leastSquares(parts), onePerPoint(), v -> { }, TrainListener.NONE, (e, l) -> { }, 2, adam);
        assertThat(parts.values()).containsExactly(whole.values());

        ParamSet constant = linear();
        new Trainer(new TrainOptions(6, 3, 1, 0.05, 0, 100, 7)).train(constant, leastSquares(constant), onePerPoint(),
                v -> { }, TrainListener.NONE, (e, l) -> { });
        assertThat(constant.values()).isNotEqualTo(whole.values());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        ParamSet a = linear();
        ParamSet b = linear();
        TrainOptions o = new TrainOptions(5, 3, 1, 0.05, 0, 100, 42);
        new Trainer(o).train(a, leastSquares(a), onePerPoint(), v -> { }, TrainListener.NONE, (e, l) -> { });
        new Trainer(o).train(b, leastSquares(b), onePerPoint(), v -> { }, TrainListener.NONE, (e, l) -> { });
        assertThat(a.values()).containsExactly(b.values());
    }

    @Test
    void aDivergingLossStopsWithTheLastGoodEpochsParameters() {
        ParamSet p = linear();
        AtomicInteger calls = new AtomicInteger();
        Objective good = leastSquares(p);
        Objective breaksInEpochTwo = (batch, grad) -> calls.incrementAndGet() > 3 ? Double.NaN
                : good.lossAndGradient(batch, grad);
        double[][] afterEpoch = new double[1][];
        Trainer t = new Trainer(new TrainOptions(5, 4, 1, 0.05, 0, 100, 1));
        assertThatThrownBy(() -> t.train(p, breaksInEpochTwo, onePerPoint(), v -> { }, TrainListener.NONE,
                (epoch, loss) -> afterEpoch[0] = p.values().clone()))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("diverged in epoch 2")
                .hasMessageContaining("epoch 1 are kept");
        assertThat(p.values()).containsExactly(afterEpoch[0]);
    }

    @Test
    void cancellingStopsBetweenUpdates() {
        ParamSet p = linear();
        AtomicInteger steps = new AtomicInteger();
        TrainListener stopAfterThree = new TrainListener() {
            @Override
            public void step(int epoch, long update, long total, double loss) {
                steps.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return steps.get() >= 3;
            }
        };
        TrainResult r = new Trainer(new TrainOptions(10, 1, 1, 0.05, 0, 100, 1)).train(p, leastSquares(p),
                onePerPoint(), v -> { }, stopAfterThree, (e, l) -> { });
        assertThat(r.cancelled()).isTrue();
        assertThat(r.updates()).isEqualTo(3);
    }

    @Test
    void windowsCoverEveryStepAndBatchesAreSeededShuffles() {
        List<TrainingWindows.Window> w = TrainingWindows.of(new int[] {40, 10, 0, 16}, 16);
        assertThat(w).containsExactly(new TrainingWindows.Window(0, 0, 16), new TrainingWindows.Window(0, 16, 16),
                new TrainingWindows.Window(0, 24, 16), new TrainingWindows.Window(1, 0, 10),
                new TrainingWindows.Window(3, 0, 16));
        var b1 = TrainingWindows.batches(w, 2, 9, 1);
        assertThat(b1).hasSize(3);
        assertThat(b1.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(w);
        assertThat(TrainingWindows.batches(w, 2, 9, 1)).isEqualTo(b1);
        assertThat(TrainingWindows.batches(w, 5, 9, 2).get(0)).isNotEqualTo(TrainingWindows.batches(w, 5, 9, 1).get(0));
    }

    @Test
    void explicitLtcConstraintsClipTheFourPositiveParametersAtZero() {
        ParamSet p = ParamSet.builder().add("rnn_cell.gleak", new int[] {2}, new double[] {-1, 1}, true)
                .add("rnn_cell.vleak", new int[] {2}, new double[] {-1, 1}, true)
                .add("rnn_cell.cm", new int[] {1}, new double[] {-0.5}, true)
                .add("rnn_cell.w", new int[] {1}, new double[] {-2}, true)
                .add("rnn_cell.sensory_w", new int[] {1}, new double[] {0.3}, true).build();
        ModelSpec explicit = new ModelSpec(1, new UnitsSpec.Dense(2),
                new LtcSpec(true, true, false, Mapping.AFFINE, Mapping.AFFINE, 6, 1e-8, false));
        Constraints.forModel(explicit, p).accept(p.values());
        assertThat(p.values()).containsExactly(0, 1, -1, 1, 0, 0, 0.3);
        ModelSpec implicit = new ModelSpec(1, new UnitsSpec.Dense(2), LtcSpec.defaults());
        double[] before = {-1, 1, -1, 1, -0.5, -2, 0.3};
        System.arraycopy(before, 0, p.values(), 0, before.length);
        Constraints.forModel(implicit, p).accept(p.values());
        assertThat(p.values()).containsExactly(before);
    }
}
