package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conflicts count only rules that say something: never a single leaf, never a rule no better than its base rate. */
class RuleConflictTest {
    private static final List<String> CLASSES = List.of("low", "mid", "high");
    private static final LabelBins BINS = new LabelBins(CLASSES, new double[] {-0.1, 0.1}, "tertiles");

    private static NeuronTree neuron(String name, TreeNode root) {
        DecisionTree tree = new DecisionTree(root, List.of("d"), CLASSES);
        Faithfulness none = new Faithfulness(new int[3][3], 0, 0);
        return new NeuronTree(name, name, BINS, tree, none, none, TreeRule.of(tree), 1);
    }

    private static TreeNode.Split onD(TreeNode below, TreeNode above) {
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            c[k] = below.counts()[k] + above.counts()[k];
        }
        return new TreeNode.Split(0, "d", 0.0, below, above, c);
    }

    /** Which rule of each neuron holds at each of {@code steps} steps: rule 0 (d <= 0) on the first half. */
    private static int[] halves(int steps, boolean singleLeaf) {
        int[] r = new int[steps];
        for (int i = steps / 2; i < steps; i++) {
            r[i] = singleLeaf ? 0 : 1;
        }
        return r;
    }

    @Test
    void aSingleLeafOrARuleNoBetterThanItsBaseRateConflictsWithNothing() {
        // the case: a neuron whose tree is one leaf, "true -> low (3600/2383)", right on 34% of its steps
        NeuronTree single = neuron("inter 2 (id 9)", new TreeNode.Leaf(0, new double[] {1217, 1200, 1183}));
        // low where d <= 0, but low is more common still among all its steps (no better than its base rate)
        NeuronTree guess = neuron("inter 3 (id 10)", onD(new TreeNode.Leaf(0, new double[] {700, 600, 500}),
                new TreeNode.Leaf(0, new double[] {1300, 300, 200})));
        // high where d <= 0 and low where d > 0: real rules
        NeuronTree high = neuron("command 1 (id 2)", onD(new TreeNode.Leaf(2, new double[] {100, 200, 1500}),
                new TreeNode.Leaf(0, new double[] {1500, 200, 100})));
        // the opposite: low where d <= 0, high where d > 0
        NeuronTree low = neuron("command 3 (id 4)", onD(new TreeNode.Leaf(0, new double[] {1400, 300, 100}),
                new TreeNode.Leaf(2, new double[] {100, 300, 1400})));
        List<NeuronTree> trees = List.of(single, guess, high, low);
        int steps = 3600;
        int[][] ruleOf = {halves(steps, true), halves(steps, false), halves(steps, false), halves(steps, false)};

        assertThat(single.informative(0)).isFalse();
        assertThat(guess.informative(0)).isFalse();
        assertThat(guess.informative(1)).isTrue(); // low on 72% of its steps against 56% overall
        assertThat(high.informative(0)).isTrue();

        List<RuleConflict> conflicts = NeuronLevel.conflicts(trees, ruleOf, 10);
        List<String> pairs = new ArrayList<>();
        for (RuleConflict c : conflicts) {
            pairs.add(trees.get(c.first()).name() + " / " + trees.get(c.second()).name());
        }
        // before, the single leaf's "true -> low" conflicted with every "high" rule, on more steps than any other
        assertThat(pairs).containsExactly("command 1 (id 2) / command 3 (id 4)", "inter 3 (id 10) / command 3 (id 4)");
        assertThat(conflicts.get(0).steps()).isEqualTo(steps / 2);
        assertThat(conflicts.get(0).pairSteps()).isEqualTo(steps);
        // only the informative rule of inter 3 (low where d > 0) meets command 3's high there
        assertThat(conflicts.get(1).firstRule()).isEqualTo(1);
        assertThat(conflicts.get(1).steps()).isEqualTo(steps / 2);
    }
}
