package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The states before several steps from one run equal each step's own run, across the prefix's chunks. */
class SaliencyModelStatesTest {
    private static final Path ROOT = Stream.of(Path.of(".."), Path.of("."))
            .filter(p -> Files.isRegularFile(p.resolve("sample-models/vector-lanekeeping/model.json")))
            .findFirst().orElseThrow();

    @Test
    void oneRunGivesEveryStepTheStateItsOwnRunGives() {
        SaliencyModel model = SaliencyModel.load(LoadedModel.load(ROOT.resolve("sample-models/vector-lanekeeping")));
        int steps = 2 * SaliencyModel.PREFIX_CHUNK + 50;
        int s = model.stepSize();
        float[] x = new float[steps * s];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Rollout rollout = Rollout.ofInputs(NdArray.ofFloats(new int[] {steps, s}, x));
        int[] asked = {0, 1, SaliencyModel.PREFIX_CHUNK, SaliencyModel.PREFIX_CHUNK + 1, steps - 1};
        double[][][] states = model.statesBefore(rollout, asked);
        assertThat(states[0][0]).isNull();
        for (int k = 0; k < asked.length; k++) {
            double[] own = model.at(rollout, asked[k]).gradient(model.at(rollout, asked[k]).recorded(), 0);
            double[] shared = model.at(rollout, asked[k], states[k]).gradient(
                    model.at(rollout, asked[k], states[k]).recorded(), 0);
            assertThat(shared).as("step %d", asked[k]).containsExactly(own);
        }
        // asked alone, the last step's state is the same to the last bit as when the run stopped at four others
        double[][][] alone = model.statesBefore(rollout, new int[] {steps - 1});
        assertThat(alone[0][0]).containsExactly(states[asked.length - 1][0]);
        assertThat(states[2][0]).isNotEqualTo(states[3][0]);
        assertThatThrownBy(() -> model.statesBefore(rollout, new int[] {5, 3})).hasMessageContaining("ascend");
    }
}
