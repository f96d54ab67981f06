package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Frames of the sample world must stay bit for bit what they were when the recorded sample rollouts and the
 * report's closed-loop numbers were made: the digests below were taken from the renderer before any change to
 * how it finds road coordinates, so a faster renderer must draw exactly the same pixels and labels.
 */
class RenderedFramesDigestTest {

    @Test
    void episodesDrivenThroughTheCameraDrawTheFramesTheyAlwaysDrew() {
        MessageDigest digest = sha256();
        for (String distractors : new String[] {"", "objects,shadows", "noise=0.2,brightness,occlusion"}) {
            Episode episode = new Episode(EpisodeOptions.defaults(120).withDart(0.3),
                    Sensors.camera(Distractors.parse(distractors)));
            for (int i = 0; i < 2; i++) {
                var rollout = episode.run(EpisodeSeeds.episodeSeed(7, i, true), new ExpertDriver(), true).rollout();
                update(digest, rollout.inputs().toFloatArray());
                digest.update(labelBytes(rollout.labels().toLongArray()));
            }
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(EPISODES);
    }

    @Test
    void framesFromOffTheRoadAndAskewDrawWhatTheyAlwaysDrew() {
        MessageDigest digest = sha256();
        CameraSpec spec = CameraSpec.defaults();
        Road road = new Road(RoadSpec.defaults(600, 11));
        Camera camera = new Camera(spec, road, Distractors.parse("objects,shadows").withSeed(3), 5);
        float[] image = new float[spec.imageSize()];
        byte[] labels = new byte[spec.pixels()];
        int frame = 0;
        // poses on, beside and well off the road, looking along it, across it and back along it
        for (double s = 12; s < 450; s += 17.3) {
            for (double d : new double[] {0, 2.2, -4.5, 12, -40}) {
                for (double turn : new double[] {0, 0.4, -1.2, 2.8}) {
                    Pose p = road.pointAt(s, d);
                    camera.render(new Pose(p.x(), p.y(), p.heading() + turn), s, 0.05 * frame, frame, image, labels);
                    update(digest, image);
                    digest.update(labels);
                    frame++;
                }
            }
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(POSES);
    }

    private static final String EPISODES = "1366824dcf154c3e70eca1e1bf4dbf450c4c4614394eb93b4ebce6f447ba9fbf";
    private static final String POSES = "2918551588843e367a97377ae2a17978b6b73d65b909abe2e4f5b686e3ed8497";

    private static void update(MessageDigest digest, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
        for (float v : values) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        digest.update(bytes.array());
    }

    private static byte[] labelBytes(long[] labels) {
        byte[] b = new byte[labels.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) labels[i];
        }
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
