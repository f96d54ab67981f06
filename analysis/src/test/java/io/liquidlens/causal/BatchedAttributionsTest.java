package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The camera model's batched input gradients (frames through the head as one batch, no weight gradients) against
 * the same gradients one frame at a time through the reverse-mode head and cell, to 1e-4 of the largest value.
 */
class BatchedAttributionsTest {
    private static final Path ROOT = Stream.of(Path.of(".."), Path.of("."))
            .filter(p -> Files.isRegularFile(p.resolve("sample-models/ncp-lanekeeping/model.json")))
            .findFirst().orElseThrow();
    private static SaliencyModel.Step step;

    @BeforeAll
    static void loadStep() {
        SaliencyModel model = SaliencyModel.load(LoadedModel.load(ROOT.resolve("sample-models/ncp-lanekeeping")));
        Rollout episode = Rollouts.read(ROOT.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
        step = model.at(episode, 40);
    }

    private static void assertClose(double[] batched, double[] single, String what) {
        double largest = Arrays.stream(single).map(Math::abs).max().orElseThrow();
        assertThat(largest).as(what + " is not all zeros").isGreaterThan(1e-9);
        for (int i = 0; i < single.length; i++) {
            assertThat(Math.abs(batched[i] - single[i])).as("%s, value %d", what, i)
                    .isLessThanOrEqualTo(1e-4 * largest);
        }
    }

    /** More points than one batch holds, so the chunking is covered; noisy, scaled and recorded frames. */
    @Test
    void batchedGradientsMatchTheOneAtATimeGradients() {
        double[] x = step.recorded();
        int count = SaliencyModel.FRAME_BATCH + 5;
        double[][] points = new double[count][];
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < count; k++) {
            double alpha = (k + 0.5) / count;
            points[k] = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                points[k][i] = k % 2 == 0 ? alpha * x[i] : x[i] + 0.1 * (random.nextDouble() - 0.5);
            }
        }
        points[count - 1] = x;
        double[][] batched = step.gradients(points, 0);
        assertThat(batched.length).isEqualTo(count);
        for (int k = 0; k < count; k++) {
            assertClose(batched[k], step.gradient(points[k], 0), "point " + k);
        }
    }

    @Test
    void integratedGradientsMatchTheirOneAtATimeSum() {
        double[] x = step.recorded();
        int steps = IntegratedGradients.DEFAULT_STEPS;
        double[] expected = new double[x.length];
        double[] point = new double[x.length];
        for (int k = 0; k < steps; k++) {
            double alpha = (k + 0.5) / steps;
            for (int i = 0; i < x.length; i++) {
                point[i] = alpha * x[i];
            }
            double[] g = step.gradient(point, 0);
            for (int i = 0; i < x.length; i++) {
                expected[i] += g[i] * x[i] / steps;
            }
        }
        assertClose(new IntegratedGradients(null, steps).attributions(step, 0), expected, "integrated gradients");
    }

    /** From a grey frame, so a first layer whose bias went in at both ends of the path would show. */
    @Test
    void integratedGradientsFromAGivenBaselineMatchTheirOneAtATimeSum() {
        double[] x = step.recorded();
        double[] baseline = new double[x.length];
        Arrays.fill(baseline, 0.5);
        int steps = SaliencyModel.FRAME_BATCH + 3;
        double[] expected = new double[x.length];
        double[] point = new double[x.length];
        for (int k = 0; k < steps; k++) {
            double alpha = (k + 0.5) / steps;
            for (int i = 0; i < x.length; i++) {
                point[i] = baseline[i] + alpha * (x[i] - baseline[i]);
            }
            double[] g = step.gradient(point, 0);
            for (int i = 0; i < x.length; i++) {
                expected[i] += g[i] * (x[i] - baseline[i]) / steps;
            }
        }
        assertClose(new IntegratedGradients(baseline, steps).attributions(step, 0), expected,
                "integrated gradients from grey");
    }

    /** An 8-pixel patch every 4 pixels, each occluded frame's output one at a time through the double head. */
    @Test
    void occlusionMatchesItsOneAtATimeMap() {
        double[] x = step.recorded();
        int h = step.model().mapHeight();
        int w = step.model().mapWidth();
        int channels = x.length / (h * w);
        double y = step.output(x, 0);
        double[] sum = new double[h * w];
        int[] count = new int[h * w];
        for (int top = 0; top + 8 <= h; top += 4) {
            for (int left = 0; left + 8 <= w; left += 4) {
                double[] occluded = x.clone();
                for (int r = top; r < top + 8; r++) {
                    for (int q = left; q < left + 8; q++) {
                        Arrays.fill(occluded, (r * w + q) * channels, (r * w + q + 1) * channels, 0.5);
                    }
                }
                double change = Math.abs(y - step.output(occluded, 0));
                for (int r = top; r < top + 8; r++) {
                    for (int q = left; q < left + 8; q++) {
                        sum[r * w + q] += change;
                        count[r * w + q]++;
                    }
                }
            }
        }
        for (int p = 0; p < sum.length; p++) {
            sum[p] /= count[p];
        }
        assertClose(new Occlusion(8, 4, 0.5).map(step, 0).values(), sum, "occlusion");
    }

    @Test
    void batchedOutputsMatchTheOneAtATimeOutputs() {
        double[] x = step.recorded();
        double[][] points = new double[SaliencyModel.FRAME_BATCH + 2][];
        for (int k = 0; k < points.length; k++) {
            double alpha = (k + 1.0) / points.length;
            points[k] = Arrays.stream(x).map(v -> alpha * v).toArray();
        }
        double[] single = Arrays.stream(points).mapToDouble(p -> step.output(p, 0)).toArray();
        assertClose(step.outputs(points, 0), single, "outputs");
    }

    @Test
    void smoothGradMatchesItsOneAtATimeMean() {
        SmoothGrad method = new SmoothGrad(16, 0.1, 5);
        double[] x = step.recorded();
        double lo = Arrays.stream(x).min().orElseThrow();
        double hi = Arrays.stream(x).max().orElseThrow();
        SplittableRandom random = new SplittableRandom(5);
        double[] expected = new double[x.length];
        double[] noisy = new double[x.length];
        for (int s = 0; s < 16; s++) {
            for (int i = 0; i < x.length; i++) {
                double u = 1.0 - random.nextDouble();
                noisy[i] = x[i] + 0.1 * (hi - lo) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            }
            double[] g = step.gradient(noisy, 0);
            for (int i = 0; i < x.length; i++) {
                expected[i] += Math.abs(g[i]) / 16;
            }
        }
        assertClose(method.map(step, 0).values(), step.model().magnitudes(expected).values(), "SmoothGrad");
    }

    @Test
    void gradientAndGradientTimesInputMatchTheOneAtATimeGradient() {
        double[] x = step.recorded();
        double[] g = step.gradient(x, 0);
        double[] gx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gx[i] = g[i] * x[i];
        }
        assertClose(new InputGradient().map(step, 0).values(), step.model().magnitudes(g).values(), "gradient");
        assertClose(new GradientTimesInput().map(step, 0).values(), step.model().magnitudes(gx).values(),
                "gradient x input");
    }
}
