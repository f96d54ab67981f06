package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes pictures of rendered frames to target/camera/ for a person to check that they look like a road. */
class CameraPictureTest {
    private static final Path DIR = Path.of("target", "camera");

    @Test
    void writesPicturesOfCleanAndDistractedFrames() throws IOException {
        CameraSpec spec = CameraSpec.defaults();
        float[] image = new float[spec.imageSize()];
        byte[] labels = new byte[spec.pixels()];
        ArcRoad bend = new ArcRoad(600, 1 / 60.0);
        new Camera(spec, bend, 7).render(bend.poseAt(40, 0.3, 0.02), 40, 0, 0, image, labels);
        FramePictures.write(DIR.resolve("clean-left-bend.png"), spec, image, labels, 8);

        ArcRoad straight = ArcRoad.straight(600);
        new Camera(spec, straight, 7).render(straight.poseAt(40, 0, 0), 40, 0, 0, image, labels);
        FramePictures.write(DIR.resolve("clean-straight.png"), spec, image, labels, 8);

        Camera distracted = new Camera(spec, bend, Distractors.parse("objects=20,shadows").withSeed(3), 7);
        distracted.render(bend.poseAt(50, 0.3, 0.02), 50, 1.0, 25, image, labels);
        FramePictures.write(DIR.resolve("objects-shadows.png"), spec, image, labels, 8);

        Camera screen = new Camera(spec, bend, Distractors.parse("noise=0.1,brightness,occlusion").withSeed(3), 7);
        screen.render(bend.poseAt(40, 0.3, 0.02), 40, 1.0, 25, image, labels);
        FramePictures.write(DIR.resolve("noise-brightness-occlusion.png"), spec, image, labels, 8);

        assertThat(Files.size(DIR.resolve("clean-left-bend.png"))).isPositive();
    }
}
