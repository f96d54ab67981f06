package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.testing.RolloutSlices;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sensitivity recomputed the long way (a noisy rollout simulated like any other), and the run's edges. */
class SensitivityRunTest {

    private static final LiquidModel MODEL = LoadedModel.load(Path.of("..", "sample-models/vector-lanekeeping"))
            .network();

    private static Rollout episode(int index, int steps) {
        List<Path> files = Rollouts.list(List.of(Path.of("..", "sample-traces/vector-lanekeeping/clean")));
        return RolloutSlices.head(Rollouts.read(files.get(index)), steps);
    }

    @Test
    void maxAndMedianAreTheRatiosOfANoisyRolloutSimulatedFromScratch() {
        Rollout clean = episode(0, 80);
        Activity a = Activities.simulate(MODEL, clean, ProgressListener.NONE);
        int steps = a.steps();
        int s = a.features();
        // the vector model has no head: its features are the rollout's inputs
        double[] spread = new double[s];
        for (int f = 0; f < s; f++) {
            double mean = 0;
            for (int t = 0; t < steps; t++) {
                mean += a.input(t, f) / steps;
            }
            for (int t = 0; t < steps; t++) {
                spread[f] += Math.pow(a.input(t, f) - mean, 2) / steps;
            }
            spread[f] = Math.sqrt(spread[f]);
        }
        double noise = 0.05;
        Random rng = new Random(SensitivityRun.mix(7, 0, 0));
        float[] noisy = new float[steps * s];
        double[] inputChange = new double[steps];
        for (int t = 0; t < steps; t++) {
            inputChange[t] = t == 0 ? 0 : inputChange[t - 1];
            for (int f = 0; f < s; f++) {
                noisy[t * s + f] = (float) (a.input(t, f) + rng.nextGaussian() * noise * spread[f]);
                double d = (double) noisy[t * s + f] - a.input(t, f);
                inputChange[t] += d * d;
            }
        }
        Activity b = Activities.simulate(MODEL, Rollout.ofInputs(NdArray.ofFloats(new int[] {steps, s}, noisy)),
                ProgressListener.NONE);
        double[] ratios = new double[steps];
        for (int t = 0; t < steps; t++) {
            double change = 0;
            for (int n = 0; n < a.neurons(); n++) {
                change += Math.pow((double) b.state(t, n) - a.state(t, n), 2);
            }
            ratios[t] = Math.sqrt(change / inputChange[t]);
        }
        Arrays.sort(ratios);
        Sensitivity measured = SensitivityRun.measure(MODEL, List.of(a), Arrays.asList((float[]) null),
                new DynamicsOptions(false, noise, 1, 7), ProgressListener.NONE);
        assertThat(measured.max()).isCloseTo(ratios[steps - 1], within(1e-9 * ratios[steps - 1]));
        assertThat(measured.median()).isCloseTo((ratios[39] + ratios[40]) / 2, within(1e-9 * ratios[40]));
    }

    @Test
    void manyCopiesOnAllCoresGiveTheSameNumbersEveryTime() {
        List<Activity> two = List.of(Activities.simulate(MODEL, episode(0, 50), ProgressListener.NONE),
                Activities.simulate(MODEL, episode(1, 70), ProgressListener.NONE));
        DynamicsOptions options = new DynamicsOptions(false, 0.01, 16, 3);
        AtomicInteger calls = new AtomicInteger();
        ProgressListener counting = (done, total) -> {
            calls.incrementAndGet();
            assertThat(total).isEqualTo(16 * 120);
        };
        Sensitivity first = SensitivityRun.measure(MODEL, two, Arrays.asList(null, null), options, counting);
        for (int i = 0; i < 3; i++) {
            assertThat(SensitivityRun.measure(MODEL, two, Arrays.asList(null, null), options, ProgressListener.NONE))
                    .isEqualTo(first);
        }
        assertThat(calls.get()).isEqualTo(32);
    }

    @Test
    void aCancelStopsTheRunAndAWrongShapeNamesTheRollout() {
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        List<LabelledRollout> one = List.of(new LabelledRollout("e.npz", episode(0, 20)));
        assertThatThrownBy(() -> Dynamics.analyse(MODEL, "m", one, DynamicsOptions.defaults(), cancelled))
                .isInstanceOf(CancellationException.class);
        Rollout wide = Rollout.ofInputs(NdArray.ofFloats(new int[] {5, MODEL.frameSize() + 1},
                new float[5 * (MODEL.frameSize() + 1)]));
        assertThatThrownBy(() -> Dynamics.analyse(MODEL, "m", List.of(one.get(0), new LabelledRollout("w.npz", wide)),
                DynamicsOptions.defaults(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("w.npz: ")
                .hasMessageContaining("values per step");
    }
}
