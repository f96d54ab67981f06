package io.liquidlens.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.model.LiquidModel;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Drawing scales of a rollout's activity, against values worked out by hand. */
class ActivityScalesTest {

    @Test
    void quantileIsTheNearestRankValue() {
        float[] hundred = new float[100];
        for (int i = 0; i < 100; i++) {
            hundred[99 - i] = i + 1;
        }
        assertThat(ActivityScales.quantile(hundred, 0.99)).isEqualTo(99f);
        assertThat(ActivityScales.quantile(new float[] {5f}, 0.99)).isEqualTo(5f);
        assertThat(ActivityScales.quantile(new float[] {3f, 1f, 2f}, 0.5)).isEqualTo(2f);
        assertThat(ActivityScales.quantile(new float[0], 0.99)).isZero();
    }

    @Test
    void inputRangesAreEachFeaturesMinAndMax() {
        // 3 steps, 1 neuron, 2 features: feature 0 = 1, -2, 4; feature 1 = 0.5 throughout
        Activity a = new Activity(3, 1, 2, 0, new float[] {1f, 0.5f, -2f, 0.5f, 4f, 0.5f}, new float[] {7f, -1f, 3f},
                new float[3], new float[0]);
        ActivityScales s = new ActivityScales(ActivityScales.inputRanges(a), a.stateRanges(), 0f, 0f);
        assertThat(s.inputMin(0)).isEqualTo(-2f);
        assertThat(s.inputMax(0)).isEqualTo(4f);
        assertThat(s.inputMin(1)).isEqualTo(0.5f);
        assertThat(s.inputMax(1)).isEqualTo(0.5f);
        assertThat(s.stateMin(0)).isEqualTo(-1f);
        assertThat(s.stateMax(0)).isEqualTo(7f);
    }

    @Test
    void synapseScalesSeparateInternalFromSensorySynapses() {
        // a wired CfC: a synapse's activity is |pre-synaptic value|; every state is -2 and every input -3, so
        // internal synapses carry 0 at step 0 (zero state before it) and 2 afterwards, sensory ones always 3
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default"));
        int steps = 200;
        int n = model.stateSize();
        int features = model.inputSize();
        float[] input = new float[steps * features];
        Arrays.fill(input, -3f);
        float[] state = new float[steps * n];
        Arrays.fill(state, -2f);
        Activity a = new Activity(steps, n, features, 0, input, state, new float[steps * n], new float[0]);

        ActivityScales s = ActivityScales.of(a, SynapseActivity.of(model));

        assertThat(s.synapseScale()).isEqualTo(2f);
        assertThat(s.sensorySynapseScale()).isEqualTo(3f);
        assertThat(s.inputMin(5)).isEqualTo(-3f);
        assertThat(s.stateMax(n - 1)).isEqualTo(-2f);
    }

    @Test
    void aLongRolloutTakesItsSynapseScalesFromEvenlySpacedSteps() {
        // sensory synapses carry |input|: input -1 on every step but one in ten, where it is -5. Every tenth step
        // is one of those, so evenly spaced steps (every third here) see both, and the quantile is the same
        // as over all steps; inputs and states are still ranged over every step
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default"));
        int steps = 3 * ActivityScales.QUANTILE_STEPS;
        int n = model.stateSize();
        int features = model.inputSize();
        float[] input = new float[steps * features];
        Arrays.fill(input, -1f);
        for (int t = 0; t < steps; t += 10) {
            Arrays.fill(input, t * features, (t + 1) * features, -5f);
        }
        input[(steps - 1) * features] = 9f; // one step the spaced ones skip: only the input range sees it
        Activity a = new Activity(steps, n, features, 0, input, new float[steps * n], new float[steps * n],
                new float[0]);
        ActivityScales s = ActivityScales.of(a, SynapseActivity.of(model));
        assertThat(s.sensorySynapseScale()).isEqualTo(5f);
        assertThat(s.inputMax(0)).isEqualTo(9f);
        assertThat(s.inputMin(0)).isEqualTo(-5f);
    }
}
