package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.LiquidLensException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScreenDistractorsTest {
    private static final int H = 32;
    private static final int W = 96;
    private static final int C = 3;

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 0.3})
    void unclippedNoiseHasTheRequestedVarianceOnAConstantImage(double variance) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (long frame = 0; frame < 10; frame++) {
            float[] image = constant(0.5f);
            ScreenDistractors.apply(Distractors.none().withNoise(variance), frame, image, 0, null, 0, H, W, C);
            for (float v : image) {
                double e = v - 0.5;
                sum += e;
                squares += e * e;
                n++;
            }
        }
        double mean = sum / n;
        double measured = squares / n - mean * mean;
        // Standard error of a variance estimate from n normal draws: variance * sqrt(2 / n), about 0.5 % here.
        assertThat(measured).isCloseTo(variance, within(0.03 * variance));
        assertThat(mean).isCloseTo(0, within(4 * Math.sqrt(variance / n)));
    }

    @Test
    void clippedNoiseStaysInTheUnitRangeAndLosesVariance() {
        float[] image = constant(0.5f);
        ScreenDistractors.apply(new Distractors(0, 0, 0.3, 0, 0, true, 0), 1, image, 0, null, 0, H, W, C);
        double squares = 0;
        for (float v : image) {
            assertThat(v).isBetween(0f, 1f);
            squares += (v - 0.5) * (v - 0.5);
        }
        assertThat(squares / image.length).isLessThan(0.2);
    }

    @Test
    void theSameSeedGivesTheSameFrameAndAnotherSeedAnother() {
        Distractors all = Distractors.all();
        float[] a = constant(0.4f);
        float[] b = constant(0.4f);
        float[] c = constant(0.4f);
        byte[] la = new byte[H * W];
        byte[] lb = new byte[H * W];
        ScreenDistractors.apply(all, 5, a, 0, la, 0, H, W, C);
        ScreenDistractors.apply(all, 5, b, 0, lb, 0, H, W, C);
        ScreenDistractors.apply(all, 6, c, 0, null, 0, H, W, C);
        assertThat(a).containsExactly(b);
        assertThat(la).containsExactly(lb);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @Test
    void noiseDrawsTheSameValuesWhateverElseIsSwitchedOn() {
        float[] noiseOnly = constant(0.5f);
        float[] withBrightness = constant(0.5f);
        ScreenDistractors.apply(Distractors.parse("noise"), 9, noiseOnly, 0, null, 0, H, W, C);
        ScreenDistractors.apply(Distractors.parse("noise,brightness=0.0001"), 9, withBrightness, 0, null, 0, H, W, C);
        for (int i = 0; i < noiseOnly.length; i++) {
            assertThat(withBrightness[i]).isCloseTo(noiseOnly[i], within(2e-4f));
        }
    }

    @Test
    void occlusionPatchesAreSolidRectanglesLabelledAsDistractors() {
        for (long seed = 0; seed < 20; seed++) {
            float[] image = constant(0.5f);
            byte[] labels = new byte[H * W];
            ScreenDistractors.apply(Distractors.parse("occlusion=1"), seed, image, 0, labels, 0, H, W, C);
            int minR = H;
            int maxR = -1;
            int minC = W;
            int maxC = -1;
            int count = 0;
            for (int p = 0; p < H * W; p++) {
                if (labels[p] == Labels.DISTRACTOR) {
                    minR = Math.min(minR, p / W);
                    maxR = Math.max(maxR, p / W);
                    minC = Math.min(minC, p % W);
                    maxC = Math.max(maxC, p % W);
                    count++;
                    for (int k = 0; k < C; k++) {
                        assertThat(image[p * C + k]).isEqualTo(image[(minR * W + minC) * C + k]);
                    }
                } else {
                    assertThat(labels[p]).isZero();
                    assertThat(image[p * C]).isEqualTo(0.5f);
                }
            }
            assertThat(count).as("a filled rectangle").isEqualTo((maxR - minR + 1) * (maxC - minC + 1));
            assertThat(maxC - minC + 1).isBetween((int) (0.08 * W) - 1, (int) (0.30 * W) + 1);
            assertThat(maxR - minR + 1).isBetween((int) (0.15 * H) - 1, (int) (0.45 * H) + 1);
        }
    }

    @Test
    void brightnessIsOneGainAndOffsetForTheWholeFrameAndLeavesLabelsAlone() {
        float[] image = new float[H * W * C];
        for (int i = 0; i < image.length; i++) {
            image[i] = 0.2f + 0.5f * i / image.length;
        }
        float[] before = image.clone();
        byte[] labels = new byte[H * W];
        Arrays.fill(labels, Labels.ROAD);
        ScreenDistractors.apply(Distractors.parse("brightness=0.5"), 3, image, 0, labels, 0, H, W, C);
        double gain = (image[image.length - 1] - image[0]) / (before[before.length - 1] - before[0]);
        double offset = image[0] - gain * before[0];
        assertThat(gain).isBetween(0.5, 1.5).isNotCloseTo(1, within(1e-3));
        assertThat(offset).isBetween(-0.125, 0.125);
        for (int i = 0; i < image.length; i++) {
            assertThat(image[i]).isCloseTo((float) Math.min(1, Math.max(0, gain * before[i] + offset)),
                    within(1e-5f));
        }
        assertThat(labels).containsOnly(Labels.ROAD);
    }

    @Test
    void appliesAtAnOffsetWithoutTouchingNeighbouringFrames() {
        float[] two = new float[2 * H * W * C];
        byte[] labels = new byte[2 * H * W];
        ScreenDistractors.apply(Distractors.all(), 1, two, H * W * C, labels, H * W, H, W, C);
        for (int i = 0; i < H * W * C; i++) {
            assertThat(two[i]).isZero();
        }
        assertThatThrownBy(() -> ScreenDistractors.apply(Distractors.all(), 1, two, H * W * C + 1, null, 0, H, W, C))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("does not fit");
    }

    private static float[] constant(float v) {
        float[] image = new float[H * W * C];
        Arrays.fill(image, v);
        return image;
    }
}
