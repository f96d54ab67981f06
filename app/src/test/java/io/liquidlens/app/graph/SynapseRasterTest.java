package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The raster's packed two-channels-per-multiply blending gives what per-channel source-over gives. */
@ExtendWith(ApplicationExtension.class)
class SynapseRasterTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void linesBlendSourceOverPremultipliedLikeTheFormula(FxRobot robot) {
        robot.interact(() -> {
            Random rng = new Random(7);
            for (int trial = 0; trial < 200; trial++) {
                SynapseRaster raster = new SynapseRaster();
                raster.begin(12, 12);
                Color under = Color.color(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble());
                Color over = Color.color(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble());
                // a horizontal line across the middle row, then a vertical one crossing it at (3, 4)
                raster.color(under);
                raster.line(1, 4, 6, 4, false);
                raster.color(over);
                raster.line(3, 1, 3, 6, false);
                assertClose(raster.pixel(3, 4), over(premultiplied(over), premultiplied(under)));
                assertClose(raster.pixel(5, 4), premultiplied(under));
                assertClose(raster.pixel(3, 2), premultiplied(over));
                assertThat(raster.pixel(6, 6)).isZero();
                // a line leaving the frame is clipped, pixel by pixel
                raster.line(-3, 9, 30, 9, true);
                assertClose(raster.pixel(0, 9), premultiplied(over));
                assertClose(raster.pixel(11, 10), premultiplied(over));
            }
        });
    }

    @Test
    void antialiasedLinesCoverTheirWidthAndFadeAtTheEdges(FxRobot robot) {
        robot.interact(() -> {
            SynapseRaster raster = new SynapseRaster();
            raster.begin(20, 20);
            raster.color(Color.web("#1a9641"));
            raster.smoothLine(2, 10, 17, 10, 3);
            // the centre row fully covered, rows beyond the width untouched
            assertClose(raster.pixel(9, 10), premultiplied(Color.web("#1a9641")));
            assertThat(raster.pixel(9, 14)).isZero();
            assertThat(raster.pixel(9, 6)).isZero();
        });
    }

    private static double[] premultiplied(Color c) {
        double a = c.getOpacity();
        return new double[] {a, c.getRed() * a, c.getGreen() * a, c.getBlue() * a};
    }

    private static double[] over(double[] s, double[] d) {
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = s[i] + d[i] * (1 - s[0]);
        }
        return out;
    }

    private static void assertClose(int argb, double[] expected) {
        int[] got = {argb >>> 24, (argb >>> 16) & 0xff, (argb >>> 8) & 0xff, argb & 0xff};
        for (int i = 0; i < 4; i++) {
            assertThat((double) got[i]).as("channel %d of %08x", i, argb).isCloseTo(expected[i] * 255,
                    org.assertj.core.data.Offset.offset(2.0));
        }
    }
}
