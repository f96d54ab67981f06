package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.head.PerceptionHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The camera NCP sample's head against torch: {@code analysis/src/jmh/python/head_forward.py} rebuilds the head
 * from the same folder as torch layers and prints the first features of its ramp frame; the float32 head gives
 * the same values, so the two sides of the speed comparison compute the same thing.
 */
class SampleHeadTorchTest {

    /** Printed by head_forward.py (torch 1.13.1, Debian python3-torch) for sample-models/ncp-lanekeeping. */
    private static final double[] TORCH_FIRST_FEATURES = {
        0.096858889, -0.025274476, 0.033667229, -0.091882803, -6.7775297, -3.3255086};

    @Test
    void sampleHeadGivesTorchsFeaturesOnTheRampFrame() {
        Path root = Stream.of(Path.of(".."), Path.of("."))
                .filter(p -> Files.isDirectory(p.resolve("sample-models/ncp-lanekeeping")))
                .findFirst().orElseThrow();
        LiquidModel model = LoadedModel.load(root.resolve("sample-models/ncp-lanekeeping")).network();
        PerceptionHead head = model.head().orElseThrow();
        float[] frame = new float[model.frameSize()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) ((i * 0.618034) % 1.0);
        }
        float[] features = new float[head.outputSize()];
        head.forward(frame, 0, head.newWorkspace(), features, 0);
        for (int i = 0; i < TORCH_FIRST_FEATURES.length; i++) {
            assertThat((double) features[i]).as("feature %d", i).isCloseTo(TORCH_FIRST_FEATURES[i], within(1e-5));
        }
    }
}
