package io.liquidlens.causal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Camera;
import io.liquidlens.lanekeeping.CameraSpec;
import io.liquidlens.lanekeeping.CarSpec;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Frenet;
import io.liquidlens.lanekeeping.Pose;
import io.liquidlens.lanekeeping.Road;
import java.util.Arrays;
import java.util.List;

/**
 * The sample-world episode a camera rollout was recorded from ({@code liquidlens record}), rebuilt from the
 * rollout alone: the road from the provenance's {@code options.episode_seed}, {@code steps} and {@code speed}
 * (as {@code Episode.run} builds it), the default camera with the episode seed as its scenery seed (as the
 * sample world's camera sensor makes it), and the car's pose at each step from the recorded {@code world}
 * columns x, y, s and mu (heading = the road's heading at the car's foot point + mu).
 *
 * <p>The recorded x, y, s and mu are float32, so a rebuilt pose is within a few hundredths of a millimetre
 * of the driven one, not equal to it: a re-rendered frame matches the recorded one to rounding, not bit for
 * bit (see {@code SampleWorld}).
 */
public final class RecordedEpisode {
    private static final String NEEDS = "objects and shadows need a rollout recorded by the sample world"
            + " (liquidlens record: a provenance with options.episode_seed and world columns x, y, s, mu)";
    private static final List<String> COLUMNS = List.of("x", "y", "s", "mu");

    private final long episodeSeed;
    private final boolean eightBit;
    private final Road road;
    private final CameraSpec spec;
    private final double dt;
    private final float[] world;
    private final int columns;
    private final int[] column = new int[COLUMNS.size()];

    private RecordedEpisode(Rollout rollout, JsonNode options) {
        episodeSeed = Long.parseLong(options.get("episode_seed").asText());
        eightBit = "uint8".equals(options.path("frames").asText());
        int steps = options.has("steps") ? Integer.parseInt(options.get("steps").asText()) : rollout.steps();
        CarSpec car = options.has("speed")
                ? CarSpec.defaults().withSpeed(Double.parseDouble(options.get("speed").asText())) : CarSpec.defaults();
        road = new Road(EpisodeOptions.defaults(steps).withCar(car).road(episodeSeed));
        // the sample world's camera sensor times its frames with the default car's period (Sensors.camera)
        dt = CarSpec.defaults().dt();
        spec = CameraSpec.defaults();
        int[] shape = rollout.inputs().shape();
        if (shape[1] != spec.height() || shape[2] != spec.width() || shape[3] != spec.channels()) {
            throw new IllegalArgumentException(NEEDS + "; its frames are " + Arrays.toString(shape)
                    + ", the sample world's camera draws " + spec.height() + "x" + spec.width() + "x" + spec.channels());
        }
        world = rollout.world().toFloatArray();
        columns = rollout.world().dim(1);
        for (int j = 0; j < COLUMNS.size(); j++) {
            column[j] = rollout.worldNames().indexOf(COLUMNS.get(j));
        }
    }

    /**
     * The episode {@code rollout} was recorded from.
     *
     * @throws IllegalArgumentException (one line) when the rollout has no camera frames, no sample-world
     *                                  provenance or no world columns x, y, s and mu
     */
    public static RecordedEpisode of(Rollout rollout) {
        if (!rollout.isImage()) {
            throw new IllegalArgumentException(NEEDS + "; this rollout's inputs are "
                    + Arrays.toString(rollout.inputs().shape()) + ", not camera frames (T, H, W, C)");
        }
        NdArray provenance = rollout.extras().get("provenance");
        if (provenance == null || provenance.size() != 1) {
            throw new IllegalArgumentException(NEEDS + "; this rollout has no provenance");
        }
        JsonNode options;
        try {
            options = new ObjectMapper().readTree(provenance.toStringArray()[0]).path("options");
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(NEEDS + "; its provenance is not JSON");
        }
        if (!options.has("episode_seed") || !"camera".equals(options.path("sensor").asText("camera"))) {
            throw new IllegalArgumentException(NEEDS + "; its provenance has no options.episode_seed of a camera run");
        }
        if (rollout.world() == null || rollout.world().dim(0) != rollout.steps()
                || !rollout.worldNames().containsAll(COLUMNS)) {
            throw new IllegalArgumentException(NEEDS + "; this rollout has world columns " + rollout.worldNames());
        }
        try {
            return new RecordedEpisode(rollout, options);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NEEDS + "; its provenance options are not numbers: " + e.getMessage());
        }
    }

    /** The episode's seed: the sample world's camera draws its scenery and distractors from it. */
    public long episodeSeed() {
        return episodeSeed;
    }

    /** Whether the recording stored 8-bit frames (provenance {@code options.frames = uint8}). */
    public boolean eightBit() {
        return eightBit;
    }

    /** The rebuilt road. */
    public Road road() {
        return road;
    }

    /**
     * The sample world's camera on this road drawing {@code distractors}: a scenery seed of the episode
     * seed, as the recording's camera had.
     */
    public Camera camera(Distractors distractors) {
        return new Camera(spec, road, distractors, episodeSeed);
    }

    /** The car's road coordinates at step {@code t}. */
    public Frenet where(int t) {
        return road.toFrenet(value(t, 0), value(t, 1), value(t, 2));
    }

    /** The car's pose at step {@code t}: the recorded position, heading the road's at its foot point plus mu. */
    public Pose pose(int t) {
        return new Pose(value(t, 0), value(t, 1), where(t).heading() + value(t, 3));
    }

    /**
     * Renders step {@code t} with {@code camera} (from {@link #camera}) exactly as the sample world's camera
     * sensor does: from the step's pose, at time {@code t * dt}, frame number {@code t}; not quantised.
     */
    public void render(Camera camera, int t, float[] pixels, byte[] labels) {
        Frenet where = where(t);
        Pose pose = new Pose(value(t, 0), value(t, 1), where.heading() + value(t, 3));
        camera.render(pose, where.s(), t * dt, t, pixels, labels);
    }

    private double value(int t, int which) {
        return world[t * columns + column[which]];
    }
}
