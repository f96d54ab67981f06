package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeOptionsTest {

    @Test
    void everyBoundaryIsRefusedWithTheFieldAndTheValue() {
        assertThatThrownBy(() -> new J48Options(0, 2, false, false, false, 3)).hasMessageContaining("confidence")
                .hasMessageContaining("(0, 0.5]");
        assertThatThrownBy(() -> new J48Options(0.51, 2, false, false, false, 3)).hasMessageContaining("0.51");
        assertThatThrownBy(() -> new J48Options(0.25, 0, false, false, false, 3)).hasMessageContaining("minLeaf");
        assertThatThrownBy(() -> new J48Options(0.25, 2, false, false, false, 1)).hasMessageContaining("pruningFolds");
        assertThatThrownBy(() -> new J48Options(0.25, 2, true, false, true, 3)).hasMessageContaining("exclude");
        assertThatThrownBy(() -> new LabelSpec(LabelSource.NETWORK, Binning.QUANTILES, 1, 0)).hasMessageContaining("bins")
                .hasMessageContaining("2 or more");
        assertThatThrownBy(() -> new LabelSpec(LabelSource.NETWORK, Binning.QUANTILES, 3, -1)).hasMessageContaining("output");
        TreeOptions d = TreeOptions.defaults();
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 0, 5, 0, List.of()))
                .hasMessageContaining("heldOut");
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 1, 5, 0, List.of()))
                .hasMessageContaining("heldOut");
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 0.25, 1, 0, List.of()))
                .hasMessageContaining("folds");
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 0.25, 5, 0, List.of(0)))
                .hasMessageContaining("sweep");
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 0.25, 5, 0, List.of(), 0))
                .hasMessageContaining("maxRows").hasMessageContaining("got 0");
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 0.25, 5, 0, List.of(),
                io.liquidlens.Limits.TREE_ROWS + 1)).hasMessageContaining("maxRows").hasMessageContaining("1000001");
        assertThatThrownBy(() -> new TreeOptions(d.features(), d.label(), d.j48(), 0.25, 5, 0, List.of(), 100,
                TreeChoice.SMALLEST_WITHIN_BEST)).hasMessageContaining("choice").hasMessageContaining("sweep");
        assertThatThrownBy(() -> new FeatureSet(java.util.Set.of(), List.of(), false)).hasMessageContaining("roles");
    }

    @Test
    void aWiringWithoutCommandNeuronsSaysWhatItHas() {
        var wiring = new io.liquidlens.wiring.FullyConnectedSpec(5, 1, 1111L, true).build(3);

        assertThatThrownBy(() -> FeatureSet.defaults().resolve(io.liquidlens.model.NeuronNames.of(wiring)))
                .hasMessageStartingWith("the model has no command neurons (its wiring has [")
                .hasMessageContaining("1 motor")
                .hasMessageEndingWith("); name the neurons to use, or include the inter neurons");
    }
}
