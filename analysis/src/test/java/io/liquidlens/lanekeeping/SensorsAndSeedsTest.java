package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.LiquidLensException;
import io.liquidlens.head.ImageShape;
import io.liquidlens.io.DType;
import io.liquidlens.io.Rollout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed streams, the vector sensor's channels (noise, spurious), the camera seam and the episode's arrays. */
class SensorsAndSeedsTest {

    @Test
    void trainingAndHeldOutSeedStreamsNeverMeet() {
        for (long seed = -3; seed <= 3; seed++) {
            for (int i = 0; i < 200; i++) {
                long train = EpisodeSeeds.episodeSeed(seed, i, false);
                long held = EpisodeSeeds.episodeSeed(seed, i, true);
                assertThat(EpisodeSeeds.isHeldOut(train)).isFalse();
                assertThat(EpisodeSeeds.isHeldOut(held)).isTrue();
            }
        }
        assertThat(EpisodeSeeds.episodeSeed(1, 0, false)).isNotEqualTo(EpisodeSeeds.episodeSeed(1, 1, false))
                .isNotEqualTo(EpisodeSeeds.episodeSeed(2, 0, false));
    }

    @Test
    void theVectorSensorReadsScaledWorldStateAndNamesItsChannels() {
        VectorSensor clean = new VectorSensor(0, 2, 1);
        assertThat(clean.featureNames()).containsExactly("d_lane", "mu", "kappa", "noise_1", "noise_2", "spurious_1");
        Road road = new Road(RoadSpec.defaults(200, 1));
        Pose pose = road.pointAt(50, 0.875);
        Frenet where = road.toFrenet(pose.x(), pose.y(), 50);
        Pose turned = new Pose(pose.x(), pose.y(), pose.heading() + 0.05);
        WorldState w = WorldState.of(road, turned, where);
        float[] v = new float[6];
        clean.observe(new SensorContext(road, turned, where, w, 7, 42, 0.02), v, 0, null, 0);
        assertThat(v[0]).isCloseTo(0.5f, within(1e-6f)); // 0.875 m of a 1.75 m half-width
        assertThat(v[1]).isCloseTo((float) (0.05 / VectorSensor.MU_SCALE), within(1e-6f));
        assertThat(v[2]).isCloseTo((float) (road.curvatureAt(50) * 15), within(1e-6f));
    }

    @Test
    void theLaneOffsetChannelIsTheWorldColumnOfItsNameNotTheOffsetInMetres() {
        VectorSensor sensor = new VectorSensor(0, 0, 0);
        Rollout r = new Episode(EpisodeOptions.defaults(300), sensor)
                .run(EpisodeSeeds.episodeSeed(4, 0, true), new ExpertDriver(), true).rollout();
        String name = sensor.featureNames().get(0);
        int column = r.worldNames().indexOf(name);
        assertThat(column).as("a world column named " + name).isNotNegative();
        float[] x = r.inputs().toFloatArray();
        float[] world = r.world().toFloatArray();
        int k = r.worldNames().size();
        int metres = r.worldNames().indexOf("d");
        double apartFromMetres = 0;
        for (int t = 0; t < r.steps(); t++) {
            assertThat(x[t * 3]).as("step " + t).isEqualTo(world[t * k + column]);
            apartFromMetres = Math.max(apartFromMetres, Math.abs(x[t * 3] - world[t * k + metres]));
        }
        assertThat(apartFromMetres).as("the world's d is in metres").isGreaterThan(0.01);
    }

    @Test
    void aModelNamingTheLaneOffsetByItsEarlierNameStillReadsTheVectorSensor() {
        VectorSensor sensor = new VectorSensor(0, 2, 1);
        assertThat(sensor.readsAsNamed(sensor.featureNames())).isTrue();
        assertThat(sensor.readsAsNamed(List.of("d", "mu", "kappa", "noise_1", "noise_2", "spurious_1"))).isTrue();
        assertThat(sensor.readsAsNamed(List.of("d_lane", "mu", "kappa", "noise_1", "noise_2", "spurious_2")))
                .isFalse();
        assertThat(sensor.readsAsNamed(List.of("mu", "d", "kappa", "noise_1", "noise_2", "spurious_1"))).isFalse();
        assertThat(sensor.readsAsNamed(List.of("d", "mu", "kappa"))).isFalse();
    }

    @Test
    void theSpuriousChannelTracksTheActionOnlyInTrainingEpisodes() {
        VectorSensor sensor = new VectorSensor(0, 1, 1);
        Episode episode = new Episode(EpisodeOptions.defaults(800), sensor);
        Rollout train = episode.run(EpisodeSeeds.episodeSeed(5, 0, false), new ExpertDriver(), true).rollout();
        Rollout held = episode.run(EpisodeSeeds.episodeSeed(5, 0, true), new ExpertDriver(), true).rollout();
        assertThat(correlation(train, 4)).as("spurious vs action, training").isGreaterThan(0.9);
        assertThat(Math.abs(correlation(held, 4))).as("spurious vs action, held out").isLessThan(0.15);
        assertThat(Math.abs(correlation(train, 3))).as("noise channel vs action").isLessThan(0.15);
    }

    private static double correlation(Rollout r, int channel) {
        float[] x = r.inputs().toFloatArray();
        float[] a = r.actions().toFloatArray();
        int s = r.inputs().dim(1);
        int n = a.length;
        double mx = 0;
        double ma = 0;
        for (int t = 0; t < n; t++) {
            mx += x[t * s + channel];
            ma += a[t];
        }
        mx /= n;
        ma /= n;
        double sxa = 0;
        double sxx = 0;
        double saa = 0;
        for (int t = 0; t < n; t++) {
            double dx = x[t * s + channel] - mx;
            double da = a[t] - ma;
            sxa += dx * da;
            sxx += dx * dx;
            saa += da * da;
        }
        return sxa / Math.sqrt(sxx * saa);
    }

    @Test
    void noiseOfTheGivenVarianceIsAddedToTheStateChannels() {
        Episode clean = new Episode(EpisodeOptions.defaults(2000), new VectorSensor(0, 0, 0));
        Episode noisy = new Episode(EpisodeOptions.defaults(2000), new VectorSensor(0.2, 0, 0));
        long seed = EpisodeSeeds.episodeSeed(8, 0, true);
        float[] a = clean.run(seed, new ExpertDriver(), true).rollout().inputs().toFloatArray();
        float[] b = noisy.run(seed, new ExpertDriver(), true).rollout().inputs().toFloatArray();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (b[i] - a[i]) * (double) (b[i] - a[i]);
        }
        assertThat(sum / a.length).isCloseTo(0.2, within(0.02));
    }

    @Test
    void episodesReproduceBitForBitAndWriteTheDocumentedArrays() {
        Episode episode = new Episode(EpisodeOptions.defaults(50).withDart(0.02), new VectorSensor(0.1, 2, 1));
        long seed = EpisodeSeeds.episodeSeed(12, 3, false);
        Rollout a = episode.run(seed, new ExpertDriver(), true).rollout();
        Rollout b = episode.run(seed, new ExpertDriver(), true).rollout();
        assertThat(b.inputs()).isEqualTo(a.inputs());
        assertThat(b.world()).isEqualTo(a.world());
        assertThat(a.inputs().shape()).containsExactly(50, 6);
        assertThat(a.actions().shape()).containsExactly(50, 1);
        assertThat(a.world().shape()).containsExactly(50, Episode.WORLD_NAMES.size());
        assertThat(a.worldNames()).containsExactly("d", "d_lane", "mu", "kappa", "s", "x", "y", "expert_action",
                "executed_action", "crash");
        assertThat(a.position().shape()).containsExactly(50, 2);
        assertThat(a.states()).isNull();
        assertThat(a.labels()).isNull();
        assertThat(a.timespans()).isNull();
        // the car starts off-centre, about 10 m down the road
        float[] w = a.world().toFloatArray();
        assertThat(w[0]).isNotZero();
        assertThat(w[4]).isCloseTo(10f, within(0.01f));
    }

    /** A test double of the camera: a frame whose every pixel holds the lateral offset, labelled road or not. */
    private static final class OffsetCamera implements ImageSensor {
        @Override
        public ImageShape shape() {
            return new ImageShape(2, 3, 1);
        }

        @Override
        public CameraFrame render(RoadView road, Pose pose, Frenet where, int step, long seed) {
            float[] px = new float[6];
            byte[] labels = new byte[6];
            for (int i = 0; i < 6; i++) {
                px[i] = (float) where.d();
                labels[i] = (byte) (i < 3 ? 0 : 1);
            }
            return new CameraFrame(px, labels);
        }
    }

    @Test
    void aCameraSensorFillsImageInputsAndUint8Labels() {
        Episode episode = new Episode(EpisodeOptions.defaults(20), new CameraSensor(new OffsetCamera()));
        Rollout r = episode.run(EpisodeSeeds.episodeSeed(1, 0, false), new ExpertDriver(), true).rollout();
        assertThat(r.inputs().shape()).containsExactly(20, 2, 3, 1);
        assertThat(r.labels().shape()).containsExactly(20, 2, 3);
        assertThat(r.labels().dtype()).isEqualTo(DType.UINT8);
        assertThat(r.labels().toLongArray()).startsWith(0, 0, 0, 1, 1, 1, 0);
        assertThat(r.inputs().toFloatArray()[7]).isEqualTo(r.world().toFloatArray()[Episode.WORLD_NAMES.size()]);
    }

    @Test
    void sensorNamesAndDistractorsAreCheckedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Sensors.create("lidar", SensorOptions.clean()))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("vector, camera");
        assertThatThrownBy(() -> Sensors.create("vector", new SensorOptions(0, Sensors.parseDistractors("shadows"))))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("noise-channels").hasMessageContaining("spurious");
        assertThatThrownBy(() -> Sensors.create("camera", new SensorOptions(0, Sensors.parseDistractors("spurious"))))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("objects, shadows, brightness, occlusion");
        assertThatThrownBy(() -> Sensors.create("camera", new SensorOptions(2.0, List.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("noise");
        assertThatThrownBy(() -> Sensors.parseDistractors("spurious:0")).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new SensorOptions(-0.1, List.of())).hasMessageContaining("variance");
        assertThat(Sensors.create("vector", new SensorOptions(0, Sensors.parseDistractors("noise-channels:3,spurious")))
                .featureNames()).hasSize(7);
    }
}
