package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Occlusion order of roadside objects: nearer objects hide farther ones whatever order they are stored in. */
class RoadsideObjectsTest {
    private static final CameraSpec SPEC = CameraSpec.defaults();
    private static final ArcRoad ROAD = ArcRoad.straight(300);
    private static final float[] RED = {1, 0, 0};
    private static final float[] BLUE = {0, 0, 1};

    @Test
    void aNearBoxHidesAFarBoxBehindIt() {
        // From s = 10, a 1.8 m red box 10 m ahead and 4.5 m left covers the line of sight to a 1 m blue box
        // 20 m ahead and 9 m left; the far box is stored second but must be drawn first.
        RoadsideObjects both = RoadsideObjects.boxes(new double[] {20, 30}, new double[] {4.5, 9}, 0.5,
                new double[] {1.8, 1.0}, new float[][] {RED, BLUE});
        RoadsideObjects farOnly = RoadsideObjects.boxes(new double[] {30}, new double[] {9}, 0.5,
                new double[] {1.0}, new float[][] {BLUE});
        assertThat(bluePixels(farOnly)).as("the far box alone is seen").isGreaterThan(4);
        assertThat(bluePixels(both)).as("behind the near box it is hidden").isZero();
    }

    @Test
    void aFarBoxStaysVisibleBesideANearOne() {
        RoadsideObjects both = RoadsideObjects.boxes(new double[] {20, 30}, new double[] {-4.5, 9}, 0.5,
                new double[] {1.8, 1.0}, new float[][] {RED, BLUE});
        assertThat(bluePixels(both)).isGreaterThan(4);
    }

    private static int bluePixels(RoadsideObjects objects) {
        float[] image = new float[SPEC.imageSize()];
        byte[] labels = new byte[SPEC.pixels()];
        View view = new View(SPEC);
        view.set(ROAD.poseAt(10, 0, 0));
        Canvas canvas = new Canvas(SPEC);
        canvas.bind(image, 0, labels, 0);
        objects.draw(ROAD, view, canvas, 10, 0, Camera.VIEW_DISTANCE, Camera.HAZE_DISTANCE);
        int blue = 0;
        for (int p = 0; p < labels.length; p++) {
            if (labels[p] == Labels.DISTRACTOR && image[3 * p + 2] > image[3 * p] + 0.3f) {
                blue++;
            }
        }
        return blue;
    }
}
