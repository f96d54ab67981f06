package io.liquidlens.app.drive;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.Episode;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.EpisodeResult;
import io.liquidlens.lanekeeping.EpisodeSeeds;
import io.liquidlens.lanekeeping.ModelDriver;
import io.liquidlens.lanekeeping.Sensor;
import io.liquidlens.lanekeeping.SensorOptions;
import io.liquidlens.lanekeeping.Sensors;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Intervention;
import io.liquidlens.sim.Intervention.ClampNeuron;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Drives one held-out sample-world episode ({@code EpisodeSeeds.episodeSeed(seed, 0, true)}, no distractors) with
 * the loaded network as clamped in the workspace and with its own network, in one background task; the result is
 * the two paths ({@link #pathsProperty()}), a failure one line in {@link #errorProperty()}.
 */
public final class DriveViewModel {
    private final WorkspaceViewModel workspace;
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final IntegerProperty steps = new SimpleIntegerProperty(600);
    private final ReadOnlyObjectWrapper<DrivenPaths> paths = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final LatestTask task;

    /** Drives {@code workspace}'s model through {@code executor}. */
    public DriveViewModel(WorkspaceViewModel workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.task = new LatestTask(executor);
    }

    /** Starts driving the episode twice (with and without the clamps), replacing a drive that runs. */
    public void drive() {
        LoadedModel model = workspace.modelProperty().get();
        if (model == null) {
            error.set("drive: open a model first");
            return;
        }
        if (steps.get() < 1) {
            error.set("drive: steps must be >= 1, got " + steps.get());
            return;
        }
        List<ClampNeuron> clamps = workspace.clampsProperty().get();
        String described = clamps.isEmpty() ? "no clamp" : workspace.clamps().describe();
        long runSeed = seed.get();
        long episodeSeed = EpisodeSeeds.episodeSeed(runSeed, 0, true);
        int n = steps.get();
        error.set(null);
        task.start("Driving with the clamps", sink -> drive(model, clamps, runSeed, episodeSeed, n, described, sink),
                paths::set,
                failure -> error.set(LatestTask.oneLine(failure instanceof LiquidLensException
                        || failure instanceof IllegalArgumentException ? failure.getMessage() : "drive failed: " + failure)));
    }

    /** Stops a running drive. */
    public void cancel() {
        task.cancel();
    }

    private static DrivenPaths drive(LoadedModel model, List<ClampNeuron> clamps, long runSeed, long episodeSeed,
                                     int steps, String described, ProgressSink sink) {
        LiquidModel clamped = Intervention.apply(model.network(), clamps);
        Sensor sensor = sensorFor(model);
        Episode episode = new Episode(EpisodeOptions.defaults(steps), sensor);
        sink.message("Driving held-out episode 0 of seed " + runSeed + " with " + described);
        sink.progress(0, 2);
        EpisodeResult with = episode.run(episodeSeed, ModelDriver.of(model, clamped, sensor), true);
        sink.checkCancelled();
        sink.message("Driving held-out episode 0 of seed " + runSeed + " without clamps");
        sink.progress(1, 2);
        EpisodeResult without = episode.run(episodeSeed, ModelDriver.of(model, sensor), true);
        sink.progress(2, 2);
        return new DrivenPaths(runSeed, episodeSeed, steps, described, with.rollout().position().toFloatArray(),
                without.rollout().position().toFloatArray(), with.metrics().crashes(), without.metrics().crashes(),
                laneOffset(with.rollout()), laneOffset(without.rollout()));
    }

    /** The world column {@code d_lane} of a driven episode. */
    private static float[] laneOffset(io.liquidlens.io.Rollout r) {
        int k = r.worldNames().size();
        int column = r.worldNames().indexOf("d_lane");
        float[] world = r.world().toFloatArray();
        float[] d = new float[r.steps()];
        for (int t = 0; t < d.length; t++) {
            d[t] = world[t * k + column];
        }
        return d;
    }

    /** The camera for a model with a perception head, else the clean vector sensor. */
    private static Sensor sensorFor(LoadedModel model) {
        return model.network().head().isPresent() ? Sensors.camera(Distractors.none())
                : Sensors.create("vector", SensorOptions.clean());
    }

    /** The seed the held-out episode is drawn from. */
    public IntegerProperty seedProperty() {
        return seed;
    }

    /** Steps per drive. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** The last drive's paths, or null. */
    public ReadOnlyObjectProperty<DrivenPaths> pathsProperty() {
        return paths.getReadOnlyProperty();
    }

    /** True while driving. */
    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    /** The last problem, one line. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }
}
