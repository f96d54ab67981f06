package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Evaluation on every core gives exactly the serial result, episode by episode and in order. */
class ParallelEvaluationTest {

    /**
     * Steers from the camera with a memory: the mean brightness of the lower left and right halves, low-pass
     * filtered, so the action depends on every frame seen so far (and on the pixel noise).
     */
    private static final class BrightnessDriver implements Driver {
        private final int height;
        private final int width;
        private double memory;

        BrightnessDriver(int[] shape) {
            height = shape[0];
            width = shape[1];
        }

        @Override
        public String name() {
            return "brightness";
        }

        @Override
        public int stateSize() {
            return 0;
        }

        @Override
        public void reset() {
            memory = 0;
        }

        @Override
        public double act(float[] observation, int offset, double expertAction) {
            double left = 0;
            double right = 0;
            for (int y = height / 2; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float v = observation[offset + (y * width + x) * 3];
                    if (x < width / 2) {
                        left += v;
                    } else {
                        right += v;
                    }
                }
            }
            memory = 0.8 * memory + 0.2 * (right - left) / (height * width);
            return 0.5 * expertAction + memory;
        }

        @Override
        public void state(float[] into, int offset) {
        }
    }

    @Test
    void everyCoreGivesTheSerialMetricsInEpisodeOrder() {
        SensorOptions disturbed = new SensorOptions(0.05, Sensors.parseDistractors("objects,shadows"));
        EpisodeOptions options = EpisodeOptions.defaults(60).withDart(0.02);
        int[] shape = Sensors.create("camera", disturbed).shape();
        EvaluationResult serial = Episodes.evaluate(new Episode(options, Sensors.create("camera", disturbed)),
                new BrightnessDriver(shape), 7, 9);

        AtomicInteger drivers = new AtomicInteger();
        EvaluationResult parallel = Episodes.evaluate(() -> new Episode(options, Sensors.create("camera", disturbed)),
                () -> {
                    drivers.incrementAndGet();
                    return new BrightnessDriver(shape);
                }, 7, 9);

        assertThat(parallel.episodes()).containsExactlyElementsOf(serial.episodes());
        assertThat(serial.episodes()).extracting(EpisodeMetrics::meanAbsActionError).doesNotHaveDuplicates();
        assertThat(drivers.get()).isBetween(1, Runtime.getRuntime().availableProcessors() + 1);
    }
}
