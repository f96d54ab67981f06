package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Safetensors;
import io.liquidlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code liquidlens import} turns each ncps LTC fixture's bare state dict, given only the settings no tensor
 * records, into a model folder that simulates exactly as ncps did.
 */
class ImportCommandTest {
    private static final List<String> UNRECORDED =
            List.of("ode_unfolds", "epsilon", "implicit_param_constraints", "return_sequences", "batch_first");

    @TempDir
    Path tmp;

    static Stream<JsonNode> ltcCases() {
        return Fixtures.cases("ltc.json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ltcCases")
    void importedStateDictSimulatesLikeNcps(JsonNode c) throws Exception {
        JsonNode ctor = c.get("ctor");
        List<String> args = new ArrayList<>(List.of("import",
                Fixtures.checkpoint(c.get("checkpoint").asText()).toString(), "--out", tmp.resolve("m").toString()));
        for (String key : UNRECORDED) {
            if (ctor.has(key)) {
                args.addAll(List.of("--set", key + "=" + ctor.get(key).asText()));
            }
        }
        if (ctor.has("output_mapping") && ctor.get("output_mapping").isNull()) {
            args.addAll(List.of("--set", "output_size=" + c.get("wiring").get("output_dim").asInt()));
        }

        CliRunner run = CliRunner.run(args.toArray(String[]::new));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("imported an LTC of 8 inputs");
        SimulateCommandFixtureTest.assertSimulatesLikeNcps(c, tmp.resolve("m"), tmp);
    }

    static Stream<JsonNode> cfcCases() {
        return Fixtures.cases("cfc.json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cfcCases")
    void importedCfcStateDictSimulatesLikeNcps(JsonNode c) throws Exception {
        List<String> args = new ArrayList<>(List.of("import",
                Fixtures.checkpoint(c.get("checkpoint").asText()).toString(), "--out", tmp.resolve("m").toString()));
        io.liquidlens.testing.FixtureModels.cfcUnrecordedSettings(c)
                .forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        JsonNode ctor = c.get("ctor");
        for (String key : List.of("return_sequences", "batch_first")) {
            if (ctor.has(key)) {
                args.addAll(List.of("--set", key + "=" + ctor.get(key).asText()));
            }
        }

        CliRunner run = CliRunner.run(args.toArray(String[]::new));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("CfC of 8 inputs");
        SimulateCommandFixtureTest.assertSimulatesLikeNcps(c, tmp.resolve("m"), tmp);
    }

    @Test
    void unsetSettingsAreNcpsDefaultsAndSaySo() throws Exception {
        Path checkpoint = Fixtures.checkpoint("ltc_fullyconnected16.pt");

        CliRunner run = CliRunner.run("import", checkpoint.toString(), "--out", tmp.resolve("m").toString(),
                "--set", "ode_unfolds=6", "--name", "dense", "--inputs", "a,b,c,d,e,f,g,h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("assumed epsilon=1e-08 (ncps default)")
                .contains("assumed batch_first=true (ncps default)").doesNotContain("assumed ode_unfolds");
        ModelManifest manifest = ModelFolder.readManifest(tmp.resolve("m"));
        assertThat(manifest.name()).isEqualTo("dense");
        assertThat(manifest.inputs().names()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(manifest.spec().inputSize()).isEqualTo(8);
        assertThat(ModelFolder.readWeights(tmp.resolve("m"), manifest)).containsOnlyKeys(
                ModelFolder.readWeightsFile(checkpoint).keySet());
    }

    @Test
    void inputRolesGoIntoModelJsonAndMustNameInputs() throws Exception {
        Path checkpoint = Fixtures.checkpoint("ltc_fullyconnected16.pt");
        String names = "d,mu,kappa,noise1,noise2,spurious,g,h";

        CliRunner run = CliRunner.run("import", checkpoint.toString(), "--out", tmp.resolve("m").toString(),
                "--inputs", names, "--input-roles", "noise1=distractor,spurious=distractor,g=other");
        CliRunner typo = CliRunner.run("import", checkpoint.toString(), "--out", tmp.resolve("t").toString(),
                "--inputs", names, "--input-roles", "noise3=distractor");

        assertThat(run.exitCode()).isZero();
        ModelManifest.InputSpec inputs = ModelFolder.readManifest(tmp.resolve("m")).inputs();
        assertThat(inputs.declaredDistractors()).containsExactly("noise1", "spurious");
        assertThat(inputs.roleOf("g")).isEqualTo(io.liquidlens.io.InputRole.OTHER);
        assertThat(inputs.roleOf("noise2")).isEqualTo(io.liquidlens.io.InputRole.OTHER);
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip()).startsWith("liquidlens import: --input-roles: \"noise3\" is not one of the"
                + " inputs").doesNotContain("\n");
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    @Test
    void aSafetensorsStateDictImportsAsThePickleDoes() throws Exception {
        JsonNode c = Fixtures.cases("ltc.json").stream()
                .filter(k -> k.get("name").asText().equals("ltc_autoncp19_1_mixed_memory")).findFirst().orElseThrow();
        Path safetensors = tmp.resolve("ltc.safetensors");
        Safetensors.write(safetensors, ModelFolder.readWeightsFile(Fixtures.checkpoint(c.get("checkpoint").asText())));

        CliRunner run = CliRunner.run("import", safetensors.toString(), "--out", tmp.resolve("m").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(ModelFolder.readManifest(tmp.resolve("m")).spec().cell().mixedMemory()).isTrue();
        SimulateCommandFixtureTest.assertSimulatesLikeNcps(c, tmp.resolve("m"), tmp);
    }

    @Test
    void inputNamesMustBeOnePerInput() {
        CliRunner run = CliRunner.run("import", Fixtures.checkpoint("ltc_fullyconnected16.pt").toString(),
                "--out", tmp.resolve("m").toString(), "--inputs", "a,b");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--inputs: 2 names").contains("has 8 inputs");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void aStateDictOfAnotherNetworkIsRefusedAndNothingIsWritten() throws Exception {
        Path foreign = tmp.resolve("foreign.safetensors");
        Safetensors.write(foreign, Map.of("encoder.weight", NdArray.ofFloats(new int[] {2, 2}, new float[4]),
                "rnn_cell.gleak", NdArray.ofFloats(new int[] {2}, new float[2])));

        CliRunner run = CliRunner.run("import", foreign.toString(), "--out", tmp.resolve("m").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("foreign.safetensors")
                .contains("not a state dict of an ncps LTC").contains("encoder.weight");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void anUnknownSettingIsAUsageError() {
        CliRunner run = CliRunner.run("import", Fixtures.checkpoint("ltc_fullyconnected16.pt").toString(),
                "--out", tmp.resolve("m").toString(), "--set", "unfolds=3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--set unfolds").contains("ode_unfolds");
        assertThat(Files.exists(tmp.resolve("m"))).isFalse();
    }

    @Test
    void aSettingNcpsWouldRejectIsAUsageError() {
        CliRunner run = CliRunner.run("import", Fixtures.checkpoint("ltc_fullyconnected16.pt").toString(),
                "--out", tmp.resolve("m").toString(), "--set", "ode_unfolds=0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ode_unfolds must be >= 1");
        assertThat(tmp.resolve("m")).doesNotExist();

        CliRunner tooMany = CliRunner.run("import", Fixtures.checkpoint("ltc_fullyconnected16.pt").toString(),
                "--out", tmp.resolve("m").toString(), "--set", "ode_unfolds=1000000000");
        assertThat(tooMany.exitCode()).as("a folder no command could load is not written").isEqualTo(2);
        assertThat(tooMany.err()).contains("ode_unfolds must be at most");
        assertThat(tmp.resolve("m")).doesNotExist();
    }
}
