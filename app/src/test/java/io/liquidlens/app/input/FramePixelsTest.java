package io.liquidlens.app.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Frame values to pixels, without JavaFX. */
class FramePixelsTest {
    @Test
    void valuesAreClippedToZeroOneAndRoundedToEightBitLevels() {
        // one 1x3 RGB frame at step 1 of 2: values below 0, above 1, NaN, and one between levels
        float[] frames = {0, 0, 0, 0, 0, 0, 0, 0, 0, -0.5f, 2f, Float.NaN, 0.5f, 0.2f, 1f, 0.1f, 0.3f, 0.75f};
        int[] out = new int[3];
        FramePixels.frame(frames, 1, 1, 3, 3, out);
        assertThat(out[0]).isEqualTo(0xff00ff00);
        assertThat(out[1]).isEqualTo(0xff000000 | 128 << 16 | 51 << 8 | 255);
        assertThat(out[2]).isEqualTo(0xff000000 | 26 << 16 | 77 << 8 | 191);
    }

    @Test
    void oneChannelIsDrawnGrey() {
        int[] out = new int[1];
        FramePixels.frame(new float[] {0.4f}, 0, 1, 1, 1, out);
        assertThat(out[0]).isEqualTo(0xff666666);
    }

    @Test
    void enlargingRepeatsEveryPixelAsASquareBlock() {
        int[] src = {1, 2, 3, 4, 5, 6};
        int[] dst = new int[6 * 9];
        FramePixels.enlarge(src, 3, 2, 3, dst);
        assertThat(dst).startsWith(1, 1, 1, 2, 2, 2, 3, 3, 3, 1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(dst[4 * 9 + 8]).isEqualTo(6);
        assertThat(dst[3 * 9]).isEqualTo(4);
        assertThat(dst[5 * 9 + 3]).isEqualTo(5);
    }

    @Test
    void unknownLabelClassesShareOneColourDistinctFromTheKnownFour() {
        assertThat(FramePixels.classColour(7)).isEqualTo(FramePixels.classColour(200))
                .isNotIn(FramePixels.classColour(0), FramePixels.classColour(1), FramePixels.classColour(2),
                        FramePixels.classColour(3));
    }

    @Test
    void premultiplyingScalesColoursByAlphaAndKeepsOpaquePixels() {
        int[] px = {FramePixels.argb(255, 10, 20, 30), FramePixels.argb(102, 255, 100, 0), 0};
        FramePixels.premultiply(px);
        assertThat(px).containsExactly(FramePixels.argb(255, 10, 20, 30), FramePixels.argb(102, 102, 40, 0), 0);
    }
}
