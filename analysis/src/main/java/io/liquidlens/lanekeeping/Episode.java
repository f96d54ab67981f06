package io.liquidlens.lanekeeping;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ByteFrames;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Drives one episode on a fresh road. Each step: the car's road coordinates and true state are taken, the
 * sensor observes, the expert decides what it would do, the driver acts, DART noise (if any) is added, the
 * car executes the (clamped) action; if the step ends outside the lane (|d| > lane half-width) that is a
 * crash, and the car is put back on the centreline at the same s, heading along the road, and drives on.
 * With {@link FrameStorage#UINT8} frames are quantised to k / 255 before the driver sees them; with
 * {@link ActionLabel#EXPERT} the kept {@code actions} are the expert's (the car still executes the driver's).
 */
public final class Episode {
    /** Names of the columns of the rollout's {@code world} array. */
    public static final List<String> WORLD_NAMES =
            List.of("d", "d_lane", "mu", "kappa", "s", "x", "y", "expert_action", "executed_action", "crash");

    private final EpisodeOptions options;
    private final Sensor sensor;
    private final Car car;
    private final Expert expert;

    /**
     * Episodes of the given options, observed by {@code sensor}.
     *
     * @throws IllegalArgumentException when the options ask for 8-bit frames from a sensor that gives no
     *                                  frames (only camera values live in [0, 1])
     */
    public Episode(EpisodeOptions options, Sensor sensor) {
        if (options.frames() == FrameStorage.UINT8 && sensor.shape().length != 3) {
            throw new IllegalArgumentException("8-bit frames are for camera frames in [0, 1]; the " + sensor.name()
                    + " sensor's values are stored as float32");
        }
        this.options = options;
        this.sensor = sensor;
        this.car = new Car(options.car());
        this.expert = Expert.forCar(options.car());
    }

    /** The options. */
    public EpisodeOptions options() {
        return options;
    }

    /** The sensor. */
    public Sensor sensor() {
        return sensor;
    }

    /**
     * Drives the episode seeded {@code episodeSeed} ({@link EpisodeSeeds}) with {@code driver}, which is reset
     * first.
     *
     * @param keepRollout also return the rollout (inputs, actions, world, position; labels for a camera;
     *                    states when the driver has any); its inputs are float32, also with 8-bit frames
     *                    (the quantised values the driver saw; {@link Episodes#record} stores them as uint8)
     * @throws LiquidLensException when the driver's action is not a finite number
     */
    public EpisodeResult run(long episodeSeed, Driver driver, boolean keepRollout) {
        Road road = new Road(options.road(episodeSeed));
        int steps = options.steps();
        int frameSize = sensor.size();
        int[] shape = sensor.shape();
        int cells = sensor.labelsPixels() ? shape[0] * shape[1] : 0;
        int n = driver.stateSize();
        int k = WORLD_NAMES.size();
        // the observation of the current step lives in row 0 unless the whole episode is kept
        float[] inputs = new float[(keepRollout ? steps : 1) * frameSize];
        byte[] labels = cells == 0 ? null : new byte[(keepRollout ? steps : 1) * cells];
        float[] actions = keepRollout ? new float[steps] : null;
        float[] states = keepRollout && n > 0 ? new float[steps * n] : null;
        float[] world = keepRollout ? new float[steps * k] : null;
        float[] position = keepRollout ? new float[steps * 2] : null;

        SplittableRandom start = new SplittableRandom(EpisodeSeeds.derive(episodeSeed, EpisodeSeeds.START, 0));
        double d0 = (2 * start.nextDouble() - 1) * options.maxStartOffset() * road.laneHalfWidth();
        double mu0 = (2 * start.nextDouble() - 1) * options.maxStartHeading();
        Pose begin = road.pointAt(EpisodeOptions.START_S, d0);
        Pose pose = new Pose(begin.x(), begin.y(), begin.heading() + mu0);
        double sHint = EpisodeOptions.START_S;

        SplittableRandom dartRng = new SplittableRandom(EpisodeSeeds.derive(episodeSeed, EpisodeSeeds.DART, 0));
        double rho = EpisodeOptions.DART_CORRELATION;
        double innovation = options.dartSigma() * Math.sqrt(1 - rho * rho);
        double dart = 0;
        double previousExpert = 0;

        boolean quantise = options.frames() == FrameStorage.UINT8;
        boolean expertLabels = options.actionLabel() == ActionLabel.EXPERT;
        driver.reset();
        int crashes = 0;
        double sumAbsD = 0;
        double maxAbsD = 0;
        double sumActionError = 0;
        for (int t = 0; t < steps; t++) {
            Frenet where = road.toFrenet(pose.x(), pose.y(), sHint);
            sHint = where.s();
            WorldState w = WorldState.of(road, pose, where);
            int row = keepRollout ? t : 0;
            sensor.observe(new SensorContext(road, pose, where, w, t, episodeSeed, previousExpert), inputs,
                    row * frameSize, labels, row * cells);
            if (quantise) {
                // before the driver looks, so what it saw is exactly what the 8-bit file will hold
                ByteFrames.quantise(inputs, row * frameSize, frameSize);
            }
            double expertAction = expert.act(road, pose, where);
            double action = driver.act(inputs, row * frameSize, expertAction);
            if (!Double.isFinite(action)) {
                throw new LiquidLensException(driver.name() + ": the driver's action is " + action + " at step " + t
                        + " of the episode seeded " + episodeSeed);
            }
            // the first step draws its noise too, so the perturbation is stationary from the start
            dart = t == 0 ? options.dartSigma() * Gaussian.next(dartRng) : rho * dart + innovation * Gaussian.next(dartRng);
            double executed = car.executable(action + dart);
            pose = car.advance(pose, executed);
            Frenet after = road.toFrenet(pose.x(), pose.y(), sHint);
            double absD = Math.abs(after.d()) / road.laneHalfWidth();
            boolean crash = absD > 1;
            sumAbsD += absD;
            maxAbsD = Math.max(maxAbsD, absD);
            sumActionError += Math.abs(action - expertAction);
            if (crash) {
                crashes++;
                pose = road.centreAt(after.s());
            }
            if (keepRollout) {
                actions[t] = (float) (expertLabels ? expertAction : action);
                if (states != null) {
                    driver.state(states, t * n);
                }
                double[] columns = {w.d(), w.dLane(), w.mu(), w.kappa(), w.s(), w.x(), w.y(), expertAction, executed,
                        crash ? 1 : 0};
                for (int j = 0; j < k; j++) {
                    world[t * k + j] = (float) columns[j];
                }
                position[2 * t] = (float) w.x();
                position[2 * t + 1] = (float) w.y();
            }
            previousExpert = expertAction;
        }
        EpisodeMetrics metrics = new EpisodeMetrics(episodeSeed, steps, crashes, sumAbsD / steps, maxAbsD,
                sumActionError / steps);
        if (!keepRollout) {
            return new EpisodeResult(metrics, null);
        }
        int[] inputShape = new int[shape.length + 1];
        inputShape[0] = steps;
        System.arraycopy(shape, 0, inputShape, 1, shape.length);
        NdArray labelArray = null;
        if (labels != null) {
            long[] l = new long[labels.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = labels[i] & 0xff;
            }
            labelArray = NdArray.ofLongs(DType.UINT8, new int[] {steps, shape[0], shape[1]}, l);
        }
        Rollout rollout = new Rollout(NdArray.ofFloats(inputShape, inputs), null,
                NdArray.ofFloats(new int[] {steps, 1}, actions),
                states == null ? null : NdArray.ofFloats(new int[] {steps, n}, states),
                NdArray.ofFloats(new int[] {steps, k}, world), WORLD_NAMES,
                NdArray.ofFloats(new int[] {steps, 2}, position), labelArray, Map.of());
        return new EpisodeResult(metrics, rollout);
    }
}
