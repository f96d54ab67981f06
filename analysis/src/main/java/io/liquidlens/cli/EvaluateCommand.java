package io.liquidlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.lanekeeping.Driver;
import io.liquidlens.lanekeeping.Episode;
import io.liquidlens.lanekeeping.EpisodeMetrics;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Episodes;
import io.liquidlens.lanekeeping.EvaluationResult;
import io.liquidlens.lanekeeping.ExpertDriver;
import io.liquidlens.lanekeeping.ModelDriver;
import io.liquidlens.lanekeeping.Sensor;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liquidlens evaluate}: drive a model (or the expert) closed-loop over held-out episodes. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Drive a model (or the expert) closed-loop over N seeded held-out episodes of the sample world"
                + " and report crashes (steps that ended outside the lane; the car is then put back on the"
                + " centreline and drives on), mean and max |d| in lane half-widths, and the mean |action - expert's"
                + " action| at the same states.",
                "Held-out episodes have odd episode seeds, training episodes (record) even ones: they never share a"
                        + " road."})
final class EvaluateCommand implements Callable<Integer> {
    private static final String EXPERT = "expert";

    @Mixin
    WorldOptions world;

    @Option(names = "--model", required = true, paramLabel = "DIR|expert",
            description = "Model folder (or its model.json), or 'expert' to drive the expert itself.")
    String model;

    @Option(names = "--json", description = "Print one JSON object instead of a summary.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EpisodeOptions options = world.episodeOptions(0);
        boolean expert = EXPERT.equalsIgnoreCase(model);
        LoadedModel loaded = expert ? null : LoadedModel.load(Path.of(model));
        Sensor sensor = world.sensor(loaded);
        // checked once here, so a model that does not fit the sensor fails before any thread starts
        Driver driver = expert ? new ExpertDriver() : ModelDriver.of(loaded, sensor);
        EvaluationResult result = Episodes.evaluate(() -> new Episode(options, world.sensor(loaded)),
                () -> expert ? new ExpertDriver() : ModelDriver.of(loaded, sensor), world.seed, world.episodes);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result, options, sensor, loaded).toString());
        } else {
            out.printf(Locale.ROOT, "%s over %d held-out episodes of %d steps (seed %d, %s sensor): %d crashes, mean |d|"
                            + " %.4f, max |d| %.4f lane half-widths, mean |action error| %.6f 1/m%n", driver.name(),
                    world.episodes, world.steps, world.seed, sensor.name(), result.crashes(), result.meanAbsD(),
                    result.maxAbsD(), result.meanAbsActionError());
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(EvaluationResult r, EpisodeOptions options, Sensor sensor, LoadedModel loaded) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("model", loaded == null ? EXPERT : loaded.folder().toString());
        root.put("sensor", sensor.name());
        root.put("episodes", world.episodes);
        root.put("steps", world.steps);
        root.put("seed", world.seed);
        root.put("held_out", true);
        ObjectNode o = root.putObject("options");
        o.put("noise", world.noise);
        o.put("distractors", world.distractors == null ? "" : world.distractors);
        o.put("speed", options.car().speed());
        o.put("dt", options.car().dt());
        o.put("max_start_offset", options.maxStartOffset());
        o.put("max_start_heading", options.maxStartHeading());
        ArrayNode names = o.putArray("inputs");
        sensor.featureNames().forEach(names::add);
        root.put("crashes", r.crashes());
        root.put("mean_abs_d", r.meanAbsD());
        root.put("max_abs_d", r.maxAbsD());
        root.put("mean_abs_action_error", r.meanAbsActionError());
        ArrayNode each = root.putArray("per_episode");
        for (EpisodeMetrics m : r.episodes()) {
            ObjectNode e = each.addObject();
            e.put("episode_seed", m.episodeSeed());
            e.put("crashes", m.crashes());
            e.put("mean_abs_d", m.meanAbsD());
            e.put("max_abs_d", m.maxAbsD());
            e.put("mean_abs_action_error", m.meanAbsActionError());
        }
        Provenance.Builder p = Provenance.of("liquidlens evaluate");
        if (loaded != null) {
            loaded.addTo(p);
        }
        root.set("provenance", world.addTo(p, sensor.name()).option("model", model).build().toJson());
        return root;
    }
}
