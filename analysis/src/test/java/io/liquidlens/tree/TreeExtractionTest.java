package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.provenance.Provenance;
import io.liquidlens.tree.weka.J48Learner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeExtractionTest {
    private static final Provenance PROVENANCE = Provenance.of("test").build();

    @Test
    void aKnownRuleOfTwoNeuronsIsFoundExactly() {
        TreeDataset data = SyntheticData.rule(8, 300, 0, 1);
        TreeResult r = new TreeExtraction(new J48Learner()).run(data, TreeOptions.defaults(), PROVENANCE,
                TreeProgress.NONE);
        assertThat(r.fidelity()).isEqualTo(1.0);
        assertThat(r.crossValidated().fidelity()).isEqualTo(1.0);
        assertThat(r.split().heldOut()).hasSize(2);
        assertThat(r.tree().leaves()).isEqualTo(3);
        assertThat(r.tree().depth()).isEqualTo(2);
        List<TreeNode.Split> splits = new ArrayList<>();
        collect(r.tree().root(), splits);
        assertThat(splits).extracting(TreeNode.Split::featureName)
                .containsExactlyInAnyOrder("command 1 (id 2)", "command 3 (id 4)");
        for (TreeNode.Split s : splits) {
            double expected = s.feature() == 1 ? 0.3 : -0.1;
            assertThat(s.threshold()).isCloseTo(expected, within(0.05)); // the grid's spacing
        }
        assertThat(RuleExport.rules(r.tree())).anySatisfy(rule -> assertThat(rule).contains("-> left")
                .contains("command 1 (id 2) > 0.3").contains("command 3 (id 4) <= -0.1"));
    }

    @Test
    void heldOutEpisodesAreWholeEpisodesDrawnFromTheSeed() {
        TreeDataset data = SyntheticData.rule(8, 50, 0.1, 2);
        EpisodeSplit a = EpisodeSplit.of(data, TreeOptions.defaults());
        EpisodeSplit b = EpisodeSplit.of(data, TreeOptions.defaults());
        assertThat(a.heldOut()).containsExactly(b.heldOut());
        for (int r : a.rows(true)) {
            assertThat(a.isHeldOut(data.episodes()[r])).isTrue();
        }
        assertThat(a.rows(true).length + a.rows(false).length).isEqualTo(data.rows());
        // every episode falls into exactly one fold
        assertThat(a.folds()).isEqualTo(5);
        for (int k = 0; k < a.folds(); k++) {
            for (int r : a.foldRows(k, true)) {
                for (int r2 : a.foldRows(k, false)) {
                    assertThat(data.episodes()[r2]).isNotEqualTo(data.episodes()[r]);
                }
            }
        }
    }

    @Test
    void aSingleEpisodeIsCutIntoContiguousBlocks() {
        TreeDataset data = SyntheticData.rule(1, 400, 0, 3);
        EpisodeSplit s = EpisodeSplit.of(data, TreeOptions.defaults());
        assertThat(s.byBlocks()).isTrue();
        assertThat(s.groupNames()).hasSize(5);
        int[] held = s.rows(true);
        assertThat(held).hasSize(80);
        for (int i = 1; i < held.length; i++) {
            assertThat(held[i]).isEqualTo(held[i - 1] + 1);
        }
    }

    @Test
    void theSweepTradesLeavesForFidelity() {
        TreeDataset data = SyntheticData.rule(8, 200, 0.15, 4);
        TreeOptions o = TreeOptions.defaults();
        o = new TreeOptions(o.features(), o.label(), o.j48(), o.heldOut(), o.folds(), o.seed(), List.of(1, 20, 200));
        TreeResult r = new TreeExtraction(new J48Learner()).run(data, o, PROVENANCE, TreeProgress.NONE);
        assertThat(r.sweep()).extracting(SweepPoint::minLeaf).containsExactly(1, 20, 200);
        assertThat(r.sweep().get(0).leaves()).isGreaterThanOrEqualTo(r.sweep().get(2).leaves());
        assertThat(r.sweep()).allSatisfy(p -> assertThat(p.fidelity()).isBetween(0.0, 1.0));
    }

    @Test
    void leftStraightRightCutsADeadBandOfAThirdAroundZero() {
        double[] v = new double[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i - 150) / 100.0;
        }
        LabelBins b = LabelBins.choose(LabelSpec.defaults(), v);
        assertThat(b.classNames()).containsExactly("right", "straight", "left");
        assertThat(b.cuts()[1]).isCloseTo(0.5, within(0.01));
        assertThat(b.cuts()[0]).isEqualTo(-b.cuts()[1]);
        assertThat(b.classOf(0.6)).isEqualTo(2);
        assertThat(b.classOf(0)).isEqualTo(1);
        assertThat(b.classOf(-0.6)).isEqualTo(0);
        LabelBins q = LabelBins.choose(new LabelSpec(LabelSource.NETWORK, Binning.QUANTILES, 4, 0), v);
        assertThat(q.classNames()).containsExactly("q1", "q2", "q3", "q4");
        int[] counts = new int[4];
        for (double x : v) {
            counts[q.classOf(x)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(74, 76);
        }
    }

    @Test
    void eachTreeLearnsFromAtMostMaxRowsWhileFidelityCountsEveryRow() {
        TreeDataset data = SyntheticData.rule(8, 300, 0, 5);
        TreeOptions d = TreeOptions.defaults();
        TreeOptions capped = new TreeOptions(d.features(), d.label(), d.j48(), d.heldOut(), d.folds(), d.seed(),
                List.of(2, 5), 250);
        List<Integer> learned = new ArrayList<>();
        J48Learner j48 = new J48Learner();
        TreeLearner counting = (data1, rows, o) -> {
            learned.add(rows.length);
            return j48.learn(data1, rows, o);
        };
        TreeResult r = new TreeExtraction(counting).run(data, capped, PROVENANCE, TreeProgress.NONE);
        assertThat(learned).hasSize(1 + 5 + 2).allSatisfy(n -> assertThat(n).isEqualTo(250));
        assertThat(r.heldOut().total()).isEqualTo(2 * 300);
        assertThat(r.training().total()).isEqualTo(6 * 300);
        assertThat(r.crossValidated().total()).isEqualTo(8 * 300);
        assertThat(r.fidelity()).isGreaterThan(0.95); // a seventh of the rows still finds the rule, nearly
        var json = TreeJson.toJson(r);
        assertThat(json.get("training_rows").asInt()).isEqualTo(1800);
        assertThat(json.get("rows_used").asInt()).isEqualTo(250);
        assertThat(json.get("rows_chosen").asText()).isEqualTo(TrainingRows.EVENLY_SPACED);
        assertThat(json.get("options").get("max_rows").asInt()).isEqualTo(250);
    }

    @Test
    void aCapOfExactlyTheTrainingRowsGivesTheSameTreeAsTheDefault() {
        TreeDataset data = SyntheticData.rule(8, 200, 0.15, 4);
        TreeOptions d = TreeOptions.defaults();
        TreeResult a = new TreeExtraction(new J48Learner()).run(data, d, PROVENANCE, TreeProgress.NONE);
        int training = a.training().total();
        TreeOptions exact = new TreeOptions(d.features(), d.label(), d.j48(), d.heldOut(), d.folds(), d.seed(),
                List.of(), training);
        TreeOptions oneLess = new TreeOptions(d.features(), d.label(), d.j48(), d.heldOut(), d.folds(), d.seed(),
                List.of(), training - 1);
        TreeResult b = new TreeExtraction(new J48Learner()).run(data, exact, PROVENANCE, TreeProgress.NONE);
        TreeResult c = new TreeExtraction(new J48Learner()).run(data, oneLess, PROVENANCE, TreeProgress.NONE);
        assertThat(b.tree()).isEqualTo(a.tree());
        assertThat(TreeJson.toJson(b).get("rows_chosen").asText()).isEqualTo(TrainingRows.ALL);
        assertThat(TreeJson.toJson(c).get("rows_used").asInt()).isEqualTo(training - 1);
        assertThat(c.tree().root().counts()).isNotEqualTo(a.tree().root().counts());
    }

    private static void collect(TreeNode n, List<TreeNode.Split> out) {
        if (n instanceof TreeNode.Split s) {
            out.add(s);
            collect(s.below(), out);
            collect(s.above(), out);
        }
    }
}
