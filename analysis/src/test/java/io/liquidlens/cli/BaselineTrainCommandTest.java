package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code train} on a baseline's model.json without weights: torch-style weights from the seed, the recipe's BPTT on
 * the toy task's vector rollouts lowers the loss, and every checkpoint is a model folder that loads, simulates and
 * resumes.
 */
class BaselineTrainCommandTest {
    @TempDir
    Path tmp;
    private Path data;

    @BeforeEach
    void rollouts() throws Exception {
        data = ToyTask.writeRollouts(tmp.resolve("data"), ToyTask.filteredSquareWave(12, 16, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"class\": \"LSTM\", \"input_size\": 3, \"hidden_size\": 8, \"num_layers\": 2, \"batch_first\": true",
        "\"class\": \"GRU\", \"input_size\": 3, \"hidden_size\": 8, \"batch_first\": true",
        "\"class\": \"CTRNN\", \"input_size\": 3, \"units\": 8, \"ode_unfolds\": 3, \"batch_first\": true"})
    void trainingFromTheSeedLowersTheLossAndLeavesAModelThatLoadsAndResumes(String ncps) throws Exception {
        Path model = tmp.resolve("m");
        Files.createDirectories(model);
        Files.writeString(model.resolve("model.json"), "{\"name\": \"baseline\", \"ncps\": {" + ncps + ", \"readout\":"
                + " {\"class\": \"Linear\", \"in_features\": 8, \"out_features\": 1, \"bias\": true}},"
                + " \"weights\": \"model.safetensors\", \"outputs\": {\"names\": [\"y\"]}}");
        Path out = tmp.resolve("out");

        CliRunner run = CliRunner.run("train", "--model", model.toString(), "--data", data.toString(), "--out",
                out.toString(), "--batch", "4", "--lr", "0.02", "--epochs", "4", "--seed", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("from torch-style initial weights (seed 3)");
        JsonNode training = ModelFolder.readManifest(out).provenance().get("training");
        JsonNode losses = training.get("epoch_losses");
        assertThat(losses).hasSize(4);
        assertThat(losses.get(3).asDouble()).as(losses.toString()).isLessThan(0.7 * losses.get(0).asDouble());

        LoadedModel loaded = LoadedModel.load(out);
        assertThat(loaded.network().isBaseline()).isTrue();
        Path x = tmp.resolve("x.npy");
        NdArray input = NdArray.ofFloats(new int[] {1, 5, 3}, new float[] {1, 0, -1, 0.5f, 1, 0, -1, 0, 1, 0, 0, 0.2f,
                1, 1, 1});
        Npy.write(x, input);
        CliRunner sim = CliRunner.run("simulate", "--model", out.toString(), "--input", x.toString(), "--out",
                tmp.resolve("r.npz").toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        Map<String, NdArray> weights = ModelFolder.readWeights(loaded.folder(), loaded.manifest());
        float[] direct = new Simulator(LiquidModel.fromStateDict(loaded.manifest().spec(), weights))
                .run(SimulationInput.of(input)).outputs().toFloatArray();
        assertThat(Npz.read(tmp.resolve("r.npz")).get("outputs").toFloatArray()).containsExactly(direct);

        CliRunner resumed = CliRunner.run("train", "--data", data.toString(), "--out", out.toString(), "--batch", "4",
                "--lr", "0.02", "--epochs", "5", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming after epoch 4 (Adam state restored)");
        assertThat(ModelFolder.readManifest(out).provenance().get("training").get("epochs_done").asInt()).isEqualTo(5);
    }
}
