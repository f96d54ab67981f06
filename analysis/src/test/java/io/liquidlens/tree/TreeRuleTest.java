package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules in words: a feature tested again and again along a path is one pair of bounds, the tightest. */
class TreeRuleTest {
    private static final List<String> CLASSES = List.of("right", "straight", "left");

    private static TreeNode.Leaf leaf(int predicted, double... counts) {
        return new TreeNode.Leaf(predicted, counts);
    }

    private static TreeNode.Split split(int feature, double threshold, TreeNode below, TreeNode above) {
        double[] c = new double[3];
        for (TreeNode n : List.of(below, above)) {
            for (int k = 0; k < 3; k++) {
                c[k] += n.counts()[k];
            }
        }
        return new TreeNode.Split(feature, "C" + (feature + 1), threshold, below, above, c);
    }

    /**
     * C1 <= -0.5087 then C1 <= -0.5288 below (one direction twice); above, C2 <= 0.3 then C1 <= -0.5087 again (a tie
     * with the root's threshold, both directions).
     */
    @Test
    void repeatedConditionsOnOneFeatureCollapseToTheTightestBounds() {
        TreeNode root = split(0, -0.5087,
                split(0, -0.5288, leaf(2, 0, 1, 40), leaf(1, 2, 30, 1)),
                split(1, 0.3,
                        split(0, -0.5087, leaf(0, 0, 0, 0), leaf(2, 3, 0, 20)),
                        leaf(0, 50, 2, 0)));
        DecisionTree tree = new DecisionTree(root, List.of("C1", "C2"), CLASSES);

        assertThat(RuleExport.rules(tree)).containsExactly(
                "C1 <= -0.5288 -> left (41/1)",
                "-0.5288 < C1 <= -0.5087 -> straight (33/3)",
                // C1 > -0.5087 and C1 <= -0.5087: a box no step can be in, said as such
                "-0.5087 < C1 <= -0.5087 and C2 <= 0.3 -> right (0/0)",
                "C1 > -0.5087 and C2 <= 0.3 -> left (23/3)",
                "C1 > -0.5087 and C2 > 0.3 -> right (52/2)");
    }

    @Test
    void aThresholdTestedTwiceInTheSameDirectionIsOneCondition() {
        TreeNode root = split(0, 0.2, split(0, 0.2, leaf(0, 5, 0, 0), leaf(2, 0, 0, 0)),
                split(0, -0.6, leaf(1, 0, 1, 0), split(0, 0.7, leaf(1, 0, 9, 0), leaf(2, 0, 0, 8))));
        DecisionTree tree = new DecisionTree(root, List.of("C1"), CLASSES);

        assertThat(RuleExport.rules(tree)).containsExactly(
                "C1 <= 0.2 -> right (5/0)",
                "0.2 < C1 <= 0.2 -> left (0/0)",
                "0.2 < C1 <= -0.6 -> straight (1/0)",
                "0.2 < C1 <= 0.7 -> straight (9/0)",
                "C1 > 0.7 -> left (8/0)");
    }

    @Test
    void theRuleOfAStepIsTheRuleOfTheLeafTheTreeSendsItTo() {
        TreeNode root = split(0, -0.5, split(1, 0.0, leaf(0, 4, 0, 0), leaf(1, 0, 4, 0)),
                split(0, 0.5, leaf(1, 0, 3, 0), leaf(2, 0, 0, 6)));
        DecisionTree tree = new DecisionTree(root, List.of("C1", "C2"), CLASSES);
        List<TreeRule> rules = TreeRule.of(tree);
        double[][] rows = {{-0.9, -1}, {-0.9, 0.5}, {-0.5, 0}, {0.1, 3}, {0.5, 0}, {0.51, -2}};
        for (double[] row : rows) {
            TreeRule r = TreeRule.covering(rules, row);
            assertThat(r.predicted()).as(java.util.Arrays.toString(row)).isEqualTo(tree.classify(row));
        }
        assertThat(rules.get(1).text(tree.featureNames(), CLASSES)).isEqualTo("C1 <= -0.5 and C2 > 0 -> straight (4/0)");
        assertThat(rules).noneMatch(TreeRule::unconditional);
        assertThat(TreeRule.of(new DecisionTree(leaf(1, 2, 3, 1), List.of("C1"), CLASSES)).get(0))
                .matches(TreeRule::unconditional).extracting(r -> r.text(List.of("C1"), CLASSES))
                .isEqualTo("true -> straight (6/3)");
    }
}
