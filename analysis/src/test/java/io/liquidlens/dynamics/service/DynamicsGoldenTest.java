package io.liquidlens.dynamics.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.dynamics.Correlation;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.NeuronDynamics;
import io.liquidlens.dynamics.Pca;
import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.dynamics.Sensitivity;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.sim.Activity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code dynamics.json} and {@code dynamics.csv} of a hand-built run against files checked in when the format was
 * made: a change of a key, an order or a number's spelling shows here, whatever the analyses compute.
 */
class DynamicsGoldenTest {

    /** Three neurons (motor 0, command 0, inter 0), two rollouts of two steps, the second without a map. */
    static DynamicsRun handBuilt() {
        DynamicsOptions options = new DynamicsOptions(false, 0.01, 4, 7L);
        Pca pca = new Pca(new int[] {1, 2}, 4, new double[] {0.1, -0.2}, new double[] {0.5, 0.25},
                new double[] {2.0 / 3, 1.0 / 3}, new double[][] {{0.6, 0.8}, {-0.8, 0.6}});
        Map<String, Correlation> world = new LinkedHashMap<>();
        world.put("x", new Correlation(0.25, 0.5));
        world.put("crash", new Correlation(Double.NaN, Double.NaN));
        List<NeuronDynamics> neurons = List.of(
                new NeuronDynamics(0, "motor 0 (id 0)", "M0", new Correlation(1, 1), world, 0.75, 0.5, 0.625, 1.5),
                new NeuronDynamics(1, "command 0 (id 1)", "C0", new Correlation(-0.5, -0.25), world, 0.125, 0.25,
                        0.375, 0.5),
                new NeuronDynamics(2, "inter 0 (id 2)", "I0", new Correlation(Double.NaN, Double.NaN), Map.of(), 0,
                        1, 2, 4));
        Activity a = new Activity(2, 3, 1, 1, new float[] {0, 1}, new float[] {0.5f, 0.25f, -0.25f, 0.75f, 0.5f,
            0}, new float[] {1, 2, 3, 1, 2, 3}, new float[] {0.5f, 0.75f});
        List<RolloutDynamics> rollouts = List.of(
                new RolloutDynamics("clean/a.npz", a, new float[] {0.1f, 0.2f}, new float[] {0, 0.1f},
                        new float[] {0, 1}, new float[] {0, 2}),
                new RolloutDynamics("b.npz", a, new float[] {0.1f, 0.2f}, new float[] {0, 0.1f}, null, null));
        DynamicsResult result = new DynamicsResult("toy", "LTC", options, "simulated", pca, neurons,
                new Sensitivity(0.01, 4, 7L, 0.5, 0.125), rollouts,
                List.of("b.npz has no world columns x, y, so its drive cannot be drawn on the map"));
        Provenance provenance = new Provenance("liquidlens dynamics", "test", List.of(
                new Provenance.InputFile("model", "toy/model.json", "00", 2),
                new Provenance.InputFile("rollout", "clean/a.npz", "11", 3)), Map.of("seed", "7"), "Java 17");
        return new DynamicsRun(List.of(new ModelDynamics(result, false, -1)), MapColour.PC1, provenance);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DynamicsGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dynamicsJsonMatchesTheGoldenFileExactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DynamicsJson.write(handBuilt(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(golden("dynamics.json"));
    }

    @Test
    void dynamicsCsvMatchesTheGoldenFileExactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DynamicsCsv.write(handBuilt(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(golden("dynamics.csv"));
    }
}
