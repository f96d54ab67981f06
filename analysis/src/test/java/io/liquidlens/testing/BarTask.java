package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A toy image task with a known answer, for models with a perception head: grey frames of
 * {@value #HEIGHT} x {@value #WIDTH} x 1 show a bright vertical bar at a column that drifts from step to
 * step (a random walk bounced off the edges; the bar is drawn with sub-pixel brightness, so its position
 * is continuous), over faint noise. The action is the bar's position, scaled to [-1, 1] from the left edge
 * to the right. Nothing but the pixels tells the position, so a model that learns it has learned through
 * its head.
 */
public final class BarTask {
    public static final int HEIGHT = 6;
    public static final int WIDTH = 8;

    /** conv(1 -> 4, 3x3, stride 2, padding 1) + ReLU + flatten + linear(48 -> 4): 4 features per frame. */
    public static final String HEAD_JSON = """
            {"input_shape": [6, 8, 1], "layers": [
              {"type": "conv2d", "in": 1, "out": 4, "kernel": 3, "stride": 2, "padding": 1},
              {"type": "relu"}, {"type": "flatten"}, {"type": "linear", "in": 48, "out": 4}]}""";

    /** Features the head gives per frame (the cell's input_size). */
    public static final int FEATURES = 4;

    private BarTask() {
    }

    /** {@code episodes} rollouts of {@code steps} frames (T, 6, 8, 1) with the bar's position as the action (T, 1). */
    public static List<Rollout> driftingBar(int episodes, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Rollout> out = new ArrayList<>();
        double right = WIDTH - 1;
        for (int e = 0; e < episodes; e++) {
            float[] frames = new float[steps * HEIGHT * WIDTH];
            float[] y = new float[steps];
            double position = rng.nextDouble() * right;
            double velocity = 0.8 * (2 * rng.nextDouble() - 1);
            for (int t = 0; t < steps; t++) {
                for (int r = 0; r < HEIGHT; r++) {
                    for (int c = 0; c < WIDTH; c++) {
                        double bar = Math.max(0, 1 - Math.abs(c - position));
                        frames[(t * HEIGHT + r) * WIDTH + c] = (float) (bar + 0.1 * rng.nextDouble());
                    }
                }
                y[t] = (float) (2 * position / right - 1);
                velocity = Math.max(-0.8, Math.min(0.8, velocity + 0.3 * (2 * rng.nextDouble() - 1)));
                position += velocity;
                if (position < 0 || position > right) {
                    velocity = -velocity;
                    position = position < 0 ? -position : 2 * right - position;
                }
            }
            out.add(new Rollout(NdArray.ofFloats(new int[] {steps, HEIGHT, WIDTH, 1}, frames), null,
                    NdArray.ofFloats(new int[] {steps, 1}, y), null, null, List.of(), null, null, Map.of()));
        }
        return out;
    }

    /**
     * Writes {@code dir/model.json}: the bar head in front of an {@code AutoNCP(units, 1)} network of the given
     * class ("LTC" or "CfC"), image inputs (6, 8, 1), naming weights that do not exist yet.
     */
    public static Path writeModelJson(Path dir, String ncpsClass, int units) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.json"), "{\n  \"name\": \"bar " + ncpsClass + "\",\n"
                + "  \"ncps\": {\"class\": \"" + ncpsClass + "\", \"input_size\": " + FEATURES
                + ", \"units\": {\"class\": \"AutoNCP\", \"units\": " + units + ", \"output_size\": 1}},\n"
                + "  \"weights\": \"model.safetensors\",\n  \"head\": " + HEAD_JSON + ",\n"
                + "  \"inputs\": {\"kind\": \"image\", \"shape\": [" + HEIGHT + ", " + WIDTH + ", 1]},\n"
                + "  \"outputs\": {\"names\": [\"bar\"]}\n}\n");
        return dir;
    }
}
