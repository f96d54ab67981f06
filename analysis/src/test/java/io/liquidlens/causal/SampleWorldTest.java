package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.ByteFrames;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.Labels;
import io.liquidlens.lanekeeping.ScreenDistractors;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleWorldTest {
    private static Rollout clean;
    private static long seed;

    @BeforeAll
    static void read() {
        clean = RecordedEpisodeTest.trace("clean");
        seed = RecordedEpisode.of(clean).episodeSeed();
    }

    private static PerturbedRollout draw(String list) {
        return new Perturbation.SampleWorld(Distractors.parse(list).withSeed(seed)).apply(clean);
    }

    @Test
    void noDistractorsChangeNothingNotEvenTheLabels() {
        PerturbedRollout p = draw("none");
        assertThat(p.rollout().inputs().toFloatArray()).isEqualTo(clean.inputs().toFloatArray());
        assertThat(p.rollout().labels().toLongArray()).isEqualTo(clean.labels().toLongArray());
        assertThat(p.changed().toBooleanArray()).doesNotContain(true);
    }

    @Test
    void objectsChangeOnlyTheirOwnPixelsLabelOnlyThoseThreeAndKeepTheRecordedPixelsElsewhere() {
        PerturbedRollout p = draw("objects");
        float[] before = clean.inputs().toFloatArray();
        float[] after = p.rollout().inputs().toFloatArray();
        long[] recordedLabels = clean.labels().toLongArray();
        long[] labels = p.rollout().labels().toLongArray();
        boolean[] changed = p.changed().toBooleanArray();
        int newlyLabelled = 0;
        int changedCount = 0;
        int wrong = 0;
        for (int q = 0; q < labels.length; q++) {
            if (labels[q] != recordedLabels[q]) {
                // objects only ever add the distractor label, and only where they drew
                wrong += labels[q] == Labels.DISTRACTOR && changed[q] ? 0 : 1;
                newlyLabelled++;
            }
            if (changed[q]) {
                changedCount++;
                // a changed pixel the camera did not label a distractor is an object's edge covering less than
                // half of it (Canvas labels from half coverage): it keeps its recorded label
                wrong += labels[q] == Labels.DISTRACTOR || labels[q] == recordedLabels[q] ? 0 : 1;
            } else {
                for (int c = 0; c < 3; c++) {
                    wrong += after[3 * q + c] == before[3 * q + c] ? 0 : 1;
                }
            }
        }
        assertThat(wrong).isZero();
        assertThat(newlyLabelled).isGreaterThan(clean.steps() * 20);
        // most changed pixels are covered at least half (the sample trace: 46 of 58 thousand)
        assertThat(newlyLabelled).isGreaterThan(changedCount * 3 / 4);
        // 8-bit recording, 8-bit perturbation: every value is a level
        assertThat(notLevels(after)).isZero();
    }

    @Test
    void shadowsDarkenNeverBrightenAndEveryPixelTheyTouchIsLabelledADistractor() {
        PerturbedRollout p = draw("shadows");
        float[] before = clean.inputs().toFloatArray();
        float[] after = p.rollout().inputs().toFloatArray();
        long[] labels = p.rollout().labels().toLongArray();
        boolean[] changed = p.changed().toBooleanArray();
        int darker = 0;
        int brighter = 0;
        int unlabelled = 0;
        for (int q = 0; q < changed.length; q++) {
            for (int c = 0; c < 3; c++) {
                brighter += after[3 * q + c] <= before[3 * q + c] ? 0 : 1;
            }
            if (changed[q]) {
                unlabelled += labels[q] == Labels.DISTRACTOR ? 0 : 1;
                darker++;
            }
        }
        assertThat(brighter).isZero();
        assertThat(unlabelled).isZero();
        assertThat(darker).isGreaterThan(clean.steps() * 50);
    }

    @Test
    void theSameSeedGivesTheSameFramesAndAnotherSeedOtherObjects() {
        Distractors objects = Distractors.parse("objects,shadows,occlusion");
        Rollout start = firstSteps(clean, 40);
        PerturbedRollout a = new Perturbation.SampleWorld(objects.withSeed(5)).apply(start);
        PerturbedRollout b = new Perturbation.SampleWorld(objects.withSeed(5)).apply(start);
        PerturbedRollout other = new Perturbation.SampleWorld(objects.withSeed(6)).apply(start);
        assertThat(a.rollout().inputs().toFloatArray()).isEqualTo(b.rollout().inputs().toFloatArray());
        assertThat(a.rollout().labels().toLongArray()).isEqualTo(b.rollout().labels().toLongArray());
        assertThat(a.rollout().inputs().toFloatArray()).isNotEqualTo(other.rollout().inputs().toFloatArray());
    }

    /**
     * The objects trace was driven on the same road from the same start; its car reacts to the objects, so
     * from step 1 on its path differs from the clean run's (by 0.2 mm at step 1, 8 mm by step 8) and an
     * object's edge moves with it. At step 0 both cars stand at the same pose: the clean frame with the
     * objects drawn in is the objects trace's frame, value for value and label for label.
     */
    @Test
    void atTheSharedFirstStepTheCleanRunWithObjectsIsTheObjectsTrace() {
        for (String kind : new String[] {"objects", "shadows"}) {
            Rollout recorded = RecordedEpisodeTest.trace(kind);
            float[] world = recorded.world().toFloatArray();
            float[] cleanWorld = clean.world().toFloatArray();
            int k = recorded.worldNames().size();
            // d, d_lane, mu, kappa, s, x, y: the same pose (the actions taken there differ already)
            assertThat(Arrays.copyOfRange(world, 0, 7)).isEqualTo(Arrays.copyOfRange(cleanWorld, 0, 7));
            assertThat(Arrays.copyOfRange(world, k, k + 7)).isNotEqualTo(Arrays.copyOfRange(cleanWorld, k, k + 7));
            PerturbedRollout p = new Perturbation.SampleWorld(Distractors.parse(kind).withSeed(seed))
                    .apply(firstSteps(clean, 1));
            int size = clean.featuresPerStep();
            int pixels = size / 3;
            assertThat(Arrays.copyOfRange(p.rollout().inputs().toFloatArray(), 0, size))
                    .isEqualTo(Arrays.copyOfRange(recorded.inputs().toFloatArray(), 0, size));
            assertThat(Arrays.copyOfRange(p.rollout().labels().toLongArray(), 0, pixels))
                    .isEqualTo(Arrays.copyOfRange(recorded.labels().toLongArray(), 0, pixels));
            assertThat(p.changedCount(0)).isPositive();
        }
    }

    @Test
    void screenEffectsAreTheCamerasAndApplyToAnyCameraRolloutWithoutProvenance() {
        Rollout bare = Rollout.ofInputs(clean.inputs());
        Distractors screen = Distractors.parse("brightness,occlusion,noise=0.05").withSeed(9);
        PerturbedRollout p = new Perturbation.SampleWorld(screen).apply(bare);
        assertThat(p.rollout().labels()).isNull();
        int size = clean.featuresPerStep();
        float[] frames = clean.inputs().toFloatArray();
        float[] after = p.rollout().inputs().toFloatArray();
        for (int t : new int[] {0, 7, clean.steps() - 1}) {
            float[] frame = Arrays.copyOfRange(frames, t * size, (t + 1) * size);
            ScreenDistractors.apply(screen, ScreenDistractors.frameSeed(9, t), frame, 0, null, 0, 32, 96, 3);
            assertThat(Arrays.copyOfRange(after, t * size, (t + 1) * size)).isEqualTo(frame);
        }
        // on the 8-bit recording the occlusion patches are labelled and the frames stored as levels again
        PerturbedRollout recorded = new Perturbation.SampleWorld(screen).apply(clean);
        assertThat(recorded.rollout().labels().toLongArray()).contains((long) Labels.DISTRACTOR);
        assertThat(notLevels(recorded.rollout().inputs().toFloatArray())).isZero();
    }

    /** The first {@code n} steps of a recorded rollout, provenance included (it still names the whole run). */
    private static Rollout firstSteps(Rollout r, int n) {
        return new Rollout(slice(r.inputs(), n), null, null, null, slice(r.world(), n), r.worldNames(), null,
                slice(r.labels(), n), r.extras());
    }

    private static NdArray slice(NdArray a, int n) {
        int[] shape = a.shape();
        int per = a.size() / shape[0];
        shape[0] = n;
        if (a.dtype() == io.liquidlens.io.DType.UINT8) {
            return NdArray.ofLongs(a.dtype(), shape, Arrays.copyOf(a.toLongArray(), n * per));
        }
        return NdArray.ofFloats(shape, Arrays.copyOf(a.toFloatArray(), n * per));
    }

    private static int notLevels(float[] values) {
        int n = 0;
        for (float v : values) {
            n += ByteFrames.value(ByteFrames.level(v)) == v ? 0 : 1;
        }
        return n;
    }

    @Test
    void objectsOrShadowsOnARolloutTheSampleWorldDidNotRecordGiveOneLine() {
        Rollout bare = Rollout.ofInputs(clean.inputs());
        assertThatThrownBy(() -> new Perturbation.SampleWorld(Distractors.parse("shadows")).apply(bare))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("objects and shadows need a rollout recorded by the sample world (liquidlens record: a"
                        + " provenance with options.episode_seed and world columns x, y, s, mu); this rollout has no"
                        + " provenance");
        Rollout vector = Rollout.ofInputs(NdArray.ofFloats(new int[] {3, 4}, new float[12]));
        assertThatThrownBy(() -> new Perturbation.SampleWorld(Distractors.parse("objects")).apply(vector))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera frames (T, H, W, C)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new Perturbation.SampleWorld(Distractors.parse("brightness")).apply(vector))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("\n");
    }
}
