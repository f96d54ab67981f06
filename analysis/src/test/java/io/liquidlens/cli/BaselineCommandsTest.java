package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Safetensors;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
import io.liquidlens.testing.CtrnnWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PyTorch user's baseline through the command line: {@code import} of the state dict torch saved, then
 * {@code info} and {@code simulate}, which gives torch's outputs within 1e-5. What does not take a baseline yet
 * refuses it with one line naming its model.json, exit code 1, and writes nothing.
 */
class BaselineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static List<Case> cases() {
        return BaselineFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void importedStateDictSimulatesLikeTorch(Case c) throws Exception {
        Path model = tmp.resolve("m");

        CliRunner imported = CliRunner.run("import", c.weights().toString(), "--out", model.toString());
        CliRunner simulated = CliRunner.run("simulate", "--model", model.toString(), "--input",
                c.inputFile().toString(), "--out", tmp.resolve("r.npz").toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported " + (c.kind().equals("gru") ? "a " : "an ") + c.torchClass()
                        + (c.kind().equals("rnn") ? " (tanh)" : "") + " baseline of " + c.inputs() + " inputs")
                .contains("assumed batch_first=false (torch default)");
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        Map<String, NdArray> result = Npz.read(tmp.resolve("r.npz"));
        float[] actual = result.get("outputs").toFloatArray();
        float[] expected = c.expected().toFloatArray();
        assertThat(result.get("outputs").shape()).containsExactly(c.expected().shape());
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], Offset.offset(1e-5));
        }
        assertThat(result.get("states").shape()).containsExactly(2, 30, c.hidden() * c.layers());
        assertThat(result.containsKey("cx")).isEqualTo(c.kind().equals("lstm"));
    }

    @Test
    void modelJsonHoldsTorchsConstructorCallAndInfoCountsTorchsParameters() throws Exception {
        Case c = BaselineFixtures.named("lstm16x2_in5_out2");
        Path model = tmp.resolve("m");
        CliRunner.run("import", c.weights().toString(), "--out", model.toString(), "--set", "batch_first=true");

        JsonNode ncps = JSON.readTree(model.resolve("model.json").toFile()).get("ncps");
        CliRunner info = CliRunner.run("info", "--model", model.toString(), "--json");

        assertThat(ncps.get("class").asText()).isEqualTo("LSTM");
        assertThat(ncps.get("input_size").asInt()).isEqualTo(5);
        assertThat(ncps.get("hidden_size").asInt()).isEqualTo(16);
        assertThat(ncps.get("num_layers").asInt()).isEqualTo(2);
        assertThat(ncps.get("batch_first").asBoolean()).isTrue();
        assertThat(ncps.get("readout").get("out_features").asInt()).isEqualTo(2);
        JsonNode summary = JSON.readTree(info.out());
        assertThat(summary.get("cell").asText()).isEqualTo("LSTM (baseline)");
        assertThat(summary.get("wiring").isNull()).isTrue();
        assertThat(summary.get("neurons").get("inter").asInt()).isEqualTo(32);
        assertThat(summary.get("neurons").get("command").asInt()).isZero();
        // torch: 4H (S + H + 2) for layer 0, 4H (H + H + 2) for layer 1, M (H + 1) for the readout
        long torch = 4 * 16 * (5 + 16 + 2) + 4 * 16 * (16 + 16 + 2) + 2 * (16 + 1);
        assertThat(summary.get("parameters").get("trainable").asLong()).isEqualTo(torch);
    }

    @Test
    void otherAttributeNamesImportWithTheirPrefixes() throws Exception {
        Case c = BaselineFixtures.named("gru20x1_in6_out1");
        Map<String, NdArray> renamed = new java.util.LinkedHashMap<>();
        ModelFolder.readWeightsFile(c.weights()).forEach((k, v) -> renamed.put(k.startsWith("rnn.")
                ? "encoder.gru." + k.substring(4) : "head." + k.substring(3), v));
        Path file = tmp.resolve("renamed.safetensors");
        Safetensors.write(file, renamed);

        CliRunner plain = CliRunner.run("import", file.toString(), "--out", tmp.resolve("a").toString());
        CliRunner prefixed = CliRunner.run("import", file.toString(), "--out", tmp.resolve("b").toString(), "--set",
                "rnn_prefix=encoder.gru", "--set", "readout_prefix=head");
        CliRunner simulated = CliRunner.run("simulate", "--model", tmp.resolve("b").toString(), "--input",
                c.inputFile().toString(), "--out", tmp.resolve("r.npz").toString());

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err().strip()).contains("encoder.gru.weight_ih_l0").contains("--set rnn_prefix=encoder.gru")
                .doesNotContain("\n");
        assertThat(Files.exists(tmp.resolve("a"))).isFalse();
        assertThat(prefixed.exitCode()).as(prefixed.err()).isZero();
        assertThat(ModelFolder.readWeights(tmp.resolve("b"), ModelFolder.readManifest(tmp.resolve("b"))).keySet())
                .containsExactlyInAnyOrder("rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                        "fc.weight", "fc.bias");
        assertThat(simulated.exitCode()).isZero();
        assertThat(Npz.read(tmp.resolve("r.npz")).get("outputs").toFloatArray()[7])
                .isCloseTo(c.expected().toFloatArray()[7], Offset.offset(1e-5f));
    }

    @Test
    void layersWhosePrefixStartsTheReadoutsAreToldApart() throws Exception {
        Case c = BaselineFixtures.named("rnn12x2_in4_out1");
        Map<String, NdArray> nested = new java.util.LinkedHashMap<>();
        // the layers straight under "model." (model.weight_ih_l0, ...), the readout under "model.head."
        ModelFolder.readWeightsFile(c.weights()).forEach((k, v) -> nested.put(k.startsWith("rnn.")
                ? "model." + k.substring(4) : "model.head." + k.substring(3), v));
        Path file = tmp.resolve("nested.safetensors");
        Safetensors.write(file, nested);

        CliRunner run = CliRunner.run("import", file.toString(), "--out", tmp.resolve("m").toString(), "--set",
                "rnn_prefix=model", "--set", "readout_prefix=model.head");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ModelFolder.readWeights(tmp.resolve("m"), ModelFolder.readManifest(tmp.resolve("m"))))
                .containsKeys("rnn.weight_ih_l1", "fc.weight", "fc.bias");
    }

    @Test
    void bothDirectionsAndProjectionsAreRefusedByTheKeyThatShowsThem() {
        Case c = BaselineFixtures.named("lstm24x1_in6_out1");
        for (String key : List.of("rnn.weight_ih_l0_reverse", "rnn.weight_hr_l0")) {
            Map<String, NdArray> weights = new java.util.LinkedHashMap<>(ModelFolder.readWeightsFile(c.weights()));
            weights.put(key, NdArray.ofFloats(new int[] {96, 6}, new float[96 * 6]));
            Path file = tmp.resolve(key + ".safetensors");
            Safetensors.write(file, weights);

            CliRunner run = CliRunner.run("import", file.toString(), "--out", tmp.resolve(key).toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("liquidlens import: " + file).contains("holds " + key)
                    .doesNotContain("\n");
            assertThat(Files.exists(tmp.resolve(key))).isFalse();
        }
    }

    @Test
    void settingsTorchDoesNotRecordAreCheckedAndARelusRnnIsSaidSo() throws Exception {
        Case rnn = BaselineFixtures.named("rnn12x2_in4_out1");
        Case lstm = BaselineFixtures.named("lstm24x1_in6_out1");

        CliRunner relu = CliRunner.run("import", rnn.weights().toString(), "--out", tmp.resolve("relu").toString(),
                "--set", "nonlinearity=relu");
        CliRunner sigmoid = CliRunner.run("import", rnn.weights().toString(), "--out", tmp.resolve("s").toString(),
                "--set", "nonlinearity=sigmoid");
        CliRunner notAnRnn = CliRunner.run("import", lstm.weights().toString(), "--out", tmp.resolve("l").toString(),
                "--set", "nonlinearity=relu");

        assertThat(relu.exitCode()).isZero();
        assertThat(relu.out()).contains("an RNN (relu) baseline").contains("2 layers x 12 hidden units");
        assertThat(JSON.readTree(tmp.resolve("relu/model.json").toFile()).get("ncps").get("nonlinearity").asText())
                .isEqualTo("relu");
        assertThat(sigmoid.exitCode()).isEqualTo(2);
        assertThat(sigmoid.err()).contains("--set nonlinearity=sigmoid");
        assertThat(notAnRnn.exitCode()).isEqualTo(2);
        assertThat(notAnRnn.err()).contains("--set nonlinearity: not a setting of a torch LSTM, GRU or RNN import");
    }

    @Test
    void aCtrnnStateDictImportsAndSimulatesAsItsCell() throws Exception {
        Map<String, NdArray> weights = CtrnnWeights.random(4, 9, 2, 21);
        Path file = tmp.resolve("ctrnn.safetensors");
        Safetensors.write(file, weights);
        NdArray x = Npy.read(BaselineFixtures.named("rnn12x2_in4_out1").inputFile());

        CliRunner imported = CliRunner.run("import", file.toString(), "--out", tmp.resolve("m").toString(), "--set",
                "ode_unfolds=4");
        CliRunner simulated = CliRunner.run("simulate", "--model", tmp.resolve("m").toString(), "--input",
                BaselineFixtures.named("rnn12x2_in4_out1").inputFile().toString(), "--tau", "--out",
                tmp.resolve("r.npz").toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("a CT-RNN baseline of 4 inputs and 9 units, 2 outputs")
                .contains("assumed batch_first=true").doesNotContain("assumed ode_unfolds");
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        LiquidModel direct = LiquidModel.fromStateDict(CtrnnWeights.spec(4, 9, 2, 4), weights);
        float[] expected = new Simulator(direct).run(SimulationInput.of(x)).outputs().toFloatArray();
        Map<String, NdArray> result = Npz.read(tmp.resolve("r.npz"));
        assertThat(result.get("outputs").toFloatArray()).containsExactly(expected);
        assertThat(result.get("tau").shape()).containsExactly(2, 30, 9);
    }

    @Test
    void anLstmTakesNeitherElapsedTimesNorTimeConstants() throws Exception {
        Case c = BaselineFixtures.named("lstm24x1_in6_out1");
        Path model = importedLstm();
        Path ts = tmp.resolve("ts.npy");
        Npy.write(ts, NdArray.ofFloats(new int[] {2, 30}, new float[60]));

        CliRunner timed = CliRunner.run("simulate", "--model", model.toString(), "--input", c.inputFile().toString(),
                "--timespans", ts.toString(), "--out", tmp.resolve("a.npz").toString());
        CliRunner tau = CliRunner.run("simulate", "--model", model.toString(), "--input", c.inputFile().toString(),
                "--tau", "--out", tmp.resolve("b.npz").toString());

        assertThat(timed.exitCode()).isEqualTo(1);
        assertThat(timed.err()).contains(ts.toString()).contains("takes no elapsed times");
        assertThat(tau.exitCode()).isEqualTo(1);
        assertThat(tau.err()).contains("has no time constants");
        assertThat(Files.exists(tmp.resolve("a.npz")) || Files.exists(tmp.resolve("b.npz"))).isFalse();
    }

    /** The one-layer LSTM fixture imported with no settings, as folder {@code m}. */
    private Path importedLstm() {
        Path model = tmp.resolve("m");
        CliRunner run = CliRunner.run("import", BaselineFixtures.named("lstm24x1_in6_out1").weights().toString(),
                "--out", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }
}
