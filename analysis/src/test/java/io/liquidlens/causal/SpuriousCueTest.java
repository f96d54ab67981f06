package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.VectorSensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpuriousCueTest {
    private static final int T = 50;

    /** Vector inputs d, mu, kappa, spurious_1 and a world with the expert's action 0.01 * t. */
    private static Rollout rollout() {
        float[] x = new float[T * 4];
        float[] world = new float[T * 2];
        for (int t = 0; t < T; t++) {
            x[t * 4] = 0.1f * t;
            x[t * 4 + 3] = 7f;
            world[t * 2] = 0.01f * t;
        }
        return new Rollout(NdArray.ofFloats(new int[] {T, 4}, x), null, null, null,
                NdArray.ofFloats(new int[] {T, 2}, world), List.of("expert_action", "d"), null, null, Map.of());
    }

    @Test
    void withoutNoiseTheChannelCarriesThePreviousExpertActionInKappaUnits() {
        PerturbedRollout p = new Perturbation.SpuriousCue(List.of(3), 0, 1).apply(rollout());
        float[] x = p.rollout().inputs().toFloatArray();
        assertThat(x[3]).isZero();
        for (int t = 1; t < T; t++) {
            assertThat((double) x[t * 4 + 3]).isCloseTo(0.01f * (t - 1) / VectorSensor.KAPPA_SCALE,
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(x[t * 4]).isEqualTo(0.1f * t);
        }
        assertThat(p.changedCount(5)).isEqualTo(1);
    }

    @Test
    void theNoiseIsSeededAndHasTheTrainingSpread() {
        Perturbation cue = new Perturbation.SpuriousCue(List.of(3), 0.1, 9);
        float[] a = cue.apply(rollout()).rollout().inputs().toFloatArray();
        float[] b = cue.apply(rollout()).rollout().inputs().toFloatArray();
        assertThat(a).containsExactly(b);
        double sum2 = 0;
        for (int t = 1; t < T; t++) {
            double e = a[t * 4 + 3] - 0.01 * (t - 1) / VectorSensor.KAPPA_SCALE;
            sum2 += e * e;
        }
        assertThat(Math.sqrt(sum2 / (T - 1))).isBetween(0.05, 0.2);
    }

    @Test
    void aRolloutWithoutTheExpertsActionsIsRefused() {
        Rollout bare = Rollout.ofInputs(rollout().inputs());
        assertThatThrownBy(() -> new Perturbation.SpuriousCue(List.of(3), 0.1, 0).apply(bare))
                .hasMessageContaining("needs the expert's actions (world column expert_action");
        assertThatThrownBy(() -> new Perturbation.SpuriousCue(List.of(4), 0.1, 0).apply(rollout()))
                .hasMessageContaining("channel 4 is not one of the inputs' 4 channels");
    }
}
