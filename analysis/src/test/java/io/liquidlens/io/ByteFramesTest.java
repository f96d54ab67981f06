package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 8-bit frames: level k means k / 255, values are clipped and rounded, and reading expands them to float32. */
class ByteFramesTest {

    @TempDir
    Path dir;

    @Test
    void everyLevelIsTheNearestFloatToKOver255AndMapsBackToItself() {
        for (int k = 0; k <= 255; k++) {
            float v = ByteFrames.value(k);
            double exact = k / 255.0;
            assertThat(Math.abs(v - exact)).as("level %d", k).isLessThanOrEqualTo(Math.ulp(v) / 2);
            assertThat(ByteFrames.level(v)).as("level %d", k).isEqualTo(k);
        }
        assertThat(ByteFrames.value(0)).isZero();
        assertThat(ByteFrames.value(255)).isEqualTo(1f);
    }

    @Test
    void valuesAreClippedToTheUnitIntervalAndRoundedToTheNearestLevel() {
        assertThat(ByteFrames.level(-0.3f)).isZero();
        assertThat(ByteFrames.level(1.7f)).isEqualTo(255);
        assertThat(ByteFrames.level(Float.NaN)).isZero();
        assertThat(ByteFrames.level(0.5f)).as("127.5 rounds up").isEqualTo(128);
        assertThat(ByteFrames.level(0.3f)).as("76.5 rounds up").isEqualTo(77);
        assertThat(ByteFrames.level(0.2f)).as("51.0").isEqualTo(51);
        assertThat(ByteFrames.level(100.4f / 255)).isEqualTo(100);
        assertThat(ByteFrames.level(100.6f / 255)).isEqualTo(101);

        float[] row = {9, -1, 0.2f, 2, 0.5f, 9};
        ByteFrames.quantise(row, 1, 4);
        assertThat(row).containsExactly(9, 0, 51 / 255f, 1, 128 / 255f, 9);
    }

    @Test
    void aRolloutWithUint8FramesReadsBackAsFloatsKOver255AndKeepsItsLabels() {
        int[] shape = {2, 2, 3, 1};
        long[] levels = {0, 1, 2, 127, 128, 255, 254, 3, 50, 51, 200, 17};
        long[] classes = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3};
        Rollout stored = new Rollout(NdArray.ofLongs(DType.UINT8, shape, levels), null, null, null, null, null, null,
                NdArray.ofLongs(DType.UINT8, new int[] {2, 2, 3}, classes), Map.of());
        Path file = dir.resolve("frames8.npz");
        Rollouts.write(file, stored);
        assertThat(Npz.read(file).get("inputs").dtype()).isEqualTo(DType.UINT8);

        Rollout r = Rollouts.read(file);
        assertThat(r.inputs().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.inputs().shape()).containsExactly(shape);
        assertThat(r.isImage()).isTrue();
        float[] frames = r.inputs().toFloatArray();
        for (int i = 0; i < levels.length; i++) {
            assertThat(frames[i]).isEqualTo((float) levels[i] / 255f);
        }
        assertThat(r.labels().toLongArray()).containsExactly(classes);
        assertThat(ByteFrames.encode(r.inputs())).isEqualTo(stored.inputs());
    }

    @Test
    void uint8VectorInputsAreLeftAsTheirIntegers() {
        Map<String, NdArray> arrays = Map.of("inputs", NdArray.ofLongs(DType.UINT8, new int[] {2, 1}, new long[] {3, 200}));
        Rollout r = Rollouts.fromArrays(arrays);
        assertThat(r.inputs().dtype()).isEqualTo(DType.UINT8);
        assertThat(r.inputs().toFloatArray()).containsExactly(3, 200);
    }
}
