package io.liquidlens.train.preset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.BadOptionException;
import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.lanekeeping.Episode;
import io.liquidlens.lanekeeping.CarSpec;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Episodes;
import io.liquidlens.lanekeeping.EvaluationResult;
import io.liquidlens.lanekeeping.ActionLabel;
import io.liquidlens.lanekeeping.Driver;
import io.liquidlens.lanekeeping.ExpertDriver;
import io.liquidlens.lanekeeping.ModelDriver;
import io.liquidlens.lanekeeping.Sensor;
import io.liquidlens.lanekeeping.SensorOptions;
import io.liquidlens.lanekeeping.Sensors;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.train.TrainOptions;
import io.liquidlens.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs a {@link TrainingPreset}: writes its model.json template, records its data with the expert (the
 * {@code record} machinery), and prepares the training run, whose checkpoints carry the preset, the data
 * recipe and the seeds in their provenance.
 *
 * @param preset       the recipe
 * @param out          the model folder to train into
 * @param dataFolder   where the rollouts are recorded (null: {@code out/data}); a folder that already holds
 *                     rollouts is used as it is
 * @param recipe       the data recipe after {@code --quick} and overrides
 * @param options      the training options after {@code --quick} and overrides
 * @param dagger       the DAgger round after {@code --quick} and overrides, or null (none)
 */
public record PresetTraining(TrainingPreset preset, Path out, Path dataFolder, TrainingPreset.DataRecipe recipe,
                      TrainOptions options, TrainingPreset.Dagger dagger) {
    /** The DAgger round's episodes come from the training stream of seed S + this, roads the expert never drove. */
    private static final long DAGGER_SEED_OFFSET = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The preset with {@code --quick} and the overrides applied (null = the preset's value).
     *
     * @throws LiquidLensException for counts below one
     */
    public static PresetTraining of(TrainingPreset preset, Path out, Path data, boolean quick, Integer epochs, Long seed,
                             Integer episodes, Integer steps) {
        TrainingPreset.DataRecipe recipe = preset.data();
        TrainOptions t = preset.training();
        int e = t.epochs();
        if (quick) {
            recipe = recipe.withSize(preset.quick().episodes(), preset.quick().steps());
            e = preset.quick().epochs();
        }
        recipe = recipe.withSize(positive("--data-episodes", episodes, recipe.episodes(), Limits.EPISODES),
                positive("--steps", steps, recipe.steps(), Limits.STEPS));
        if (recipe.steps() > EpisodeOptions.maxSteps(CarSpec.defaults())) {
            throw new BadOptionException(EpisodeOptions.tooLong("--steps", recipe.steps(), "the default speed",
                    CarSpec.defaults()));
        }
        e = positive("--epochs", epochs, e, Limits.EPOCHS);
        TrainOptions options = t.withEpochs(e).withSeed(seed == null ? t.seed() : seed);
        TrainingPreset.Dagger dagger = preset.dagger() == null ? null : preset.dagger().scaledTo(e, t.epochs());
        return new PresetTraining(preset, out, data == null ? out.resolve("data") : data, recipe, options, dagger);
    }

    private static int positive(String option, Integer value, int fallback, int limit) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new BadOptionException(option + " " + value + ": must be a whole number >= 1");
        }
        if (value > limit) {
            throw new BadOptionException(Limits.overLimit(option, value, limit));
        }
        return value;
    }

    /**
     * What a preset run tells its caller and leaves to it: news one line at a time, and the training itself
     * (which the caller runs with its own progress display).
     */
    public interface Steps {
        /** One line of news: what is recorded, what the DAgger round did. */
        void note(String line);

        /** Runs {@code run} until epoch {@code stopAfter} is complete (or it stops earlier) and says how it went. */
        TrainingRun.Outcome train(TrainingRun run, int stopAfter);
    }

    /**
     * The whole recipe: records the expert's data (unless the data folder holds rollouts), trains on them, and with
     * a DAgger round stops after its epoch, lets the network drive while the expert labels, and resumes on both.
     *
     * @return the outcome of the last training, or of the first when it stopped before the DAgger round
     */
    public TrainingRun.Outcome run(Steps steps) {
        boolean reused = reusesData();
        steps.note(String.format(Locale.ROOT, "preset %s: %s", preset.name(), preset.description()));
        String what = String.format(Locale.ROOT, "%d episodes x %d steps (%s sensor, dart %s, distractors %s,"
                        + " seed %d)", recipe.episodes(), recipe.steps(), recipe.sensor(), recipe.dart(),
                recipe.distractors().isEmpty() ? "none" : recipe.distractors(), dataSeed());
        steps.note(reused ? "training on the rollouts already in " + dataFolder + " (not recording the preset's "
                + what + ")" : "recording " + what + " into " + dataFolder);
        EvaluationResult recorded = recordData();
        if (recorded != null) {
            steps.note(String.format(Locale.ROOT, "recorded: %d crashes, mean |d| %.4f lane half-widths",
                    recorded.crashes(), recorded.meanAbsD()));
        }
        if (dagger == null) {
            return steps.train(prepareRun(reused), options.epochs());
        }
        int after = dagger.afterEpoch();
        TrainingRun.Outcome first = steps.train(prepareRun(reused), after);
        if (first.epochsDone() < after) {
            return first;
        }
        steps.note(String.format(Locale.ROOT, "DAgger: the network after epoch %d drives %d new roads x %d steps, the"
                + " expert labels them, into %s", after, daggerEpisodes(), recipe.steps(), daggerFolder()));
        EvaluationResult driven = recordDagger();
        steps.note(String.format(Locale.ROOT, "DAgger: %d crashes, mean |d| %.4f lane half-widths while the network"
                + " drove", driven.crashes(), driven.meanAbsD()));
        return steps.train(prepareResumedRun(reused), options.epochs());
    }

    /** Whether the data folder already holds rollouts (then they are trained on as they are). */
    private boolean reusesData() {
        if (!Files.isDirectory(dataFolder)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dataFolder)) {
            return s.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz"));
        } catch (IOException ex) {
            throw new LiquidLensException(dataFolder, "cannot list the folder: " + ex.getMessage(), ex);
        }
    }

    /**
     * Writes the template to {@code out/preset/model.json} and records the data (unless they exist).
     *
     * @return the metrics of the recorded episodes, or null when existing data were reused
     */
    private EvaluationResult recordData() {
        if (Files.exists(out.resolve(ModelFolder.MANIFEST))) {
            throw new LiquidLensException(out, "already holds a model (model.json); choose another output folder");
        }
        Path template = templateFile();
        try {
            Files.createDirectories(template.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(template.toFile(), preset.template());
        } catch (IOException ex) {
            throw new LiquidLensException(template, "cannot write the preset's model.json: " + ex.getMessage(), ex);
        }
        if (reusesData()) {
            return null;
        }
        return record(new ExpertDriver(), "expert", false, dataSeed(), recipe.episodes(), recipe.steps(),
                dataFolder);
    }

    /**
     * The DAgger round: the checkpoint in {@code out} drives the round's episodes while the expert labels
     * them, into {@link #daggerFolder()}.
     *
     * @throws IllegalStateException when the preset has no DAgger round
     */
    private EvaluationResult recordDagger() {
        if (dagger == null) {
            throw new IllegalStateException("preset " + preset.name() + " has no DAgger round");
        }
        Sensor sensor = sensor();
        Driver driver = ModelDriver.of(LoadedModel.load(out), sensor);
        return record(driver, "model after epoch " + dagger.afterEpoch() + ", expert labels", true,
                options.seed() + DAGGER_SEED_OFFSET, daggerEpisodes(), recipe.steps(), daggerFolder());
    }

    /** Episodes the network drives in the DAgger round (0 without one). */
    int daggerEpisodes() {
        return dagger == null ? 0 : dagger.episodes(recipe.episodes());
    }

    /**
     * The preset named in the recorded rollouts' provenance: the study's members share their data, so their
     * rollouts name the study, and are the same bytes whichever member records them.
     */
    private String dataOwner() {
        return VectorStudy.isMember(preset.name()) ? VectorStudy.FAMILY : preset.name();
    }

    /** The seed the expert's data are recorded with: the recipe's own, or else the training seed. */
    long dataSeed() {
        return recipe.seedFor(options.seed());
    }

    /** Where the DAgger round's rollouts go: {@code out/data-dagger}. */
    Path daggerFolder() {
        return out.resolve("data-dagger");
    }

    private Sensor sensor() {
        SensorOptions sensorOptions = new SensorOptions(recipe.noise(), Sensors.parseDistractors(recipe.distractors()));
        return Sensors.create(recipe.sensor(), sensorOptions);
    }

    private EvaluationResult record(Driver driver, String driverName, boolean expertLabels, long seed, int episodes,
                                    int steps, Path folder) {
        Sensor sensor = sensor();
        EpisodeOptions episode = EpisodeOptions.defaults(steps).withDart(recipe.dart());
        if (expertLabels) {
            episode = episode.withActionLabel(ActionLabel.EXPERT);
        }
        Provenance base = Provenance.of("liquidlens record").option("episodes", episodes)
                .option("steps", steps).option("seed", seed).option("sensor", sensor.name())
                .option("noise", recipe.noise()).option("distractors", recipe.distractors())
                .option("speed", episode.car().speed()).option("dart", recipe.dart()).option("held_out", false)
                .option("driver", driverName).option("frames", episode.frames().cliName())
                .option("actions", episode.actionLabel().cliName())
                .option("preset", dataOwner()).build();
        return Episodes.record(new Episode(episode, sensor), driver, seed, episodes,
                false, folder, Episodes.Stamp.of(base));
    }

    /**
     * The training run on the expert's data, from the preset's initial weights, its provenance annotated with
     * the preset. With a DAgger round it is meant to be stopped after {@code dagger().afterEpoch()} epochs (its
     * learning-rate schedule is the whole run's).
     */
    private TrainingRun prepareRun(boolean dataReused) {
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(templateFile(), List.of(dataFolder), out, options,
                false));
        return run.annotate("preset", describe(dataReused));
    }

    /** After the DAgger round: the run resumed from the checkpoint in {@code out}, on both data sets. */
    private TrainingRun prepareResumedRun(boolean dataReused) {
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(null, List.of(dataFolder, daggerFolder()), out,
                options, true));
        return run.annotate("preset", describe(dataReused));
    }

    /** The template's place: {@code out/preset/model.json}, kept so the run can be repeated. */
    private Path templateFile() {
        return out.resolve("preset").resolve(ModelFolder.MANIFEST);
    }

    /** The preset, its data recipe and seeds, as written into the model's provenance. */
    private ObjectNode describe(boolean dataReused) {
        ObjectNode p = JSON.createObjectNode();
        p.put("name", preset.name());
        p.put("description", preset.description());
        ObjectNode d = p.putObject("data");
        d.put("folder", dataFolder.toString());
        d.put("recorded", !dataReused);
        d.put("driver", "expert");
        d.put("sensor", recipe.sensor());
        d.put("episodes", recipe.episodes());
        d.put("steps", recipe.steps());
        d.put("seed", dataSeed());
        d.put("seed_stream", "training (even episode seeds)");
        d.put("dart", recipe.dart());
        d.put("distractors", recipe.distractors());
        d.put("noise", recipe.noise());
        d.put("command", String.format(Locale.ROOT, "liquidlens record --out %s --episodes %d --steps %d --seed %d"
                        + " --sensor %s --dart %s --distractors %s --noise %s", dataFolder, recipe.episodes(),
                recipe.steps(), dataSeed(), recipe.sensor(), recipe.dart(), recipe.distractors(), recipe.noise()));
        if (dagger != null) {
            ObjectNode g = p.putObject("dagger");
            g.put("after_epoch", dagger.afterEpoch());
            g.put("folder", daggerFolder().toString());
            g.put("driver", "the network after epoch " + dagger.afterEpoch() + ", with the data's DART noise");
            g.put("actions", "the expert's action at every step (DAgger labels)");
            g.put("episodes", daggerEpisodes());
            g.put("steps", recipe.steps());
            g.put("seed", options.seed() + DAGGER_SEED_OFFSET);
            g.put("seed_stream", "training (even episode seeds)");
        }
        p.put("training_seed", options.seed());
        p.put("epochs", options.epochs());
        return p;
    }
}
