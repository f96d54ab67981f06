package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.io.Safetensors;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;

import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens report} on a camera LSTM behind the NCP sample's own trained conv head (the NCP paper's LSTM
 * baseline shares the NCP's head): VisualBackProp reads the head alone, so the report needs no gradient of the
 * LSTM; a gradient method differentiates the LSTM and the head together.
 */
class BaselineReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HIDDEN = 8;

    @TempDir
    static Path tmp;
    static Path lstm;
    static Path rollouts;

    @BeforeAll
    static void cameraLstmAndAShortTrace() throws IOException {
        lstm = cameraLstm(tmp.resolve("camera-lstm"), HIDDEN, 5);
        rollouts = Files.createDirectories(tmp.resolve("rollouts"));
        Rollout clean = Rollouts.read(TreeCommandTest.sample("sample-traces/ncp-lanekeeping/clean")
                .resolve("episode-0000.npz"));
        Rollouts.write(rollouts.resolve("episode-0000.npz"), RolloutSlices.head(clean, 40));
    }

    /**
     * A model folder of an LSTM of {@code hidden} units and a one-output readout behind the NCP sample's head, its
     * trained head tensors copied and the LSTM's weights drawn as torch draws them (uniform in +-1/sqrt(H)).
     */
    static Path cameraLstm(Path folder, int hidden, long seed) throws IOException {
        Path ncp = TreeCommandTest.sample("sample-models/ncp-lanekeeping");
        ObjectNode manifest = (ObjectNode) JSON.readTree(ncp.resolve("model.json").toFile());
        int features = manifest.get("ncps").get("input_size").asInt();
        Map<String, NdArray> weights = new LinkedHashMap<>();
        ModelFolder.readWeightsFile(ncp.resolve(manifest.get("weights").asText())).forEach((k, v) -> {
            if (k.startsWith("head.")) {
                weights.put(k, v);
            }
        });
        SplittableRandom rng = new SplittableRandom(seed);
        double bound = 1 / Math.sqrt(hidden);
        weights.put("rnn.weight_ih_l0", uniform(rng, bound, 4 * hidden, features));
        weights.put("rnn.weight_hh_l0", uniform(rng, bound, 4 * hidden, hidden));
        weights.put("rnn.bias_ih_l0", uniform(rng, bound, 4 * hidden));
        weights.put("rnn.bias_hh_l0", uniform(rng, bound, 4 * hidden));
        weights.put("fc.weight", uniform(rng, bound, 1, hidden));
        weights.put("fc.bias", uniform(rng, bound, 1));
        manifest.put("name", "camera LSTM (the NCP's head + " + hidden + " LSTM units)");
        manifest.set("ncps", JSON.readTree("{\"class\": \"LSTM\", \"input_size\": " + features + ", \"hidden_size\": "
                + hidden + ", \"num_layers\": 1, \"batch_first\": true, \"readout\": {\"class\": \"Linear\","
                + " \"out_features\": 1}}"));
        manifest.put("weights", "model.safetensors");
        manifest.remove("provenance");
        Files.createDirectories(folder);
        Safetensors.write(folder.resolve("model.safetensors"), weights);
        Files.writeString(folder.resolve("model.json"), JSON.writeValueAsString(manifest));
        return folder;
    }

    private static NdArray uniform(SplittableRandom rng, double bound, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-bound, bound);
        }
        return NdArray.ofFloats(shape, v);
    }

    @Test
    void aCameraLstmLoadsWithTheNcpsHeadInFrontOfItsLayer() throws IOException {
        LoadedModel loaded = LoadedModel.load(lstm);
        assertThat(loaded.network().head()).isPresent();
        assertThat(loaded.network().isBaseline()).isTrue();
        assertThat(loaded.network().stateSize()).isEqualTo(HIDDEN);

        CliRunner info = CliRunner.run("info", "--model", lstm.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode summary = JSON.readTree(info.out());
        assertThat(summary.get("cell").asText()).isEqualTo("LSTM (baseline)");
        // the NCP's head: three 5x5/3x3 convolutions, two more and the channel-wise linear layer, as its model.json
        assertThat(summary.get("size_table").get("head_parameters").asLong()).isEqualTo(
                LoadedModel.load(TreeCommandTest.sample("sample-models/ncp-lanekeeping")).network().head()
                        .orElseThrow().spec().parameterCount());
    }

    @Test
    void simulateRunsFramesThroughTheHeadIntoTheLstm() throws IOException {
        Rollout clean = Rollouts.read(rollouts.resolve("episode-0000.npz"));
        int steps = 6;
        int[] frame = {32, 96, 3};
        float[] frames = java.util.Arrays.copyOf(clean.inputs().toFloatArray(), steps * 32 * 96 * 3);
        Path x = tmp.resolve("frames.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {1, steps, frame[0], frame[1], frame[2]}, frames));
        CliRunner run = CliRunner.run("simulate", "--model", lstm.toString(), "--input", x.toString(), "--out",
                tmp.resolve("lstm.npz").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        float[] outputs = Npz.read(tmp.resolve("lstm.npz")).get("outputs").toFloatArray();

        // by composition: the head alone (checked against direct convolutions), then the LSTM alone (checked
        // against torch)
        LoadedModel loaded = LoadedModel.load(lstm);
        PerceptionHead head = loaded.network().head().orElseThrow();
        PerceptionHead.Workspace ws = head.newWorkspace();
        int s = head.outputSize();
        float[] features = new float[steps * s];
        for (int t = 0; t < steps; t++) {
            head.forward(frames, t * frames.length / steps, ws, features, t * s);
        }
        Map<String, NdArray> cellWeights = new LinkedHashMap<>(ModelFolder.readWeights(loaded.folder(),
                loaded.manifest()));
        cellWeights.keySet().removeIf(k -> k.startsWith("head."));
        LiquidModel cellOnly = LiquidModel.fromStateDict(loaded.manifest().spec(), cellWeights);
        float[] expected = new Simulator(cellOnly).run(SimulationInput.of(NdArray.ofFloats(new int[] {1, steps, s},
                features))).stepOutputs().toFloatArray();
        assertThat(outputs).containsExactly(expected);
    }

    @Test
    void reportsOnACameraLstmWithVisualBackPropAndRanksItsUnitsByName() throws IOException {
        Path out = tmp.resolve("report");
        CliRunner run = CliRunner.run("report", "--models", lstm.toString(), "--rollouts", rollouts.toString(),
                "--perturbations", "noise=0,0.2", "--frames", "3", "--episodes", "1", "--episode-steps", "20",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception");
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(csv).anyMatch(l -> l.startsWith("camera-lstm,frames,noise 0.2,") && l.contains(",ssim,"));
        assertThat(csv).anyMatch(l -> l.startsWith("camera-lstm,closed_loop,noise 0.2,"));
        JsonNode json = JSON.readTree(out.resolve("metrics.json").toFile());
        JsonNode ranking = json.get("models").get(0).get("interventions");
        // every unit clamped to its min and its max, each named as the layer's unit
        assertThat(ranking).hasSize(2 * HIDDEN);
        assertThat(ranking.findValuesAsText("target")).allMatch(t -> t.matches("l0\\.u[0-7]"))
                .contains("l0.u0", "l0.u7");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("all of them: no neuron is wired as an output")
                .doesNotContain("motor neurons left out");
    }

    @Test
    void aGradientMethodDifferentiatesTheBaselineAndItsHead() throws IOException {
        Path out = tmp.resolve("gradient");
        CliRunner run = CliRunner.run("report", "--models", lstm.toString(), "--rollouts", rollouts.toString(),
                "--method", "gradient", "--frames", "2", "--episodes", "0", "--no-interventions", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String csv = Files.readString(out.resolve("metrics.csv"));
        assertThat(csv).contains(",ssim,").doesNotContain("NaN,NaN,NaN");
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"gradient\"");
    }
}
