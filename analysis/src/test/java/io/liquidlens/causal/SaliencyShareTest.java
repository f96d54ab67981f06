package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.InputRole;
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

    private static SaliencyShare share(SaliencyMap map, byte[] frame) {
        long[] classes = new long[frame.length];
        for (int p = 0; p < frame.length; p++) {
            classes[p] = frame[p];
        }
        return SaliencyShare.of(map, FrameLabels.everyStep(classes), 0);
    }

    @Test
    void allMassOnOneLabelledPixelIsAShareOfOneForItsClass() {
        assertThat(share(onePixel(3, 0.7), LABELS)).isEqualTo(new SaliencyShare(1, 0, 0.7));
        assertThat(share(onePixel(1, 2), LABELS)).isEqualTo(new SaliencyShare(0, 1, 2));
        // a lane marking is part of the task
        assertThat(share(onePixel(2, 1), LABELS).task()).isEqualTo(1.0);
        SaliencyShare background = share(onePixel(7, 1), LABELS);
        assertThat(background.distractor()).isZero();
        assertThat(background.task()).isZero();
        assertThat(background.background()).isEqualTo(1.0);
    }

    @Test
    void aUniformMapSharesByPixelFractionAndScaleDoesNotMatter() {
        double[] ones = new double[8];
        Arrays.fill(ones, 3.5);
        SaliencyShare s = share(new SaliencyMap(2, 4, ones), LABELS);
        assertThat(s.distractor()).isCloseTo(2 / 8.0, within(1e-15));
        assertThat(s.task()).isCloseTo(4 / 8.0, within(1e-15));
        assertThat(s.background()).isCloseTo(2 / 8.0, within(1e-15));
        assertThat(s.total()).isEqualTo(28.0);
        // mass split 1 : 3 between a distractor and a road pixel
        SaliencyShare split = share(new SaliencyMap(2, 4, new double[] {0, 0, 0, 1, 0, 3, 0, 0}), LABELS);
        assertThat(split.distractor()).isEqualTo(0.25);
        assertThat(split.task()).isEqualTo(0.75);
    }

    @Test
    void aZeroMapHasNoSharesSoItsSharesAreNaN() {
        SaliencyShare none = share(new SaliencyMap(2, 4, new double[8]), LABELS);
        assertThat(none.defined()).isFalse();
        assertThat(none.distractor()).isNaN();
        assertThat(none.task()).isNaN();
        assertThat(none.total()).isZero();
        assertThat(share(onePixel(3, 1), LABELS).defined()).isTrue();
    }

    @Test
    void negativeValuesAndLabelsOfAnotherSizeGiveOneLine() {
        assertThatThrownBy(() -> share(onePixel(5, -1), LABELS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saliency share needs a map of values >= 0, got -1.0 at row 1, column 1");
        assertThatThrownBy(() -> share(onePixel(0, 1), new byte[7]))
                .hasMessage("a 2x4 saliency map needs 8 labels per step, the labels have 7");
    }

    @Test
    void theCameraModelsMapsOnObjectsDrawnIntoTheCleanTracePutSomeMassOnThemAndNoneOnTheCleanOne() {
        Rollout clean = RecordedEpisodeTest.trace("clean");
        long seed = RecordedEpisode.of(clean).episodeSeed();
        LoadedModel model = LoadedModel.load(RecordedEpisodeTest.ROOT.resolve("sample-models/ncp-lanekeeping"));
        FrameSaliency vbp = FrameSaliency.of(model, SaliencySpec.of(SaliencyChoice.VBP), 0, 0);
        Rollout objects = new Perturbation.SampleWorld(Distractors.parse("objects,shadows").withSeed(seed))
                .apply(clean).rollout();
        FrameLabels cleanLabels = FrameLabels.of(clean.labels());
        FrameLabels objectLabels = FrameLabels.of(objects.labels());
        double onObjects = 0;
        for (int step : List.of(20, 60, 100)) {
            SaliencyShare before = SaliencyShare.of(vbp.map(clean, step), cleanLabels, step);
            SaliencyShare after = SaliencyShare.of(vbp.map(objects, step), objectLabels, step);
            assertThat(before.distractor()).isZero();
            assertThat(before.task()).isBetween(0.0, 1.0);
            assertThat(after.distractor()).isBetween(0.0, 1.0);
            assertThat(after.distractor() + after.task()).isLessThanOrEqualTo(1 + 1e-12);
            onObjects += after.distractor();
        }
        assertThat(onObjects).isPositive();
    }

    @Test
    void aVectorMapIsSharedByTheRolesGivenToItsInputsOtherCountingAsBackground() {
        SaliencyMap map = new SaliencyMap(1, 4, new double[] {1, 3, 4, 2});
        List<InputRole> roles = List.of(InputRole.TASK, InputRole.DISTRACTOR, InputRole.OTHER, InputRole.DISTRACTOR);

        SaliencyShare share = SaliencyShare.ofInputs(map, roles);

        assertThat(share.task()).isCloseTo(0.1, within(1e-12));
        assertThat(share.distractor()).isCloseTo(0.5, within(1e-12));
        assertThat(share.background()).isCloseTo(0.4, within(1e-12));
        assertThat(SaliencyShare.ofInputs(map, List.of(InputRole.DISTRACTOR, InputRole.TASK, InputRole.OTHER,
                InputRole.TASK)).task()).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> SaliencyShare.ofInputs(map, roles.subList(0, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 4 labels");
    }
}
