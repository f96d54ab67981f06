package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
import io.liquidlens.testing.TorchRnnReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interventions on a baseline through the command line: {@code simulate --clamp} holds a hidden unit as
 * docs/BASELINES.md#interventions says (checked against torch's equations evaluated apart, with the unit held), and
 * {@code --cut}, which has no synapse to remove in a dense layer, is refused with one line.
 */
class BaselineInterventionsTest {
    @TempDir
    Path tmp;

    @Test
    void aClampedLstmUnitHoldsItsValueInEveryLayerAndTheRestFollowTorchsEquations() {
        Case c = BaselineFixtures.named("lstm16x2_in5_out2");
        Path model = imported(c);

        // unit 3 of layer 0 and unit 5 of layer 1 (state positions 3 and 21)
        CliRunner run = simulate(model, c, "r.npz", "--clamp", "3=0.5", "--clamp", "21=-0.25");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, NdArray> result = Npz.read(tmp.resolve("r.npz"));
        float[] states = result.get("states").toFloatArray();
        for (int row = 0; row < states.length / 32; row++) {
            assertThat(states[row * 32 + 3]).isEqualTo(0.5f);
            assertThat(states[row * 32 + 21]).isEqualTo(-0.25f);
        }
        double[] expected = TorchRnnReference.outputs("lstm", ModelFolder.readWeightsFile(c.weights()), 2, 16,
                c.input(), Map.of(3, 0.5, 21, -0.25));
        double[] unclamped = TorchRnnReference.outputs("lstm", ModelFolder.readWeightsFile(c.weights()), 2, 16,
                c.input());
        float[] actual = result.get("outputs").toFloatArray();
        double largestEffect = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], Offset.offset(1e-5));
            largestEffect = Math.max(largestEffect, Math.abs(expected[i] - unclamped[i]));
        }
        assertThat(largestEffect).as("the clamp changes the outputs").isGreaterThan(1e-3);
        // the cell states are not held: the clamped unit's c still moves
        float[] cx = result.get("cx").toFloatArray();
        assertThat(cx[3]).isNotEqualTo(cx[32 + 3]);
    }

    @Test
    void aClampedGruUnitMatchesTorchsEquationsWithTheUnitHeld() {
        Case c = BaselineFixtures.named("gru20x1_in6_out1");
        Path model = imported(c);

        CliRunner run = simulate(model, c, "r.npz", "--clamp", "7=1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] expected = TorchRnnReference.outputs("gru", ModelFolder.readWeightsFile(c.weights()), 1, 20,
                c.input(), Map.of(7, 1.0));
        float[] actual = Npz.read(tmp.resolve("r.npz")).get("outputs").toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], Offset.offset(1e-5));
        }
    }

    @Test
    void aCutOrAClampOutsideTheUnitsIsOneLineAndWritesNothing() {
        Case c = BaselineFixtures.named("lstm24x1_in6_out1");
        Path model = imported(c);

        CliRunner cut = simulate(model, c, "a.npz", "--cut", "2->3");
        CliRunner outside = simulate(model, c, "b.npz", "--clamp", "24=0");

        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err().strip()).contains(model.resolve("model.json").toString())
                .contains("an LSTM baseline has no synapses to cut").doesNotContain("\n");
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.err().strip()).contains("cannot clamp neuron 24").contains("0..23").doesNotContain("\n");
        assertThat(Files.exists(tmp.resolve("a.npz")) || Files.exists(tmp.resolve("b.npz"))).isFalse();
    }

    /** {@code simulate} of {@code model} on the case's inputs with {@code interventions}, into {@code out}. */
    private CliRunner simulate(Path model, Case c, String out, String... interventions) {
        List<String> args = new ArrayList<>(List.of("simulate", "--model", model.toString(), "--input",
                c.inputFile().toString(), "--out", tmp.resolve(out).toString()));
        args.addAll(List.of(interventions));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private Path imported(Case c) {
        Path model = tmp.resolve("m");
        CliRunner run = CliRunner.run("import", c.weights().toString(), "--out", model.toString(), "--set",
                "batch_first=true");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }
}
