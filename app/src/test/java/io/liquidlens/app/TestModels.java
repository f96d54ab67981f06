package io.liquidlens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;

/** A model folder made from an ncps fixture checkpoint (the analysis module's test data, copied to a temp dir). */
public final class TestModels {
    /** The checked-in camera sample: conv head on 32x96x3 frames, 19-neuron NCP (tests run in app/). */
    public static final Path CAMERA_SAMPLE = Path.of("..", "sample-models", "ncp-lanekeeping");
    /** The camera sample's clean held-out episode (600 steps, recorded by the sample world). */
    public static final Path CAMERA_EPISODE = Path.of("..", "sample-traces", "ncp-lanekeeping", "clean", "episode-0000.npz");
    /** The checked-in vector sample: 6 inputs per step. */
    public static final Path VECTOR_SAMPLE = Path.of("..", "sample-models", "vector-lanekeeping");
    /** The vector sample's first clean episode (1,000 steps). */
    public static final Path VECTOR_EPISODE = Path.of("..", "sample-traces", "vector-lanekeeping", "clean",
            "episode-0000.npz");

    private TestModels() {
    }

    /** The ncps fixture AutoNCP(19, 1) LTC on 8 inputs, as a model folder under {@code dir}. */
    public static Path ltcFixture(Path dir) throws IOException {
        String testData = System.getProperty("liquidlens.testdata", "../analysis/src/test/resources");
        Path checkpoint = Path.of(testData, "ncps/fixtures/checkpoints/ltc_autoncp19_1_default.pt");
        Files.createDirectories(dir);
        Files.copy(checkpoint, dir.resolve("model.pt"));
        Files.writeString(dir.resolve("model.json"), """
                {"format": "liquidlens.model/1", "name": "fixture NCP",
                 "ncps": {"class": "LTC", "input_size": 8,
                          "units": {"class": "AutoNCP", "units": 19, "output_size": 1, "seed": 22222}},
                 "weights": "model.pt", "head": null}
                """);
        return dir;
    }

    /** A rollout of {@code steps} steps of {@code features} seeded Gaussian inputs, written to {@code file}. */
    public static Path rollout(Path file, int steps, int features, long seed) throws IOException {
        Random rng = new Random(seed);
        float[] x = new float[steps * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Rollouts.write(file, Rollout.ofInputs(NdArray.ofFloats(new int[] {steps, features}, x)));
        return file;
    }
}
