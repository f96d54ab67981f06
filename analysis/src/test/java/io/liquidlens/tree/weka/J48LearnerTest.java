package io.liquidlens.tree.weka;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.SyntheticData;
import io.liquidlens.tree.TreeDataset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;

class J48LearnerTest {

    static Stream<J48Options> options() {
        J48Options d = J48Options.defaults();
        return Stream.of(d, d.withMinLeaf(1), d.withMinLeaf(25), new J48Options(0.05, 2, false, false, false, 3),
                new J48Options(0.25, 2, true, false, false, 3), new J48Options(0.25, 2, false, true, false, 3),
                new J48Options(0.25, 2, false, false, true, 3), new J48Options(0.25, 5, false, false, true, 4));
    }

    @ParameterizedTest
    @MethodSource("options")
    void ourTreeClassifiesEveryRowAsJ48Does(J48Options o) throws Exception {
        // noisy labels make deep, pruned trees with mixed and empty leaves
        TreeDataset data = SyntheticData.rule(4, 400, 0.2, 3);
        int[] train = java.util.Arrays.stream(SyntheticData.all(data)).filter(r -> data.episodes()[r] != 3).toArray();
        Instances trainSet = WekaTables.of(data, train, "t");
        ExposedJ48 j48 = J48Learner.configured(o);
        j48.buildClassifier(trainSet);
        DecisionTree ours = new J48Learner().learn(data, train, o);

        Instances everything = WekaTables.of(data, SyntheticData.all(data), "all");
        for (int r = 0; r < data.rows(); r++) {
            int weka = (int) j48.classifyInstance(everything.instance(r));
            assertThat(ours.classify(data.row(r))).as("row %d", r).isEqualTo(weka);
        }
        assertThat(ours.leaves()).isEqualTo((int) j48.measureNumLeaves());
        assertThat(ours.size()).isEqualTo((int) j48.measureTreeSize());
    }
}
