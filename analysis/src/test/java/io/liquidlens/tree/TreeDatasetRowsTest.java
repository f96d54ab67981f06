package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeDatasetRowsTest {
    private static final LabelBins BINS = new LabelBins(List.of("right", "straight", "left"), new double[] {-0.5, 0.5},
            "test");

    @Test
    void everyStepFindsItsRowAndAStepWithoutOneFindsNone() {
        // two episodes whose first step has no row, as with rates of change
        int[] episodes = {0, 0, 0, 1, 1};
        int[] steps = {1, 2, 3, 1, 2};
        TreeDataset data = dataset(episodes, steps);

        for (int r = 0; r < episodes.length; r++) {
            assertThat(data.rowOf(episodes[r], steps[r])).isEqualTo(r);
        }
        assertThat(data.rowOf(0, 0)).isEqualTo(-1);
        assertThat(data.rowOf(1, 3)).isEqualTo(-1);
        assertThat(data.rowOf(2, 1)).isEqualTo(-1);
    }

    @Test
    void rowsOutOfEpisodeAndStepOrderAreRefused() {
        assertThatThrownBy(() -> dataset(new int[] {0, 0}, new int[] {2, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows run by episode, then step");
        assertThatThrownBy(() -> dataset(new int[] {1, 0}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not follow row 0");
    }

    private static TreeDataset dataset(int[] episodes, int[] steps) {
        int n = episodes.length;
        List<TreeDataset.EpisodeInfo> info = List.of(new TreeDataset.EpisodeInfo("a.npz", 4, "recorded"),
                new TreeDataset.EpisodeInfo("b.npz", 3, "recorded"));
        return new TreeDataset(List.of("f"), new double[n], new double[n], new int[n], BINS, episodes, info, steps);
    }
}
