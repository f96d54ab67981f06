package io.liquidlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.lanekeeping.Episode;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Episodes;
import io.liquidlens.lanekeeping.EvaluationResult;
import io.liquidlens.lanekeeping.ExpertDriver;
import io.liquidlens.lanekeeping.Sensor;
import io.liquidlens.lanekeeping.SensorOptions;
import io.liquidlens.lanekeeping.Sensors;
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
 */
record PresetTraining(TrainingPreset preset, Path out, Path dataFolder, TrainingPreset.DataRecipe recipe,
                      TrainOptions options) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The preset with {@code --quick} and the overrides applied (null = the preset's value).
     *
     * @throws LiquidLensException for counts below one
     */
    static PresetTraining of(TrainingPreset preset, Path out, Path data, boolean quick, Integer epochs, Long seed,
                             Integer episodes, Integer steps) {
        TrainingPreset.DataRecipe recipe = preset.data();
        TrainOptions t = preset.training();
        int e = t.epochs();
        if (quick) {
            recipe = recipe.withSize(preset.quick().episodes(), preset.quick().steps());
            e = preset.quick().epochs();
        }
        recipe = recipe.withSize(positive("--data-episodes", episodes, recipe.episodes()),
                positive("--steps", steps, recipe.steps()));
        e = positive("--epochs", epochs, e);
        TrainOptions options = t.withEpochs(e).withSeed(seed == null ? t.seed() : seed);
        return new PresetTraining(preset, out, data == null ? out.resolve("data") : data, recipe, options);
    }

    private static int positive(String option, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new LiquidLensException(option + " " + value + ": must be a whole number >= 1");
        }
        return value;
    }

    /** Whether the data folder already holds rollouts (then they are trained on as they are). */
    boolean reusesData() {
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
    EvaluationResult recordData() {
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
        SensorOptions sensorOptions = new SensorOptions(recipe.noise(), Sensors.parseDistractors(recipe.distractors()));
        Sensor sensor = Sensors.create(recipe.sensor(), sensorOptions);
        EpisodeOptions episode = EpisodeOptions.defaults(recipe.steps()).withDart(recipe.dart());
        Provenance base = Provenance.of("liquidlens record").option("episodes", recipe.episodes())
                .option("steps", recipe.steps()).option("seed", options.seed()).option("sensor", sensor.name())
                .option("noise", recipe.noise()).option("distractors", recipe.distractors())
                .option("speed", episode.car().speed()).option("dart", recipe.dart()).option("held_out", false)
                .option("driver", "expert").option("preset", preset.name()).build();
        return Episodes.record(new Episode(episode, sensor), new ExpertDriver(), options.seed(), recipe.episodes(),
                false, dataFolder, (index, episodeSeed) -> {
                    ObjectNode json = base.toJson();
                    ObjectNode opts = (ObjectNode) json.get("options");
                    opts.put("episode", String.valueOf(index));
                    opts.put("episode_seed", String.valueOf(episodeSeed));
                    return json.toString();
                });
    }

    /** The training run on the recorded data, its provenance annotated with the preset. */
    TrainingRun prepareRun(boolean dataReused) {
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(templateFile(), List.of(dataFolder), out, options,
                false));
        return run.annotate("preset", describe(dataReused));
    }

    /** The template's place: {@code out/preset/model.json}, kept so the run can be repeated. */
    Path templateFile() {
        return out.resolve("preset").resolve(ModelFolder.MANIFEST);
    }

    /** The preset, its data recipe and seeds, as written into the model's provenance. */
    ObjectNode describe(boolean dataReused) {
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
        d.put("seed", options.seed());
        d.put("seed_stream", "training (even episode seeds)");
        d.put("dart", recipe.dart());
        d.put("distractors", recipe.distractors());
        d.put("noise", recipe.noise());
        d.put("command", String.format(Locale.ROOT, "liquidlens record --out %s --episodes %d --steps %d --seed %d"
                        + " --sensor %s --dart %s --distractors %s --noise %s", dataFolder, recipe.episodes(),
                recipe.steps(), options.seed(), recipe.sensor(), recipe.dart(), recipe.distractors(), recipe.noise()));
        p.put("training_seed", options.seed());
        p.put("epochs", options.epochs());
        return p;
    }
}
