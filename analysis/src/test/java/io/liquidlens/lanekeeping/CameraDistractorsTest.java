package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The camera's world distractors, determinism, buffers and channels. */
class CameraDistractorsTest {
    private static final CameraSpec SPEC = CameraSpec.defaults();
    private static final ArcRoad ROAD = new ArcRoad(800, 1 / 120.0);

    private final float[] clean = new float[SPEC.imageSize()];
    private final byte[] cleanLabels = new byte[SPEC.pixels()];
    private final float[] image = new float[SPEC.imageSize()];
    private final byte[] labels = new byte[SPEC.pixels()];

    @Test
    void roadsideObjectsAreLabelledDistractorsAndChangeNothingElse() {
        Camera plain = new Camera(SPEC, ROAD, 4);
        Camera busy = new Camera(SPEC, ROAD, Distractors.parse("objects=30").withSeed(2), 4);
        int covered = 0;
        for (double s = 10; s < 300; s += 7) {
            Pose pose = ROAD.poseAt(s, 0, 0);
            plain.render(pose, s, 1.5, 0, clean, cleanLabels);
            busy.render(pose, s, 1.5, 0, image, labels);
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] == Labels.DISTRACTOR) {
                    covered++;
                    assertThat(differs(p)).as("pixel %d under an object changed colour", p).isTrue();
                } else {
                    assertThat(labels[p]).isEqualTo(cleanLabels[p]);
                }
            }
        }
        assertThat(covered).isGreaterThan(200);
    }

    @Test
    void objectsStayOffTheRoadNearTheCar() {
        Camera busy = new Camera(SPEC, ROAD, Distractors.parse("objects=50").withSeed(5), 4);
        for (double s = 10; s < 200; s += 3) {
            busy.render(ROAD.poseAt(s, 0, 0), s, 0.7, 0, image, labels);
            int bottom = (SPEC.height() - 1) * SPEC.width();
            // The middle of the lane just ahead of the car is never covered.
            for (int c = 40; c < 56; c++) {
                assertThat(labels[bottom + c]).isNotEqualTo(Labels.DISTRACTOR);
            }
        }
    }

    @Test
    void someObjectsMoveWithTime() {
        Camera busy = new Camera(SPEC, ROAD, Distractors.parse("objects=40").withSeed(8), 4);
        int moved = 0;
        for (double s = 10; s < 200; s += 10) {
            Pose pose = ROAD.poseAt(s, 0, 0);
            busy.render(pose, s, 0.0, 0, clean, cleanLabels);
            busy.render(pose, s, 0.9, 0, image, labels);
            moved += Arrays.equals(labels, cleanLabels) ? 0 : 1;
        }
        assertThat(moved).isGreaterThan(5);
    }

    @Test
    void shadowsDarkenTheGroundTheyCoverAndOnlyThat() {
        Camera plain = new Camera(SPEC, ROAD, 4);
        Camera shaded = new Camera(SPEC, ROAD, Distractors.parse("shadows=0.6").withSeed(3), 4);
        int shadowed = 0;
        int onRoad = 0;
        for (double s = 10; s < 300; s += 5) {
            Pose pose = ROAD.poseAt(s, 0.2, 0.01);
            plain.render(pose, s, 0, 0, clean, cleanLabels);
            shaded.render(pose, s, 0, 0, image, labels);
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] == Labels.DISTRACTOR) {
                    shadowed++;
                    onRoad += cleanLabels[p] == Labels.ROAD || cleanLabels[p] == Labels.LANE_MARKING ? 1 : 0;
                    assertThat(brightness(image, p)).isLessThan(brightness(clean, p));
                } else {
                    assertThat(labels[p]).isEqualTo(cleanLabels[p]);
                    assertThat(differs(p)).isFalse();
                }
            }
        }
        assertThat(shadowed).isGreaterThan(500);
        assertThat(onRoad).as("shadows lie across the road").isGreaterThan(shadowed / 3);
    }

    @Test
    void renderedScreenEffectsAreTheCleanFrameThroughThePureFunction() {
        Distractors screen = Distractors.parse("noise=0.2,brightness,occlusion=3").withSeed(11);
        Camera plain = new Camera(SPEC, ROAD, 4);
        Camera noisy = new Camera(SPEC, ROAD, screen, 4);
        Pose pose = ROAD.poseAt(50, 0.1, 0);
        plain.render(pose, 50, 2, 17, clean, cleanLabels);
        noisy.render(pose, 50, 2, 17, image, labels);
        ScreenDistractors.apply(screen, ScreenDistractors.frameSeed(11, 17), clean, 0, cleanLabels, 0,
                SPEC.height(), SPEC.width(), SPEC.channels());
        assertThat(image).containsExactly(clean);
        assertThat(labels).containsExactly(cleanLabels);
        noisy.render(pose, 50, 2, 18, image, labels);
        assertThat(Arrays.equals(image, clean)).as("noise is drawn afresh each frame").isFalse();
    }

    @Test
    void theSameSeedsGiveTheSameFrameAndOtherSeedsOthers() {
        Distractors all = Distractors.all().withSeed(21);
        Pose pose = ROAD.poseAt(80, -0.3, 0.02);
        new Camera(SPEC, ROAD, all, 4).render(pose, 80, 3, 40, clean, cleanLabels);
        new Camera(SPEC, ROAD, all, 4).render(pose, 80, 3, 40, image, labels);
        assertThat(image).containsExactly(clean);
        assertThat(labels).containsExactly(cleanLabels);

        new Camera(SPEC, ROAD, all.withSeed(22), 4).render(pose, 80, 3, 40, image, labels);
        assertThat(Arrays.equals(image, clean)).isFalse();

        new Camera(SPEC, ROAD, 4).render(pose, 80, 3, 40, clean, cleanLabels);
        new Camera(SPEC, ROAD, 5).render(pose, 80, 3, 40, image, labels);
        assertThat(Arrays.equals(image, clean)).as("another scenery seed, other textures").isFalse();
        assertThat(labels).as("but the same road").containsExactly(cleanLabels);
    }

    @Test
    void rendersIntoAnOffsetOfARolloutSizedBufferAndChecksItsSize() {
        Camera camera = new Camera(SPEC, ROAD, 4);
        Pose pose = ROAD.poseAt(30, 0, 0);
        camera.render(pose, 30, 0, 0, clean, cleanLabels);
        float[] frames = new float[3 * SPEC.imageSize()];
        byte[] maps = new byte[3 * SPEC.pixels()];
        camera.render(pose, 30, 0, 0, frames, SPEC.imageSize(), maps, SPEC.pixels());
        assertThat(Arrays.copyOfRange(frames, SPEC.imageSize(), 2 * SPEC.imageSize())).containsExactly(clean);
        assertThat(Arrays.copyOfRange(maps, SPEC.pixels(), 2 * SPEC.pixels())).containsExactly(cleanLabels);
        assertThat(Arrays.copyOfRange(frames, 0, SPEC.imageSize())).containsOnly(0f);
        camera.render(pose, 30, 0, 0, image, null);
        assertThat(image).containsExactly(clean);
        assertThatThrownBy(() -> camera.render(pose, 30, 0, 0, frames, 2 * SPEC.imageSize() + 1, maps, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> camera.render(pose, 30, 0, 0, frames, 0, new byte[10], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void greyFramesAreTheLumaOfTheColourFrames() {
        CameraSpec grey = SPEC.withChannels(1);
        Distractors world = Distractors.parse("objects=20,shadows").withSeed(6);
        Pose pose = ROAD.poseAt(60, 0, 0);
        new Camera(SPEC, ROAD, world, 4).render(pose, 60, 1, 0, clean, cleanLabels);
        float[] g = new float[grey.imageSize()];
        new Camera(grey, ROAD, world, 4).render(pose, 60, 1, 0, g, labels);
        assertThat(labels).containsExactly(cleanLabels);
        for (int p = 0; p < g.length; p++) {
            double luma = 0.299 * clean[3 * p] + 0.587 * clean[3 * p + 1] + 0.114 * clean[3 * p + 2];
            assertThat((double) g[p]).isCloseTo(luma, within(1e-5));
        }
    }

    @Test
    void cleanFramesStayInTheUnitRange() {
        Camera camera = new Camera(SPEC, ROAD, Distractors.parse("objects,shadows,brightness=0.9,occlusion").withSeed(1),
                4);
        for (double s = 10; s < 200; s += 13) {
            camera.render(ROAD.poseAt(s, 0.5, -0.05), s, s / 10, (long) s, image, labels);
            for (float v : image) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    private boolean differs(int p) {
        for (int k = 0; k < 3; k++) {
            if (image[3 * p + k] != clean[3 * p + k]) {
                return true;
            }
        }
        return false;
    }

    private static double brightness(float[] frame, int p) {
        return frame[3 * p] + frame[3 * p + 1] + frame[3 * p + 2];
    }
}
