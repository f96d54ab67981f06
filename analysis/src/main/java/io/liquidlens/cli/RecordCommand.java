package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.lanekeeping.ActionLabel;
import io.liquidlens.lanekeeping.Driver;
import io.liquidlens.lanekeeping.Episode;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Episodes;
import io.liquidlens.lanekeeping.EvaluationResult;
import io.liquidlens.lanekeeping.ExpertDriver;
import io.liquidlens.lanekeeping.FrameStorage;
import io.liquidlens.lanekeeping.ModelDriver;
import io.liquidlens.lanekeeping.Sensor;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liquidlens record}: drive seeded episodes of the sample world and write one rollout per episode. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Drive seeded lane-keeping episodes (the expert, or a model with --model) and write one rollout"
                + " .npz per episode: inputs, actions, world (d, d_lane, mu, kappa, s, x, y, expert_action,"
                + " executed_action, crash) with world_names, position; labels for the camera; states when a model"
                + " drives.",
                "For imitation data: episodes start off-centre and --dart perturbs the executed action while"
                        + " actions keeps the expert's intended action, so the data show recoveries. For DAgger:"
                        + " --model DIR --actions expert lets the model drive and labels each state with the"
                        + " expert's action.",
                "--frames uint8 stores camera frames as 8-bit levels (a quarter of the size); the model sees"
                        + " the same quantised frames, so the recording is exactly reproducible."})
final class RecordCommand implements Callable<Integer> {

    @Mixin
    WorldOptions world;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write episode-0000.npz, ... into (new or without .npz files).")
    Path out;

    @Option(names = "--dart", paramLabel = "SIGMA", description = "DART noise on the executed action: standard deviation"
            + " (1/m) of a correlated perturbation; default ${DEFAULT-VALUE} (none).")
    double dart = 0;

    @Option(names = "--model", paramLabel = "DIR", description = "Let this model drive instead of the expert (its"
            + " neuron states are recorded as states).")
    Path model;

    @Option(names = "--frames", paramLabel = "float32|uint8", description = "How camera frames are stored: float32"
            + " (default) or uint8, a quarter of the size: each frame is clipped to [0, 1] and rounded to the nearest"
            + " k/255 before the driver sees it, and the file holds k.")
    String frames = FrameStorage.FLOAT32.cliName();

    @Option(names = "--actions", paramLabel = "driver|expert", description = "What actions holds: driver (default),"
            + " the driver's decision; or expert, the expert's action at each state the driver reached (DAgger labels"
            + " with --model; the model's output is then not stored).")
    String actions = ActionLabel.DRIVER.cliName();

    @Option(names = "--held-out", description = "Record from the held-out seed stream (the roads evaluate drives)"
            + " instead of the training stream.")
    boolean heldOut;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (OutputClaim claim = OutputClaim.by("liquidlens record").model(model).folder(out).claim()) {
            return record();
        }
    }

    private Integer record() {
        FrameStorage storage = FrameStorage.parse(frames);
        ActionLabel label = ActionLabel.parse(actions);
        EpisodeOptions options = world.episodeOptions(dart).withFrames(storage).withActionLabel(label);
        LoadedModel loaded = model == null ? null : LoadedModel.load(model);
        Sensor sensor = world.sensor(loaded);
        if (storage == FrameStorage.UINT8 && sensor.shape().length != 3) {
            throw new BadOptionException("--frames uint8: only camera frames can be stored as 8 bits, not the "
                    + sensor.name() + " sensor's values; accepted: float32, or uint8 with --sensor camera");
        }
        Driver driver = loaded == null ? new ExpertDriver() : ModelDriver.of(loaded, sensor);
        Provenance.Builder p = Provenance.of("liquidlens record");
        if (loaded != null) {
            loaded.addTo(p);
        }
        Provenance base = world.addTo(p, sensor.name()).option("dart", dart).option("held_out", heldOut)
                .option("driver", driver.name()).option("frames", storage.cliName())
                .option("actions", label.cliName()).build();
        EvaluationResult result = Episodes.record(new Episode(options, sensor), driver, world.seed, world.episodes,
                heldOut, out, Episodes.Stamp.of(base));
        spec.commandLine().getOut().printf(Locale.ROOT, "recorded %d episodes of %d steps (%s driving, %s sensor) into"
                        + " %s: %d crashes, mean |d| %.4f lane half-widths%n", world.episodes, world.steps, driver.name(),
                sensor.name(), out, result.crashes(), result.meanAbsD());
        return 0;
    }
}
