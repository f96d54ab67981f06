package io.liquidlens.app.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WorldLineTest {
    private final WorldLine line = new WorldLine(List.of("s", "d_lane", "mu"), new int[] {1, 2}, 400);

    @Test
    void valuesReadAsPercentPointThreeFPrintsThem() {
        float[] world = {0f, -0.1044f, 7f, 0f, 0.0005f, -0.0004f, 0f, 123.4567f, -999.999f};
        for (int t = 0; t < 3; t++) {
            String expected = String.format(Locale.ROOT, "step %3d   d_lane %8.3f   mu %8.3f", t, world[t * 3 + 1],
                    world[t * 3 + 2]);
            assertThat(line.at(world, t)).isEqualTo(expected);
        }
    }

    @Test
    void everyStepGivesALineOfOneLength() {
        float[] world = new float[400 * 3];
        for (int i = 0; i < world.length; i++) {
            world[i] = (float) Math.sin(i) * (i % 7 == 0 ? 150 : 1);
        }
        int length = line.at(world, 0).length();
        for (int t = 1; t < 400; t++) {
            assertThat(line.at(world, t)).hasSize(length);
        }
    }
}
