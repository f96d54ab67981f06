package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.head.ImageShape;
import io.liquidlens.io.DType;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Episode options for 8-bit frames (quantised before the driver looks) and expert action labels (DAgger). */
class FramesAndActionLabelsTest {
    private static final int EXPERT_COLUMN = Episode.WORLD_NAMES.indexOf("expert_action");
    private static final int EXECUTED_COLUMN = Episode.WORLD_NAMES.indexOf("executed_action");

    @TempDir
    Path dir;

    /** A camera double whose pixels spread the lateral offset (m) over values well outside [0, 1]. */
    private static final class OffsetCamera implements ImageSensor {
        @Override
        public ImageShape shape() {
            return new ImageShape(2, 2, 1);
        }

        @Override
        public CameraFrame render(RoadView road, Pose pose, Frenet where, int step, long seed) {
            float d = (float) where.d();
            return new CameraFrame(new float[] {d, 0.5f + d, 3 * d, 0.123456f + step * 0.01f}, new byte[4]);
        }
    }

    /** Steers a constant curvature and keeps a copy of every observation it was shown. */
    private static final class ConstantDriver implements Driver {
        final List<float[]> seen = new ArrayList<>();
        private final double action;

        ConstantDriver(double action) {
            this.action = action;
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        public int stateSize() {
            return 0;
        }

        @Override
        public void reset() {
            seen.clear();
        }

        @Override
        public double act(float[] observation, int offset, double expertAction) {
            seen.add(Arrays.copyOfRange(observation, offset, offset + 4));
            return action;
        }

        @Override
        public void state(float[] into, int offset) {
            // stateless
        }
    }

    @Test
    void theDefaultsAndTheOldConstructorKeepFloatFramesAndTheDriversActions() {
        EpisodeOptions old = new EpisodeOptions(10, CarSpec.defaults(), 0, 0.5, 0.1);
        assertThat(old).isEqualTo(EpisodeOptions.defaults(10));
        assertThat(old.frames()).isEqualTo(FrameStorage.FLOAT32);
        assertThat(old.actionLabel()).isEqualTo(ActionLabel.DRIVER);
        EpisodeOptions both = old.withFrames(FrameStorage.UINT8).withActionLabel(ActionLabel.EXPERT).withDart(0.01);
        assertThat(both.frames()).isEqualTo(FrameStorage.UINT8);
        assertThat(both.actionLabel()).isEqualTo(ActionLabel.EXPERT);
        assertThat(both.dartSigma()).isEqualTo(0.01);
    }

    @Test
    void expertLabelsHoldTheExpertsActionWhileTheDriversActionIsExecuted() {
        EpisodeOptions options = EpisodeOptions.defaults(60).withActionLabel(ActionLabel.EXPERT);
        long seed = EpisodeSeeds.episodeSeed(4, 0, false);
        Rollout labelled = new Episode(options, new VectorSensor(0, 0, 0)).run(seed, new ConstantDriver(0.01), true)
                .rollout();
        Rollout own = new Episode(EpisodeOptions.defaults(60), new VectorSensor(0, 0, 0))
                .run(seed, new ConstantDriver(0.01), true).rollout();

        float[] actions = labelled.actions().toFloatArray();
        float[] world = labelled.world().toFloatArray();
        int k = Episode.WORLD_NAMES.size();
        for (int t = 0; t < actions.length; t++) {
            assertThat(actions[t]).as("step %d", t).isEqualTo(world[t * k + EXPERT_COLUMN]);
            assertThat(world[t * k + EXECUTED_COLUMN]).as("the constant driver steers").isEqualTo(0.01f);
        }
        assertThat(own.actions().toFloatArray()).containsOnly(0.01f);
        assertThat(actions).isNotEqualTo(own.actions().toFloatArray());
        // only the label changes: the drive is the same
        assertThat(labelled.world()).isEqualTo(own.world());
        assertThat(labelled.inputs()).isEqualTo(own.inputs());
    }

    @Test
    void eightBitFramesAreClippedAndRoundedBeforeTheDriverSeesThem() {
        long seed = EpisodeSeeds.episodeSeed(9, 1, false);
        CameraSensor camera = new CameraSensor(new OffsetCamera());
        ConstantDriver floatDriver = new ConstantDriver(0.02);
        Rollout raw = new Episode(EpisodeOptions.defaults(30), camera).run(seed, floatDriver, true).rollout();
        ConstantDriver byteDriver = new ConstantDriver(0.02);
        Rollout quantised = new Episode(EpisodeOptions.defaults(30).withFrames(FrameStorage.UINT8), camera)
                .run(seed, byteDriver, true).rollout();

        float[] exact = raw.inputs().toFloatArray();
        float[] seen = quantised.inputs().toFloatArray();
        boolean clipped = false;
        for (int i = 0; i < exact.length; i++) {
            long k = Math.round(Math.max(0, Math.min(1, (double) exact[i])) * 255);
            clipped |= exact[i] < 0 || exact[i] > 1;
            assertThat(seen[i]).as("value %d (%s)", i, exact[i]).isEqualTo(k / 255f);
        }
        assertThat(clipped).as("the double's pixels leave [0, 1]").isTrue();
        for (int t = 0; t < 30; t++) {
            assertThat(byteDriver.seen.get(t)).as("what the driver saw at step %d", t)
                    .containsExactly(Arrays.copyOfRange(seen, 4 * t, 4 * t + 4));
        }
        assertThat(quantised.inputs().dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void recordStoresEightBitFramesAsUint8ThatReadBackAsWhatTheDriverSaw() {
        Episode episode = new Episode(EpisodeOptions.defaults(25).withFrames(FrameStorage.UINT8),
                new CameraSensor(new OffsetCamera()));
        ConstantDriver driver = new ConstantDriver(-0.01);
        Episodes.record(episode, driver, 3, 1, false, dir, null);
        Path file = dir.resolve(Episodes.fileName(0));

        assertThat(Npz.read(file).get("inputs").dtype()).isEqualTo(DType.UINT8);
        Rollout r = Rollouts.read(file);
        assertThat(r.inputs().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.inputs().shape()).containsExactly(25, 2, 2, 1);
        float[] read = r.inputs().toFloatArray();
        for (int t = 0; t < 25; t++) {
            assertThat(Arrays.copyOfRange(read, 4 * t, 4 * t + 4)).as("step %d", t)
                    .containsExactly(driver.seen.get(t));
        }
    }

    @Test
    void eightBitFramesFromTheVectorSensorAreRefused() {
        EpisodeOptions options = EpisodeOptions.defaults(5).withFrames(FrameStorage.UINT8);
        assertThatThrownBy(() -> new Episode(options, new VectorSensor(0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera")
                .hasMessageContaining("vector");
    }

    @Test
    void unknownStorageAndLabelNamesListWhatIsAccepted() {
        assertThat(FrameStorage.parse("UINT8")).isEqualTo(FrameStorage.UINT8);
        assertThat(ActionLabel.parse("expert")).isEqualTo(ActionLabel.EXPERT);
        assertThatThrownBy(() -> FrameStorage.parse("float16")).isInstanceOf(LiquidLensException.class)
                .hasMessage("--frames 'float16': accepted: float32, uint8");
        assertThatThrownBy(() -> ActionLabel.parse("model")).isInstanceOf(LiquidLensException.class)
                .hasMessage("--actions 'model': accepted: driver, expert");
    }
}
