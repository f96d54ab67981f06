package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.grad.Param;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.io.Rollout;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.testing.ToyTask;
import io.liquidlens.wiring.AutoNcpSpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Small liquid networks learn a sequence task that needs memory (a low-pass filtered square wave, with
 * distracting inputs) in a fixed number of updates: the loss on the training set, and on episodes never
 * seen in training, falls at least tenfold. A wrong gradient anywhere in the cell, the driver or the loss
 * would leave Adam walking in the wrong direction.
 */
class ToyTaskLearningTest {
    private static final int INPUTS = 3;
    private static final int EPISODES = 64;
    private static final int STEPS = 16;
    private static final List<Rollout> TRAIN = ToyTask.filteredSquareWave(EPISODES, STEPS, INPUTS, 7);
    private static final List<Rollout> HELD_OUT = ToyTask.filteredSquareWave(32, STEPS, INPUTS, 99);

    private static ModelSpec autoNcp(io.liquidlens.spec.CellSpec cell) {
        return new ModelSpec(INPUTS, new UnitsSpec.Wired(new AutoNcpSpec(8, 1)), cell);
    }

    /** Loss on a data set, over all its windows at once. */
    private static double loss(SequenceGradient g, List<Rollout> data) {
        TrainingData d = TrainingData.of(data, ToyTask.names(data.size()), INPUTS, 1, true);
        RolloutObjective o = new RolloutObjective(g, d, new CurveWeightedLoss(0));
        return o.lossAndGradient(TrainingWindows.of(d.episodeLengths(), STEPS), g.params().newGradient());
    }

    /** 50 epochs of 4 updates (batches of 16 windows of 16 steps); returns [train before, train after, held out after, held out before]. */
    private static double[] train(ModelSpec spec, double lr, Consumer<double[]> constraintOverride, ParamSet[] out) {
        SequenceGradient g = SequenceGradient.fromStateDict(spec, NcpsInit.initialStateDict(spec, 1));
        double trainBefore = loss(g, TRAIN);
        double heldBefore = loss(g, HELD_OUT);
        TrainingData d = TrainingData.of(TRAIN, ToyTask.names(EPISODES), INPUTS, 1, true);
        Consumer<double[]> constraint = constraintOverride != null ? constraintOverride
                : Constraints.forModel(spec, g.params());
        TrainResult r = new Trainer(new TrainOptions(50, 16, STEPS, lr, 0, 1.0, 3)).train(g.params(),
                new RolloutObjective(g, d, new CurveWeightedLoss(0)), TrainingWindows.of(d.episodeLengths(), STEPS),
                constraint, TrainListener.NONE, (e, l) -> { });
        assertThat(r.updates()).isEqualTo(200);
        if (out != null) {
            out[0] = g.params();
        }
        return new double[] {trainBefore, loss(g, TRAIN), loss(g, HELD_OUT), heldBefore};
    }

    private static void assertLearned(double[] l) {
        assertThat(l[0] / l[1]).as("training loss %s -> %s", l[0], l[1]).isGreaterThan(10);
        assertThat(l[3] / l[2]).as("held-out loss %s -> %s", l[3], l[2]).isGreaterThan(10);
    }

    @Test
    void anLtcNcpLearnsToFilterASquareWave() {
        assertLearned(train(autoNcp(LtcSpec.defaults()), 0.03, null, null));
    }

    @Test
    void aWiredCfcNcpLearnsToFilterASquareWave() {
        assertLearned(train(autoNcp(CfcSpec.wiredDefaults()), 0.01, null, null));
    }

    @Test
    void aDenseCfcWithAProjectionLearnsToFilterASquareWave() {
        ModelSpec dense = new ModelSpec(INPUTS, new UnitsSpec.Dense(8),
                new CfcSpec(1, true, true, false, CfcMode.DEFAULT, Activation.LECUN_TANH, 16, 1, 0.0));
        assertLearned(train(dense, 0.01, null, null));
    }

    @Test
    void anLtcWithExplicitConstraintsLearnsAndKeepsItsConductancesAndCapacitancesNonNegative() {
        ModelSpec explicit = autoNcp(new LtcSpec(true, true, false, Mapping.AFFINE, Mapping.AFFINE, 6, 1e-8, false));
        ParamSet[] trained = new ParamSet[1];
        assertLearned(train(explicit, 0.03, null, trained));
        for (String name : new String[] {"rnn_cell.w", "rnn_cell.sensory_w", "rnn_cell.cm", "rnn_cell.gleak"}) {
            assertThat(java.util.Arrays.stream(trained[0].get(name)).min().orElseThrow()).as(name).isGreaterThanOrEqualTo(0);
        }
        // the clip is what keeps them there: unclipped, the same run drives some of them negative
        ParamSet[] free = new ParamSet[1];
        train(explicit, 0.03, v -> { }, free);
        double min = Double.POSITIVE_INFINITY;
        for (String name : new String[] {"rnn_cell.w", "rnn_cell.sensory_w", "rnn_cell.cm", "rnn_cell.gleak"}) {
            Param p = free[0].param(name);
            for (double v : free[0].get(p.name())) {
                min = Math.min(min, v);
            }
        }
        assertThat(min).isNegative();
    }
}
