package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liquidlens simulate --clamp / --cut}: interventions during replay from the command line. */
class SimulateInterventionTest {
    private static final JsonNode CASE = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");

    @TempDir
    Path tmp;
    Path model;
    Path input;

    @BeforeEach
    void modelAndInput() throws IOException {
        model = FixtureModelFolders.write(CASE, tmp.resolve("model"));
        input = tmp.resolve("x.npy");
        Npy.write(input, NdArray.ofFloats(Fixtures.shape(CASE.get("input")), Fixtures.floats(CASE.get("input"))));
    }

    private Map<String, NdArray> simulate(String name, String... more) {
        Path out = tmp.resolve(name + ".npz");
        String[] base = {"simulate", "--model", model.toString(), "--input", input.toString(), "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        CliRunner run = CliRunner.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Npz.read(out);
    }

    @Test
    void aClampedNeuronHoldsItsValueAndTheProvenanceSaysSo() {
        Map<String, NdArray> plain = simulate("plain");
        Map<String, NdArray> clamped = simulate("clamped", "--clamp", "12=0.75");
        float[] states = clamped.get("states").toFloatArray();
        for (int row = 0; row < states.length / 19; row++) {
            assertThat(states[row * 19 + 12]).isEqualTo(0.75f);
        }
        assertThat(clamped.get("outputs").toFloatArray()).isNotEqualTo(plain.get("outputs").toFloatArray());
        assertThat(clamped.get("provenance").toStringArray()[0]).contains("\"interventions\":\"clamp 12=0.75\"");
    }

    @Test
    void badInterventionsAreOneLine() {
        // malformed values are bad usage (2); a neuron or synapse the model does not have is bad input (1)
        Map<String, Integer> codes = Map.of("99=0", 1, "3", 2, "1-2", 2, "0->0", 1);
        for (String[] bad : new String[][] {{"--clamp", "99=0"}, {"--clamp", "3"}, {"--cut", "1-2"},
            {"--cut", "0->0"}}) {
            Path out = tmp.resolve("bad.npz");
            CliRunner run = CliRunner.run("simulate", "--model", model.toString(), "--input", input.toString(),
                    "--out", out.toString(), bad[0], bad[1]);
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(codes.get(bad[1]));
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
    }
}
