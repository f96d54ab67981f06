package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.grad.FrameSequenceGradient;
import io.liquidlens.grad.ReverseModel;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.Rollout;
import io.liquidlens.spec.CellSpec;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.testing.BarTask;
import io.liquidlens.testing.ToyTask;
import io.liquidlens.wiring.AutoNcpSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Camera -> conv head -> NCP models learn an image task (where a drifting bar is) end to end in a fixed
 * number of updates: the loss on the training frames, and on episodes never seen, falls at least tenfold.
 * The position is only in the pixels, so a wrong gradient in the head (or in the hand-over from the cells
 * to the head) would leave the loss where it started. Each test logs its training throughput.
 */
class ImageTaskLearningTest {
    private static final int EPISODES = 64;
    private static final int STEPS = 16;
    private static final int EPOCHS = 40;
    private static final int BATCH = 16;
    private static final List<Rollout> TRAIN = BarTask.driftingBar(EPISODES, STEPS, 7);
    private static final List<Rollout> HELD_OUT = BarTask.driftingBar(32, STEPS, 99);
    private static final HeadSpec HEAD = head();

    private static HeadSpec head() {
        try {
            return HeadSpec.fromJson(new ObjectMapper().readTree(BarTask.HEAD_JSON));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrainingData data(List<Rollout> rollouts) {
        return TrainingData.ofFrames(rollouts, ToyTask.names(rollouts.size()), HEAD.input(), 1, true);
    }

    /** Loss on a data set, over all its windows at once. */
    private static double loss(ReverseModel g, List<Rollout> rollouts) {
        TrainingData d = data(rollouts);
        return new RolloutObjective(g, d, new CurveWeightedLoss(0)).lossAndGradient(
                TrainingWindows.of(d.episodeLengths(), STEPS), g.params().newGradient());
    }

    /** Returns [train before, train after, held out before, held out after]. */
    private static double[] train(CellSpec cell, int units, double lr, boolean freezeHead) {
        ModelSpec spec = new ModelSpec(BarTask.FEATURES, new UnitsSpec.Wired(new AutoNcpSpec(units, 1)), cell);
        ReverseModel g = ReverseModel.fromStateDict(spec, HEAD, TrainingRun.initialWeights(spec, HEAD, 1));
        assertThat(g).isInstanceOf(FrameSequenceGradient.class);
        assertThat(g.params().params().get(0).name()).isEqualTo("head.0.weight");
        double trainBefore = loss(g, TRAIN);
        double heldBefore = loss(g, HELD_OUT);
        TrainingData d = data(TRAIN);
        List<TrainingWindows.Window> windows = TrainingWindows.of(d.episodeLengths(), STEPS);
        long started = System.nanoTime();
        Consumer<double[]> constraint = Constraints.forModel(spec, g.params());
        if (freezeHead) {
            // the head's tensors come first in the parameter vector: put them back after every update
            double[] initialHead = Arrays.copyOf(g.params().values(), (int) HEAD.parameterCount());
            Consumer<double[]> cellOnly = constraint;
            constraint = v -> {
                cellOnly.accept(v);
                System.arraycopy(initialHead, 0, v, 0, initialHead.length);
            };
        }
        TrainResult r = new Trainer(new TrainOptions(EPOCHS, BATCH, STEPS, lr, 0, 1.0, 3)).train(g.params(),
                new RolloutObjective(g, d, new CurveWeightedLoss(0)), windows, constraint,
                TrainListener.NONE, (e, l) -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(r.updates()).isEqualTo((long) EPOCHS * EPISODES / BATCH);
        System.out.printf(Locale.ROOT, "image training throughput%s, %s AutoNCP(%d, 1) behind a %d-parameter head,"
                        + " %dx%dx1 frames: %.0f windows/s (%.0f frames/s) over %d updates of %d windows of %d steps,"
                        + " %d cores%n", freezeHead ? " (head frozen)" : "", cell.getClass().getSimpleName(), units, HEAD.parameterCount(), BarTask.HEIGHT,
                BarTask.WIDTH, EPOCHS * windows.size() / seconds, EPOCHS * windows.size() * STEPS / seconds,
                r.updates(), BATCH, STEPS, Runtime.getRuntime().availableProcessors());
        return new double[] {trainBefore, loss(g, TRAIN), heldBefore, loss(g, HELD_OUT)};
    }

    private static void assertLearned(double[] l) {
        assertThat(l[0] / l[1]).as("training loss %s -> %s", l[0], l[1]).isGreaterThan(10);
        assertThat(l[2] / l[3]).as("held-out loss %s -> %s", l[2], l[3]).isGreaterThan(10);
    }

    @Test
    void aConvHeadInFrontOfAnLtcNcpLearnsWhereTheBarIs() {
        assertLearned(train(LtcSpec.defaults(), 7, 0.03, false));
    }

    @Test
    void withItsHeadFrozenTheSameLtcRunDoesNotLearnIt() {
        // the cell alone cannot undo a random head: what the test above measures is learning through the head
        double[] l = train(LtcSpec.defaults(), 7, 0.03, true);
        assertThat(l[0] / l[1]).as("training loss %s -> %s", l[0], l[1]).isLessThan(2);
    }

    @Test
    void aConvHeadInFrontOfAWiredCfcLearnsWhereTheBarIs() {
        assertLearned(train(CfcSpec.wiredDefaults(), 7, 0.01, false));
    }
}
