package io.liquidlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PermutationTestTest {

    @Test
    void threeAgainstThreeEnumeratesTheTwentySplits() {
        // pooled 1..6, a's sum 7 is 3.5 below its share 10.5; of the 20 three-subsets, {1,2,3} = 6 and {1,2,4} = 7
        // are as far below, {4,5,6} = 15 and {3,5,6} = 14 as far above: p = 4 / 20
        PermutationTest.Result r = PermutationTest.meanDifference(new double[] {1, 2, 4}, new double[] {3, 5, 6}, 0);
        assertThat(r.exact()).isTrue();
        assertThat(r.splits()).isEqualTo(20);
        assertThat(r.pValue()).isEqualTo(0.2);
        assertThat(r.difference()).isCloseTo(7 / 3.0 - 14 / 3.0, within(1e-12));
        assertThat(r.describe()).isEqualTo("exact permutation test of the difference of means (all 20 splits)");
        // the most extreme split of the six: only it and its mirror are as far, 2 / 20
        assertThat(PermutationTest.meanDifference(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0).pValue())
                .isEqualTo(0.1);
    }

    @Test
    void tiesCountAsFarAsTheObservedSplit() {
        // pooled {0, 0, 0, 0, 5, 5}: a = {0, 0, 5} is at the centre (sum 5 of 10, share 5), so every split is as far
        assertThat(PermutationTest.meanDifference(new double[] {0, 0, 5}, new double[] {0, 0, 5}, 0).pValue())
                .isEqualTo(1.0);
        // a = {5, 5, 0} (sum 10, 5 above): the 4 subsets with both fives and the 4 with none are as far, 8 / 20
        assertThat(PermutationTest.meanDifference(new double[] {5, 5, 0}, new double[] {0, 0, 0}, 0).pValue())
                .isEqualTo(0.4);
    }

    @Test
    void seedsThatCrashFromZeroToHundredsAreNotSignificantlyDifferentOnFiveAgainstFive() {
        PermutationTest.Result r = PermutationTest.meanDifference(new double[] {0, 3, 1675, 12, 40},
                new double[] {0, 1, 2, 0, 5}, 0);
        assertThat(r.splits()).isEqualTo(252);
        assertThat(r.pValue()).isGreaterThan(0.05);
    }

    @Test
    void manySplitsAreSampledWithASeedAndSaySo() {
        double[] a = new double[12];
        double[] b = new double[12];
        for (int i = 0; i < 12; i++) {
            a[i] = i;
            b[i] = i + 20;
        }
        PermutationTest.Result r = PermutationTest.meanDifference(a, b, 3);
        assertThat(r.exact()).as("24 choose 12 = 2,704,156 splits").isFalse();
        assertThat(r.splits()).isEqualTo(PermutationTest.RANDOM_SPLITS);
        assertThat(r.pValue()).as("no random split is as extreme: the smallest p").isEqualTo(1.0 / 100_001);
        assertThat(r.describe()).contains("Monte Carlo, 100000 seeded random splits");
        assertThat(PermutationTest.meanDifference(a, b, 3)).isEqualTo(r);
        assertThat(PermutationTest.meanDifference(a, a.clone(), 3).pValue()).as("every split is as far as none")
                .isEqualTo(1.0);
    }

    @Test
    void badSamplesAreRefused() {
        assertThatThrownBy(() -> PermutationTest.meanDifference(new double[0], new double[] {1}, 0))
                .hasMessageContaining("1 to 1000 values, got 0");
        assertThatThrownBy(() -> PermutationTest.meanDifference(new double[] {Double.NaN}, new double[] {1}, 0))
                .hasMessageContaining("finite");
    }
}
