package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens info} on model folders made from the ncps fixtures. Every count is checked against
 * what the fixture JSON says (ncps's own state dict, masks and wiring), computed here, not by LiquidLens.
 */
class InfoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode LTC = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
    private static final JsonNode DENSE_CFC = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_gelu_bl1");
    private static final JsonNode WIRED_CFC = Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default");

    @TempDir
    Path tmp;

    private CliRunner info(JsonNode fixtureCase, String... extra) throws IOException {
        Path model = tmp.resolve(fixtureCase.get("name").asText());
        if (!Files.exists(model)) {
            FixtureModelFolders.write(fixtureCase, model);
        }
        String[] args = new String[3 + extra.length];
        args[0] = "info";
        args[1] = "--model";
        args[2] = model.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliRunner run = CliRunner.run(args);
        assertThat(run.err()).as("stderr").isEmpty();
        assertThat(run.exitCode()).isZero();
        return run;
    }

    private JsonNode infoJson(JsonNode fixtureCase) throws IOException {
        return JSON.readTree(info(fixtureCase, "--json").out());
    }

    // --- counts from the fixture JSON -----------------------------------------------------------------

    /** What ncps reports: every element of every trainable tensor; the sparsity masks are buffers, not parameters. */
    private static long trainable(JsonNode fixtureCase) {
        long n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fixtureCase.get("state_dict").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().endsWith("sparsity_mask")) {
                n += Fixtures.floats(e.getValue()).length;
            }
        }
        return n;
    }

    private static float[] tensor(JsonNode fixtureCase, String name) {
        return Fixtures.floats(fixtureCase.get("state_dict").get(name));
    }

    private static int nonZero(float[] values) {
        int n = 0;
        for (float v : values) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }

    /** Non-zero entries of the first {@code columns} columns of a (rows, cols) tensor. */
    private static int nonZeroInColumns(JsonNode fixtureCase, String name, int columns) {
        int[] shape = Fixtures.shape(fixtureCase.get("state_dict").get(name));
        float[] m = tensor(fixtureCase, name);
        int n = 0;
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < columns; c++) {
                if (m[r * shape[1] + c] != 0f) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int nonZeroEntries(JsonNode matrix) {
        int n = 0;
        for (JsonNode row : matrix) {
            for (JsonNode v : row) {
                if (v.asInt() != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long role(JsonNode fixtureCase, String role) {
        long n = 0;
        for (JsonNode t : fixtureCase.get("wiring").get("neuron_types")) {
            if (t.asText().equals(role)) {
                n++;
            }
        }
        return n;
    }

    // --- LTC with an AutoNCP wiring --------------------------------------------------------------------

    @Test
    void ltcJsonReportsCellNeuronsStateAndOutputs() throws IOException {
        JsonNode j = infoJson(LTC);

        assertThat(j.get("cell").asText()).isEqualTo("LTC");
        assertThat(j.get("wiring").asText()).isEqualTo("AutoNCP");
        assertThat(j.get("neurons").get("sensory").asInt()).isEqualTo(8).isEqualTo(LTC.get("ctor").get("input_size").asInt());
        assertThat(j.get("neurons").get("inter").asLong()).isEqualTo(11).isEqualTo(role(LTC, "inter"));
        assertThat(j.get("neurons").get("command").asLong()).isEqualTo(7).isEqualTo(role(LTC, "command"));
        assertThat(j.get("neurons").get("motor").asLong()).isEqualTo(1).isEqualTo(role(LTC, "motor"));
        assertThat(j.get("state_size").asInt()).isEqualTo(19);
        assertThat(j.get("outputs").asInt()).isEqualTo(1);
        assertThat(j.get("name").asText()).isEqualTo("ltc_autoncp19_1_default");
        assertThat(j.get("ncps").get("units").get("class").asText()).isEqualTo("AutoNCP");
        List<String> keys = List.of("name", "model", "cell", "cell_options", "ncps", "wiring", "neurons", "state_size",
                "inputs", "outputs", "synapses", "parameters", "size_table", "checkpoint_matches_wiring",
                "checkpoint_wiring",
                "wiring_call");
        assertThat(j.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void ltcTrainableParametersAreWhatNcpsCounts() throws IOException {
        JsonNode j = infoJson(LTC);

        long expected = trainable(LTC);
        assertThat(expected).isEqualTo(2127);
        assertThat(j.get("parameters").get("trainable").asLong()).isEqualTo(expected);
        assertThat(j.get("size_table").get("rnn_trainable_parameters").asLong()).isEqualTo(expected);
    }

    @Test
    void ltcEffectiveParametersLeaveOutMaskedSynapses() throws IOException {
        JsonNode j = infoJson(LTC);

        // per neuron gleak, vleak, cm; per present synapse sigma, mu, w, erev; the input and output mappings
        int internal = nonZero(tensor(LTC, "rnn_cell.sparsity_mask"));
        int sensory = nonZero(tensor(LTC, "rnn_cell.sensory_sparsity_mask"));
        long mappings = 0;
        for (String m : List.of("input_w", "input_b", "output_w", "output_b")) {
            mappings += tensor(LTC, "rnn_cell." + m).length;
        }
        long expected = 3L * 19 + 4L * (internal + sensory) + mappings;
        JsonNode p = j.get("parameters");
        assertThat(p.get("effective").asLong()).isEqualTo(expected);
        long byRole = 0;
        for (JsonNode v : p.get("by_role")) {
            byRole += v.asLong();
        }
        assertThat(byRole + p.get("shared").asLong()).isEqualTo(expected);
    }

    @Test
    void ltcSynapsesAreTheCheckpointMasks() throws IOException {
        JsonNode j = infoJson(LTC);

        int internal = nonZero(tensor(LTC, "rnn_cell.sparsity_mask"));
        int sensory = nonZero(tensor(LTC, "rnn_cell.sensory_sparsity_mask"));
        assertThat(j.get("synapses").get("internal").asInt()).isEqualTo(internal);
        assertThat(j.get("synapses").get("sensory").asInt()).isEqualTo(sensory);
        assertThat(j.get("synapses").get("total").asInt()).isEqualTo(internal + sensory);
        assertThat(j.get("size_table").get("synapses").asInt()).isEqualTo(internal + sensory);
    }

    @Test
    void ltcCheckpointHoldsMoreSynapsesThanOneAutoNcpBuild() throws IOException {
        // the fixture's masks come from a wiring ncps built twice (docs/NCPS.md#building-a-wiring-twice); one build is
        // what the fixture's own wiring object records
        int maskInternal = nonZero(tensor(LTC, "rnn_cell.sparsity_mask"));
        int maskSensory = nonZero(tensor(LTC, "rnn_cell.sensory_sparsity_mask"));
        int wiringInternal = nonZeroEntries(LTC.get("wiring").get("adjacency_matrix"));
        int wiringSensory = nonZeroEntries(LTC.get("wiring").get("sensory_adjacency_matrix"));
        assertThat(maskInternal).isEqualTo(70);
        assertThat(maskSensory).isEqualTo(60);
        assertThat(wiringInternal).isEqualTo(47).isEqualTo(LTC.get("wiring").get("synapse_count").asInt());
        assertThat(wiringSensory).isEqualTo(40).isEqualTo(LTC.get("wiring").get("sensory_synapse_count").asInt());

        assertThat(infoJson(LTC).get("checkpoint_matches_wiring").asBoolean()).isFalse();
        assertThat(infoJson(LTC).get("checkpoint_wiring").asText()).isEqualTo("built_twice");
        String note = info(LTC).out().lines().filter(l -> l.startsWith("note")).findFirst().orElseThrow();
        assertThat(note).contains(String.valueOf(maskInternal + maskSensory))
                .contains(String.valueOf(wiringInternal + wiringSensory));
    }

    @Test
    void ltcTextReportsTheSameCounts() throws IOException {
        String text = info(LTC).out();

        assertThat(line(text, "cell")).contains("LTC");
        assertThat(line(text, "wiring")).contains("AutoNCP");
        assertThat(line(text, "neurons")).contains("8 sensory", "11 inter", "7 command", "1 motor");
        assertThat(line(text, "state")).contains("19 values", "1 output");
        int internal = nonZero(tensor(LTC, "rnn_cell.sparsity_mask"));
        int sensory = nonZero(tensor(LTC, "rnn_cell.sensory_sparsity_mask"));
        assertThat(line(text, "synapses")).contains(internal + " internal", sensory + " sensory");
        assertThat(line(text, "parameters")).contains(String.format(java.util.Locale.ROOT, "%,d trainable",
                trainable(LTC)));
        assertThat(text).contains("Size table");
    }

    @Test
    void inputsAreNamedWithTheirRolesDeclaredOrByName() throws IOException {
        Path model = FixtureModelFolders.write(LTC, tmp.resolve(LTC.get("name").asText()));
        Path manifest = model.resolve("model.json");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(manifest.toFile());
        var inputs = root.putObject("inputs");
        inputs.put("kind", "vector");
        var names = inputs.putArray("names");
        List.of("d", "mu", "kappa", "noise1", "noise2", "spurious", "speed", "spurious_2").forEach(names::add);
        inputs.putObject("roles").put("noise1", "distractor").put("speed", "task");
        Files.writeString(manifest, JSON.writeValueAsString(root));

        String text = info(LTC).out();
        JsonNode json = infoJson(LTC);

        assertThat(line(text, "inputs")).isEqualTo("inputs      d (task), mu (task), kappa (task), noise1 (distractor*),"
                + " noise2 (other), spurious (other), speed (task*), spurious_2 (distractor);"
                + " * declared in model.json, the rest by name");
        assertThat(json.get("inputs").get("roles").get("noise1").asText()).isEqualTo("distractor");
        assertThat(json.get("inputs").get("roles").get("spurious_2").asText()).isEqualTo("distractor");
        assertThat(json.get("inputs").get("roles").get("noise2").asText()).isEqualTo("other");
        assertThat(json.get("inputs").get("declared_roles")).extracting(JsonNode::asText)
                .containsExactly("noise1", "speed");
    }

    @Test
    void theModelJsonPathGivesTheSameSummaryAsTheFolder() throws IOException {
        Path model = FixtureModelFolders.write(LTC, tmp.resolve("m"));

        CliRunner byFolder = CliRunner.run("info", "--model", model.toString(), "--json");
        CliRunner byFile = CliRunner.run("info", "--model", model.resolve("model.json").toString(), "--json");

        assertThat(byFile.exitCode()).isZero();
        assertThat(JSON.readTree(byFile.out())).isEqualTo(JSON.readTree(byFolder.out()));
    }

    // --- CfC ------------------------------------------------------------------------------------------

    @Test
    void denseCfcHasNoWiringAndNcpsParameterCount() throws IOException {
        JsonNode j = infoJson(DENSE_CFC);

        assertThat(j.get("cell").asText()).isEqualTo("CfC");
        assertThat(j.get("wiring").isNull()).isTrue();
        assertThat(j.get("parameters").get("trainable").asLong()).isEqualTo(trainable(DENSE_CFC)).isEqualTo(2200);
        assertThat(j.get("state_size").asInt()).isEqualTo(16);
        assertThat(j.get("neurons").get("sensory").asInt()).isEqualTo(8);
        assertThat(j.get("synapses").get("total").asInt()).isZero();
        assertThat(j.get("checkpoint_matches_wiring").asBoolean()).isTrue();
        String text = info(DENSE_CFC).out();
        assertThat(line(text, "wiring")).contains("none (dense)");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("note"));
    }

    @Test
    void wiredCfcReportsTheLayeredRoles() throws IOException {
        JsonNode j = infoJson(WIRED_CFC);

        assertThat(j.get("cell").asText()).isEqualTo("CfC (wired)");
        assertThat(j.get("wiring").asText()).isEqualTo("AutoNCP");
        JsonNode layers = WIRED_CFC.get("wiring").get("layers");
        assertThat(j.get("neurons").get("inter").asInt()).isEqualTo(layers.get(0).size()).isEqualTo(11);
        assertThat(j.get("neurons").get("command").asInt()).isEqualTo(layers.get(1).size()).isEqualTo(7);
        assertThat(j.get("neurons").get("motor").asInt()).isEqualTo(layers.get(2).size()).isEqualTo(1);
        assertThat(j.get("neurons").get("sensory").asInt()).isEqualTo(8);
        assertThat(j.get("state_size").asInt()).isEqualTo(19);
        assertThat(j.get("outputs").asInt()).isEqualTo(1);
        assertThat(j.get("parameters").get("trainable").asLong()).isEqualTo(trainable(WIRED_CFC));
        // layer 0's mask is (inter, inputs + inter): its input columns are the sensory synapses
        assertThat(j.get("synapses").get("sensory").asInt())
                .isEqualTo(nonZeroInColumns(WIRED_CFC, "rnn_cell.layer_0.sparsity_mask", 8));
        JsonNode byRole = j.get("parameters").get("by_role");
        assertThat(byRole.get("inter").asLong()).isPositive();
        assertThat(byRole.get("command").asLong()).isPositive();
        assertThat(byRole.get("motor").asLong()).isPositive();
    }

    // --- errors ---------------------------------------------------------------------------------------

    @Test
    void aMissingFolderIsOneLineAndExitCodeOne() {
        Path missing = tmp.resolve("no-such-model");

        CliRunner run = CliRunner.run("info", "--model", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(missing.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String line(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + key + "' in:\n" + text));
    }
}
