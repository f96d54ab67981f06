package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.CellKind;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.train.TrainOptions;
import io.liquidlens.train.preset.TrainingPreset;
import io.liquidlens.train.preset.TrainingPresets;
import io.liquidlens.train.preset.VectorStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed sample models load in {@code info}, drive, and were made by their presets' recipes. */
class SampleModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path sample() {
        return sample("vector-lanekeeping");
    }

    static Path sample(String name) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            Path p = root.resolve("sample-models/" + name);
            if (Files.isRegularFile(p.resolve("model.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("sample-models/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void theCameraNcpLoadsWithThePapersSizesAndDrivesAShortEpisode() throws Exception {
        Path ncp = sample("ncp-lanekeeping");
        CliRunner info = CliRunner.run("info", "--model", ncp.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode summary = JSON.readTree(info.out());
        assertThat(summary.at("/neurons/sensory").asInt()).isEqualTo(32);
        assertThat(summary.at("/neurons/inter").asInt()).isEqualTo(12);
        assertThat(summary.at("/neurons/command").asInt()).isEqualTo(6);
        assertThat(summary.at("/neurons/motor").asInt()).isEqualTo(1);
        assertThat(summary.at("/size_table/head_parameters").asLong()).isPositive();
        CliRunner eval = CliRunner.run("evaluate", "--model", ncp.toString(), "--episodes", "1", "--steps", "100",
                "--seed", "3", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.out()).get("mean_abs_d").asDouble()).isLessThan(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-lanekeeping", "fullyconnected-lanekeeping", "cfc-lanekeeping"})
    void eachAblationLoadsWithTheSameHeadAndNeurons(String name) throws Exception {
        CliRunner info = CliRunner.run("info", "--model", sample(name).toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode summary = JSON.readTree(info.out());
        JsonNode ncp = JSON.readTree(CliRunner.run("info", "--model", sample("ncp-lanekeeping").toString(), "--json")
                .out());
        assertThat(summary.at("/size_table/rnn_neurons").asInt()).isEqualTo(19);
        assertThat(summary.at("/size_table/head_parameters").asLong())
                .isEqualTo(ncp.at("/size_table/head_parameters").asLong());
    }

    @Test
    void theCameraLstmLoadsAsTorchsLstmBehindTheNcpsHeadAndDrivesAShortEpisode() throws Exception {
        Path lstm = sample("lstm-lanekeeping");
        JsonNode summary = JSON.readTree(CliRunner.run("info", "--model", lstm.toString(), "--json").out());
        JsonNode ncp = JSON.readTree(CliRunner.run("info", "--model", sample("ncp-lanekeeping").toString(), "--json")
                .out());
        assertThat(summary.at("/size_table/rnn_neurons").asInt()).isEqualTo(64);
        assertThat(summary.at("/size_table/head_parameters").asLong())
                .isEqualTo(ncp.at("/size_table/head_parameters").asLong());
        CliRunner eval = CliRunner.run("evaluate", "--model", lstm.toString(), "--episodes", "1", "--steps", "100",
                "--seed", "3", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.out()).get("mean_abs_d").asDouble()).isLessThan(0.5);
    }

    @Test
    void theFullyConnectedAblationKeepsEverySynapse() throws Exception {
        JsonNode summary = JSON.readTree(CliRunner.run("info", "--model", sample("fullyconnected-lanekeeping").toString(),
                "--json").out());
        // 19 x 19 recurrent + 32 x 19 sensory synapses, where the NCP keeps a fraction
        assertThat(summary.at("/size_table/synapses").asInt()).isEqualTo(19 * 19 + 32 * 19);
    }

    /** Retraining a sample from its preset repeats the committed run: the recipe in model.json is the preset's. */
    @ParameterizedTest
    @ValueSource(strings = {"ncp-lanekeeping", "random-lanekeeping", "fullyconnected-lanekeeping", "cfc-lanekeeping",
        "lstm-lanekeeping"})
    void eachCameraSampleWasMadeByItsPresetsCurrentRecipe(String name) throws Exception {
        JsonNode model = JSON.readTree(sample(name).resolve("model.json").toFile());
        TrainOptions recipe = TrainingPresets.get(name).training();
        JsonNode training = model.at("/provenance/training");
        assertThat(model.at("/provenance/preset/name").asText()).isEqualTo(name);
        assertThat(training.get("epochs_done").asInt()).isEqualTo(recipe.epochs());
        assertThat(training.get("batch_size").asInt()).isEqualTo(recipe.batchSize());
        assertThat(training.get("window_length").asInt()).isEqualTo(recipe.windowLength());
        assertThat(training.get("learning_rate").asDouble()).isEqualTo(recipe.learningRate());
        assertThat(training.get("final_learning_rate").asDouble()).isEqualTo(recipe.finalLearningRate());
        assertThat(training.get("alpha").asDouble()).isEqualTo(recipe.alpha());
        // runs made before the factor existed trained every parameter at one rate
        assertThat(training.path("cell_learning_rate_factor").asDouble(1.0)).isEqualTo(recipe.cellRateFactor());
        assertThat(training.get("seed").asLong()).isEqualTo(recipe.seed());
    }

    static Stream<String> cameraSeedFolders() {
        return Stream.of("ncp-s2", "ncp-s3", "fullyconnected-s2", "fullyconnected-s3", "random-s1", "random-s3",
                "cfc-s2", "cfc-s3", "lstm-s2", "lstm-s3");
    }

    /**
     * The other seeds of the camera architectures (the samples themselves are one seed each) load and were made by
     * their architecture's preset, with only the seed changed, on the same expert data.
     */
    @ParameterizedTest
    @MethodSource("cameraSeedFolders")
    void eachCameraSeedWasMadeByItsArchitecturesRecipeWithItsOwnSeed(String folder) throws Exception {
        String architecture = folder.substring(0, folder.lastIndexOf("-s"));
        long seed = Long.parseLong(folder.substring(folder.lastIndexOf("-s") + 2));
        Path dir = sample("camera-seeds/" + folder);
        JsonNode model = JSON.readTree(dir.resolve("model.json").toFile());
        TrainOptions recipe = TrainingPresets.get(architecture + "-lanekeeping").training();
        JsonNode training = model.at("/provenance/training");
        assertThat(model.at("/provenance/preset/name").asText()).isEqualTo(architecture + "-lanekeeping");
        assertThat(model.at("/provenance/preset/data/seed").asLong()).isEqualTo(1);
        assertThat(training.get("seed").asLong()).isEqualTo(seed);
        assertThat(training.get("epochs_done").asInt()).isEqualTo(recipe.epochs());
        assertThat(training.get("learning_rate").asDouble()).isEqualTo(recipe.learningRate());
        assertThat(training.path("cell_learning_rate_factor").asDouble(1.0)).isEqualTo(recipe.cellRateFactor());
        CliRunner info = CliRunner.run("info", "--model", dir.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        // the liquid cells have 19 neurons; the LSTM, the paper's baseline, 64 units
        assertThat(JSON.readTree(info.out()).at("/size_table/rnn_neurons").asInt())
                .isEqualTo(architecture.equals("lstm") ? 64 : 19);
    }

    static Stream<String> studyFolders() {
        return Arrays.stream(VectorStudy.Architecture.values()).map(VectorStudy.Architecture::folder)
                .flatMap(a -> VectorStudy.SEEDS.stream().map(s -> a + "-s" + s));
    }

    /** Each shipped study model is its preset's network, trained by its recipe and seed on the study's data. */
    @ParameterizedTest
    @MethodSource("studyFolders")
    void eachVectorStudyModelLoadsAndWasMadeByItsPreset(String folder) throws Exception {
        Path dir = sample("vector-study/" + folder);
        TrainingPreset preset = TrainingPresets.get("vector-study-" + folder);
        JsonNode model = JSON.readTree(dir.resolve("model.json").toFile());
        JsonNode template = preset.template();
        assertThat(model.get("name")).isEqualTo(template.get("name"));
        assertThat(model.get("inputs")).isEqualTo(template.get("inputs"));
        assertThat(model.at("/ncps/class")).isEqualTo(template.at("/ncps/class"));
        assertThat(model.at("/ncps/input_size")).isEqualTo(template.at("/ncps/input_size"));
        for (String baselineKey : new String[] {"/ncps/hidden_size", "/ncps/num_layers", "/ncps/readout"}) {
            assertThat(model.at(baselineKey)).as(baselineKey).isEqualTo(template.at(baselineKey));
        }
        // a trained model.json spells out ncps's defaults the template leaves implicit
        template.at("/ncps/units").fields().forEachRemaining(f ->
                assertThat(model.at("/ncps/units/" + f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
        JsonNode provenance = model.get("provenance");
        assertThat(provenance.at("/preset/name").asText()).isEqualTo(preset.name());
        assertThat(provenance.at("/preset/description").asText()).isEqualTo(preset.description());
        assertThat(provenance.at("/preset/training_seed").asLong()).isEqualTo(preset.training().seed());
        assertThat(provenance.at("/preset/data/seed").asLong()).isEqualTo(VectorStudy.DATA_SEED);
        assertThat(provenance.at("/preset/data/episodes").asInt()).isEqualTo(preset.data().episodes());
        assertThat(provenance.at("/training/epochs_done").asInt()).isEqualTo(preset.training().epochs());
        assertThat(provenance.at("/training/learning_rate").asDouble()).isEqualTo(preset.training().learningRate());
        LoadedModel loaded = LoadedModel.load(dir);
        String cell = template.at("/ncps/class").asText();
        boolean baseline = template.at("/ncps/hidden_size").isInt();
        assertThat(loaded.network().stateSize()).isEqualTo(baseline ? template.at("/ncps/hidden_size").asInt() : 9);
        assertThat(loaded.network().inputSize()).isEqualTo(6);
        assertThat(loaded.network().cellKind()).isEqualTo(baseline ? CellKind.valueOf(cell)
                : cell.equals("CfC") ? CellKind.WIRED_CFC : CellKind.LTC);
    }

    @Test
    void theStudysNcpWithSeedOneIsTheVectorSampleBitForBit() throws Exception {
        assertThat(Files.readAllBytes(sample("vector-study/ncp-s1").resolve("model-e0030.safetensors")))
                .isEqualTo(Files.readAllBytes(sample().resolve("model-e0030.safetensors")));
    }

    @Test
    void loadsInInfoAsTheNineNeuronNcpOnSixNamedInputs() throws Exception {
        CliRunner info = CliRunner.run("info", "--model", sample().toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("6 sensory (inputs), 5 inter, 3 command, 1 motor");
        JsonNode model = JSON.readTree(sample().resolve("model.json").toFile());
        assertThat(model.at("/provenance/preset/name").asText()).isEqualTo("vector-lanekeeping");
        assertThat(model.at("/inputs/names").toString()).isEqualTo(
                "[\"d_lane\",\"mu\",\"kappa\",\"noise_1\",\"noise_2\",\"spurious_1\"]");
    }

    /**
     * Every file a shipped model (its preset) or a shipped rollout (the model that drove it) records as an input is,
     * where it is shipped too, the very file recorded: the same bytes and SHA-256.
     */
    @Test
    void everyShippedFileAProvenanceRecordsHasTheRecordedDigest() throws Exception {
        Path root = sample().getParent().getParent();
        Map<Path, JsonNode> provenances = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("sample-models"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("model.json")).toList()) {
                provenances.put(f, JSON.readTree(f.toFile()).path("provenance"));
            }
        }
        try (Stream<Path> files = Files.walk(root.resolve("sample-traces"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".npz")).toList()) {
                NdArray recorded = Rollouts.read(f).extras().get("provenance");
                if (recorded != null) {
                    provenances.put(f, JSON.readTree(recorded.toStringArray()[0]));
                }
            }
        }
        int checked = 0;
        for (Map.Entry<Path, JsonNode> recording : provenances.entrySet()) {
            for (JsonNode input : recording.getValue().path("inputs")) {
                Path file = root.resolve(input.get("path").asText());
                // a run trained in place (lstm-lanekeeping) records the model.json it resumed from after its DAgger
                // round, which the run then replaced: no file can hold its own digest
                boolean replacedByTheRun = file.normalize().equals(recording.getKey().normalize());
                if (Files.isRegularFile(file) && !replacedByTheRun) {
                    String what = file + " as " + recording.getKey() + " records it";
                    assertThat(Provenance.sha256(file)).as(what).isEqualTo(input.get("sha256").asText());
                    assertThat(Files.size(file)).as(what).isEqualTo(input.get("bytes").asLong());
                    checked++;
                }
            }
        }
        // the 21 vector models' presets (the camera samples name folders they were trained in, not shipped); 5 vector
        // and 8 camera rollouts, each with its model's model.json and weights
        assertThat(checked).isGreaterThanOrEqualTo(21 + 2 * (5 + 8));
    }

    @Test
    void drivesHeldOutRoadsWithoutCrashing() throws Exception {
        CliRunner eval = CliRunner.run("evaluate", "--model", sample().toString(), "--episodes", "3", "--steps", "300",
                "--seed", "7", "--distractors", "noise-channels,spurious", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = JSON.readTree(eval.out());
        assertThat(result.get("crashes").asInt()).isZero();
        assertThat(result.get("mean_abs_d").asDouble()).isLessThan(0.25);
    }
}
