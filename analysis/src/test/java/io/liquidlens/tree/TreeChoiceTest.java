package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.provenance.Provenance;
import io.liquidlens.stats.Interval;
import io.liquidlens.tree.weka.J48Learner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeChoiceTest {
    private static final Provenance PROVENANCE = Provenance.of("test").build();

    private static SweepPoint point(int minLeaf, int leaves, double fidelity, double low, double high) {
        return new SweepPoint(minLeaf, leaves, 2 * leaves - 1, 3, fidelity, 0.99, new Interval(low, high, 0.95));
    }

    @Test
    void theSmallestTreeWithinTheBestsIntervalIsChosen() {
        List<SweepPoint> sweep = List.of(
                point(1, 40, 0.900, 0.86, 0.93),
                point(5, 20, 0.910, 0.880, 0.940), // best
                point(20, 8, 0.885, 0.85, 0.92), // within [0.880, 0.940]: the smallest such
                point(50, 4, 0.879, 0.84, 0.91), // just below the best's low end
                point(100, 2, 0.800, 0.75, 0.85));
        assertThat(TreeChoice.best(sweep)).isEqualTo(1);
        assertThat(TreeChoice.smallestWithinBest(sweep)).isEqualTo(2);
    }

    @Test
    void tiesGoToFewerLeavesForTheBestAndToTheMoreFaithfulAmongEquallySmallTrees() {
        List<SweepPoint> sweep = List.of(
                point(1, 30, 0.95, 0.90, 0.98),
                point(2, 12, 0.95, 0.80, 0.99), // as faithful with fewer leaves: the best, its interval counts
                point(10, 5, 0.82, 0.70, 0.90),
                point(20, 5, 0.85, 0.75, 0.92));
        assertThat(TreeChoice.best(sweep)).isEqualTo(1);
        assertThat(TreeChoice.smallestWithinBest(sweep)).isEqualTo(3);
    }

    @Test
    void anUndefinedIntervalKeepsTheBest() {
        List<SweepPoint> sweep = List.of(
                point(1, 9, 0.9, Double.NaN, Double.NaN),
                point(50, 2, 0.9, Double.NaN, Double.NaN),
                point(2, 7, 0.95, Double.NaN, Double.NaN));
        assertThat(TreeChoice.smallestWithinBest(sweep)).isEqualTo(2);
        assertThatThrownBy(() -> TreeChoice.best(List.of())).hasMessageContaining("no sweep");
    }

    @Test
    void theExtractionReportsTheChosenSweepTreeAndCrossValidatesItsMinimumLeaf() {
        TreeDataset data = SyntheticData.rule(8, 200, 0.15, 4);
        TreeOptions d = TreeOptions.defaults();
        TreeOptions o = new TreeOptions(d.features(), d.label(), d.j48(), d.heldOut(), d.folds(), d.seed(),
                List.of(1, 20, 200), d.maxRows(), TreeChoice.SMALLEST_WITHIN_BEST);
        List<Integer> minLeaves = new ArrayList<>();
        J48Learner j48 = new J48Learner();
        TreeLearner recording = (rows, learnFrom, options) -> {
            minLeaves.add(options.minLeaf());
            return j48.learn(rows, learnFrom, options);
        };
        TreeResult r = new TreeExtraction(recording).run(data, o, PROVENANCE, TreeProgress.NONE);
        SweepPoint chosen = r.sweep().get(TreeChoice.smallestWithinBest(r.sweep()));
        assertThat(r.chosen()).isTrue();
        assertThat(r.minLeaf()).isEqualTo(chosen.minLeaf());
        assertThat(r.tree().leaves()).isEqualTo(chosen.leaves());
        assertThat(r.fidelity()).isEqualTo(chosen.fidelity());
        assertThat(r.fidelityInterval().interval()).isEqualTo(chosen.fidelityInterval());
        // the sweep's three trees, then the five folds with the chosen minimum leaf; no tree of j48's own 2
        assertThat(minLeaves).containsExactly(1, 20, 200, chosen.minLeaf(), chosen.minLeaf(), chosen.minLeaf(),
                chosen.minLeaf(), chosen.minLeaf());
        assertThat(TreeText.header(r)).anySatisfy(h -> assertThat(h).startsWith(
                "smallest tree within the best's 95% interval: " + chosen.leaves() + " leaves (min leaf "
                        + chosen.minLeaf() + "); best: "));
        var json = TreeJson.toJson(r);
        assertThat(json.get("choice").get("min_leaf").asInt()).isEqualTo(chosen.minLeaf());
        assertThat(json.get("options").get("choice").asText()).isEqualTo("smallest_within_best");
        assertThat(json.get("fidelity_ci")).hasSize(2);
    }
}
