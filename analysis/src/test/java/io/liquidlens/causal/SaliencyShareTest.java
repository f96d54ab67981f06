package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.Labels;
import io.liquidlens.model.LoadedModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaliencyShareTest {
    /** A 2 x 4 label frame: background, road, marking, distractor on each row. */
    private static final byte[] LABELS = {
        Labels.BACKGROUND, Labels.ROAD, Labels.LANE_MARKING, Labels.DISTRACTOR,
        Labels.DISTRACTOR, Labels.ROAD, Labels.ROAD, Labels.BACKGROUND};

    private static SaliencyMap onePixel(int index, double value) {
        double[] v = new double[8];
        v[index] = value;
        return new SaliencyMap(2, 4, v);
    }

    @Test
    void allMassOnOneLabelledPixelIsAShareOfOneForItsClass() {
        assertThat(SaliencyShare.of(onePixel(3, 0.7), LABELS)).isEqualTo(new SaliencyShare(1, 0, 0.7));
        assertThat(SaliencyShare.of(onePixel(1, 2), LABELS)).isEqualTo(new SaliencyShare(0, 1, 2));
        // a lane marking is part of the task
        assertThat(SaliencyShare.of(onePixel(2, 1), LABELS).task()).isEqualTo(1.0);
        SaliencyShare background = SaliencyShare.of(onePixel(7, 1), LABELS);
        assertThat(background.distractor()).isZero();
        assertThat(background.task()).isZero();
        assertThat(background.background()).isEqualTo(1.0);
    }

    @Test
    void aUniformMapSharesByPixelFractionAndScaleDoesNotMatter() {
        double[] ones = new double[8];
        Arrays.fill(ones, 3.5);
        SaliencyShare s = SaliencyShare.of(new SaliencyMap(2, 4, ones), LABELS);
        assertThat(s.distractor()).isCloseTo(2 / 8.0, within(1e-15));
        assertThat(s.task()).isCloseTo(4 / 8.0, within(1e-15));
        assertThat(s.background()).isCloseTo(2 / 8.0, within(1e-15));
        assertThat(s.total()).isEqualTo(28.0);
        // mass split 1 : 3 between a distractor and a road pixel
        SaliencyShare split = SaliencyShare.of(new SaliencyMap(2, 4, new double[] {0, 0, 0, 1, 0, 3, 0, 0}), LABELS);
        assertThat(split.distractor()).isEqualTo(0.25);
        assertThat(split.task()).isEqualTo(0.75);
    }

    @Test
    void aZeroMapHasNoSharesSoItsSharesAreNaNAndMeansSkipIt() {
        SaliencyShare none = SaliencyShare.of(new SaliencyMap(2, 4, new double[8]), LABELS);
        assertThat(none.defined()).isFalse();
        assertThat(none.distractor()).isNaN();
        assertThat(none.task()).isNaN();
        assertThat(none.total()).isZero();
        SaliencyShares shares = new SaliencyShares("m", 0, List.of(0, 1),
                List.of(none, SaliencyShare.of(onePixel(3, 1), LABELS)));
        assertThat(shares.meanDistractor()).isEqualTo(1.0);
        assertThat(new SaliencyShares("m", 0, List.of(0), List.of(none)).meanTask()).isNaN();
    }

    @Test
    void negativeValuesAndLabelsOfAnotherSizeGiveOneLine() {
        assertThatThrownBy(() -> SaliencyShare.of(onePixel(5, -1), LABELS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saliency share needs a map of values >= 0, got -1.0 at row 1, column 1");
        assertThatThrownBy(() -> SaliencyShare.of(onePixel(0, 1), new byte[7]))
                .hasMessage("a 2x4 saliency map needs 8 labels, got 7");
        assertThatThrownBy(() -> SaliencyShare.of(onePixel(0, 1), new long[8], 1))
                .hasMessage("a 2x4 saliency map needs 8 labels from 1; the label array holds 8");
    }

    @Test
    void theCameraModelsMapsOnObjectsDrawnIntoTheCleanTracePutSomeMassOnThemAndNoneOnTheCleanOne() {
        Rollout clean = RecordedEpisodeTest.trace("clean");
        long seed = RecordedEpisode.of(clean).episodeSeed();
        SaliencyModel model = SaliencyModel.load(LoadedModel.load(RecordedEpisodeTest.ROOT.resolve(
                "sample-models/ncp-lanekeeping")));
        Rollout objects = new Perturbation.SampleWorld(Distractors.parse("objects,shadows").withSeed(seed))
                .apply(clean).rollout();
        List<Integer> steps = List.of(20, 60, 100);
        SaliencyShares before = SaliencyShares.measure(model, clean, new VisualBackPropMethod(), 0, steps);
        SaliencyShares after = SaliencyShares.measure(model, objects, new VisualBackPropMethod(), 0, steps);
        assertThat(before.steps()).isEqualTo(steps);
        assertThat(before.method()).isEqualTo("VisualBackPropMethod[]");
        for (SaliencyShare s : before.shares()) {
            assertThat(s.distractor()).isZero();
            assertThat(s.task()).isBetween(0.0, 1.0);
        }
        for (SaliencyShare s : after.shares()) {
            assertThat(s.distractor()).isBetween(0.0, 1.0);
            assertThat(s.distractor() + s.task()).isLessThanOrEqualTo(1 + 1e-12);
        }
        assertThat(after.meanDistractor()).isPositive();
        // the per-step helper is the one-map share at each step
        SaliencyMap map = new VisualBackPropMethod().map(model, objects, 60, 0);
        assertThat(after.shares().get(1)).isEqualTo(SaliencyShare.of(map, objects, 60));
        assertThatThrownBy(() -> SaliencyShares.measure(model, Rollout.ofInputs(clean.inputs()),
                new VisualBackPropMethod(), 0, steps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need the rollout's pixel labels");
        assertThatThrownBy(() -> SaliencyShare.of(map, objects, 600)).hasMessageContaining("step 600 is not one");
    }
}
