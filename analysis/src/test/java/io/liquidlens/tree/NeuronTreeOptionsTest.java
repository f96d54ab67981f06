package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.wiring.NeuronRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every invalid boundary of {@link NeuronTreeOptions}, and the concentration's two ends. */
class NeuronTreeOptionsTest {
    private static final FeatureSet ALL = NeuronTreeOptions.defaults().neurons();

    private static NeuronTreeOptions with(List<String> world, int bins, double heldOut, int conflicts) {
        return new NeuronTreeOptions(ALL, world, bins, J48Options.defaults(), heldOut, 0, conflicts);
    }

    @Test
    void defaultsAreEveryNeuronOverDMuKappaInTertiles() {
        NeuronTreeOptions o = NeuronTreeOptions.defaults();
        assertThat(o.neurons().roles()).containsExactlyInAnyOrder(NeuronRole.INTER, NeuronRole.COMMAND,
                NeuronRole.MOTOR);
        assertThat(o.world()).containsExactly("d", "mu", "kappa");
        assertThat(o.bins()).isEqualTo(3);
    }

    @Test
    void invalidBoundariesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> with(List.of(), 3, 0.25, 1)).hasMessageStartingWith("world");
        assertThatThrownBy(() -> with(List.of("d", " "), 3, 0.25, 1)).hasMessageStartingWith("world");
        assertThatThrownBy(() -> with(List.of("d", "d"), 3, 0.25, 1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> with(List.of("d"), 1, 0.25, 1)).hasMessageStartingWith("bins");
        assertThatThrownBy(() -> with(List.of("d"), 3, 0, 1)).hasMessageStartingWith("heldOut");
        assertThatThrownBy(() -> with(List.of("d"), 3, 1, 1)).hasMessageStartingWith("heldOut");
        assertThatThrownBy(() -> with(List.of("d"), 3, 0.25, -1)).hasMessageStartingWith("conflicts");
        assertThatThrownBy(() -> new NeuronTreeOptions(new FeatureSet(Set.of(NeuronRole.COMMAND), List.of(), true),
                List.of("d"), 3, J48Options.defaults(), 0.25, 0, 1)).hasMessageContaining("rates");
        NeuronTreeOptions d = NeuronTreeOptions.defaults();
        assertThatThrownBy(() -> new NeuronTreeOptions(d.neurons(), d.world(), 3, d.j48(), 0.25, 0, 1, 0))
                .hasMessageStartingWith("maxRows").hasMessageContaining("got 0");
        assertThatThrownBy(() -> new NeuronTreeOptions(d.neurons(), d.world(), 3, d.j48(), 0.25, 0, 1,
                io.liquidlens.Limits.TREE_ROWS + 1)).hasMessageStartingWith("maxRows");
        assertThat(d.maxRows()).isEqualTo(TreeOptions.DEFAULT_MAX_ROWS);
        assertThat(with(List.of("d"), 2, 0.5, 0).conflicts()).isZero();
    }

    @Test
    void concentrationIsOneWhenEachClassHasOneRuleAndZeroWhenSpreadEvenly() {
        // two rules, class 0 all in rule 0 and class 1 all in rule 1
        assertThat(NeuronLevel.concentration(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}, 2, 2)).isEqualTo(1.0);
        // each class spread evenly over both rules
        assertThat(NeuronLevel.concentration(new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 1}, 2, 2)).isEqualTo(0.0);
        assertThat(NeuronLevel.concentration(new int[] {0, 0}, new int[] {0, 1}, 1, 2)).isEqualTo(1.0);
    }
}
