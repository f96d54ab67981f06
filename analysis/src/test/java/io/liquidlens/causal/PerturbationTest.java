package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.ScreenDistractors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PerturbationTest {
    private static final Path ROOT = Stream.of(Path.of(".."), Path.of("."))
            .filter(p -> Files.isRegularFile(p.resolve("sample-models/ncp-lanekeeping/model.json")))
            .findFirst().orElseThrow();

    private static Rollout cameraEpisode() {
        return Rollouts.read(ROOT.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
    }

    /** T frames of h x w x 3, every value 0.5. */
    private static Rollout grey(int t, int h, int w) {
        float[] x = new float[t * h * w * 3];
        Arrays.fill(x, 0.5f);
        return Rollout.ofInputs(NdArray.ofFloats(new int[] {t, h, w, 3}, x));
    }

    @Test
    void theSameSeedGivesTheSameFramesWhateverTheCallAndEachFrameIsTheCamerasNoise() {
        Rollout clean = cameraEpisode();
        float[] a = new Perturbation.PixelNoise(0.1, 7).apply(clean).rollout().inputs().toFloatArray();
        float[] b = new Perturbation.PixelNoise(0.1, 7).apply(clean).rollout().inputs().toFloatArray();
        float[] other = new Perturbation.PixelNoise(0.1, 8).apply(clean).rollout().inputs().toFloatArray();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(other);
        // frame t depends on (seed, t) only: the sample world's camera, given seed 7, draws the same values
        int size = clean.featuresPerStep();
        for (int t : List.of(0, 5, clean.steps() - 1)) {
            float[] frame = Arrays.copyOfRange(clean.inputs().toFloatArray(), t * size, (t + 1) * size);
            int[] hwc = Arrays.copyOfRange(clean.inputs().shape(), 1, 4);
            ScreenDistractors.apply(Distractors.none().withNoise(0.1), ScreenDistractors.frameSeed(7, t), frame, 0,
                    null, 0, hwc[0], hwc[1], hwc[2]);
            assertThat(Arrays.copyOfRange(a, t * size, (t + 1) * size)).isEqualTo(frame);
        }
    }

    @Test
    void varianceZeroChangesNothing() {
        Rollout clean = cameraEpisode();
        PerturbedRollout none = new Perturbation.PixelNoise(0, 3).apply(clean);
        assertThat(none.rollout().inputs()).isEqualTo(clean.inputs());
        assertThat(none.changed().toBooleanArray()).doesNotContain(true);
    }

    @Test
    void pixelNoiseHasTheStatedMeanAndVarianceAndIsClippedOnlyWhenAsked() {
        Rollout clean = grey(4, 64, 64);
        float[] noisy = new Perturbation.PixelNoise(0.1, 5).apply(clean).rollout().inputs().toFloatArray();
        double mean = Arrays.stream(toDoubles(noisy)).map(v -> v - 0.5).average().orElseThrow();
        double var = Arrays.stream(toDoubles(noisy)).map(v -> (v - 0.5 - mean) * (v - 0.5 - mean)).average()
                .orElseThrow();
        assertThat(mean).isCloseTo(0, within(0.005));
        assertThat(var).isCloseTo(0.1, within(0.003));
        assertThat(Arrays.stream(toDoubles(noisy)).max().orElseThrow()).isGreaterThan(1); // not clipped

        float[] clipped = new Perturbation.PixelNoise(0.1, true, 5).apply(clean).rollout().inputs().toFloatArray();
        assertThat(Arrays.stream(toDoubles(clipped)).allMatch(v -> v >= 0 && v <= 1)).isTrue();
    }

    @Test
    void brightnessAndOcclusionMarkWhatTheyChanged() {
        Rollout clean = grey(3, 20, 30);
        PerturbedRollout bright = new Perturbation.Brightness(0.7).apply(clean);
        assertThat(bright.rollout().inputs().toFloatArray()).containsOnly(1f);
        assertThat(bright.changedCount(1)).isEqualTo(600);

        PerturbedRollout patch = new Perturbation.OcclusionPatch(6, 0, 9).apply(clean);
        assertThat(patch.changed().shape()).containsExactly(3, 20, 30);
        for (int t = 0; t < 3; t++) {
            assertThat(patch.changedCount(t)).isEqualTo(36);
        }
        assertThat(patch.rollout().inputs()).isEqualTo(new Perturbation.OcclusionPatch(6, 0, 9).apply(clean)
                .rollout().inputs());
        assertThatThrownBy(() -> new Perturbation.OcclusionPatch(21, 0, 9).apply(clean))
                .hasMessage("occlusion patch of 21 pixels does not fit a 20x30 frame");
    }

    @Test
    void channelNoiseTouchesOnlyTheListedChannelsOfVectorInputs() {
        float[] x = new float[10 * 4];
        Rollout clean = Rollout.ofInputs(NdArray.ofFloats(new int[] {10, 4}, x));
        Perturbation noise = new Perturbation.ChannelNoise(List.of(1, 3), 0.5, 2);
        PerturbedRollout p = noise.apply(clean);
        boolean[] changed = p.changed().toBooleanArray();
        for (int t = 0; t < 10; t++) {
            assertThat(new boolean[] {changed[4 * t], changed[4 * t + 1], changed[4 * t + 2], changed[4 * t + 3]})
                    .containsExactly(false, true, false, true);
        }
        assertThat(p.rollout().inputs()).isEqualTo(noise.apply(clean).rollout().inputs());
        assertThatThrownBy(() -> new Perturbation.ChannelNoise(List.of(4), 0.5, 2).apply(clean))
                .hasMessage("channel 4 is not one of the inputs' 4 channels (0..3)");
        assertThatThrownBy(() -> new Perturbation.PixelNoise(0.1, 1).apply(clean))
                .hasMessage("this perturbation needs camera frames (T, H, W, C), got inputs [10, 4]");
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
