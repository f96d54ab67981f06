package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import org.junit.jupiter.api.Test;

class FrameLabelsTest {

    @Test
    void uint8MapsAreReadInPlaceAndUnsigned() {
        byte[] bytes = {0, 1, 2, 3, 3, 2, 1, (byte) 200};
        FrameLabels l = FrameLabels.of(NdArray.ofBytes(DType.UINT8, new int[] {2, 2, 2}, bytes));
        assertThat(l.perStep()).isEqualTo(4);
        assertThat(l.at(0, 3)).isEqualTo(3);
        assertThat(l.at(1, 3)).isEqualTo(200);
        bytes[5] = 1; // shared, not copied
        assertThat(l.at(1, 1)).isEqualTo(1);
    }

    @Test
    void channelClassesHoldAtEveryStep() {
        FrameLabels l = FrameLabels.everyStep(new long[] {1, 3});
        assertThat(l.at(0, 1)).isEqualTo(3);
        assertThat(l.at(999_999, 1)).isEqualTo(3);
        assertThatThrownBy(() -> l.at(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void sharesOverSharedBytesEqualSharesOverTheWidenedLabels() {
        byte[] bytes = {0, 1, 2, 3, 3, 3, 1, 0};
        NdArray maps = NdArray.ofBytes(DType.UINT8, new int[] {2, 2, 2}, bytes);
        SaliencyMap map = new SaliencyMap(2, 2, new double[] {0.5, 1, 2, 4});
        assertThat(SaliencyShare.of(map, FrameLabels.of(maps), 1))
                .isEqualTo(SaliencyShare.of(map, FrameLabels.of(NdArray.ofLongs(DType.INT64, maps.shape(), maps.toLongArray())), 1));
        assertThat(SaliencyShare.of(map, FrameLabels.of(maps), 1).distractor()).isEqualTo(1.5 / 7.5);
    }
}
