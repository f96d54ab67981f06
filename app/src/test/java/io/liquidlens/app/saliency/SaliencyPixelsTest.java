package io.liquidlens.app.saliency;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.input.FramePixels;
import io.liquidlens.causal.SaliencyMap;
import org.junit.jupiter.api.Test;

/** The colour map and its overlay on a frame. */
class SaliencyPixelsTest {
    @Test
    void theColourMapRunsFromBlueToRedAndClipsOutsideZeroToOne() {
        assertThat(SaliencyPixels.colour(0)).isEqualTo(FramePixels.argb(255, 0, 0, 200));
        assertThat(SaliencyPixels.colour(1)).isEqualTo(FramePixels.argb(255, 230, 20, 20));
        assertThat(SaliencyPixels.colour(-3)).isEqualTo(SaliencyPixels.colour(0));
        assertThat(SaliencyPixels.colour(7)).isEqualTo(SaliencyPixels.colour(1));
    }

    @Test
    void theMostSalientPixelIsCoveredMostAndTheLeastShowsTheFrame() {
        int grey = FramePixels.argb(255, 100, 100, 100);
        int[] frame = {grey, grey};
        int[] out = new int[2];
        // normalised inside: 2 -> 0, 5 -> 1
        SaliencyPixels.overlay(frame, new SaliencyMap(1, 2, new double[] {2, 5}), out);
        int red = (out[1] >> 16) & 0xff;
        int leastRed = (out[0] >> 16) & 0xff;
        assertThat(red).isGreaterThan(200);
        assertThat(leastRed).isBetween(80, 100);
        assertThat(out[0] >>> 24).isEqualTo(255);
    }

    @Test
    void aHeatRowIsOneOpaqueColourPerFeature() {
        int[] out = new int[3];
        SaliencyPixels.heat(new SaliencyMap(1, 3, new double[] {0, 1, 2}), out);
        assertThat(out).containsExactly(SaliencyPixels.colour(0), SaliencyPixels.colour(0.5), SaliencyPixels.colour(1));
    }

    @org.junit.jupiter.api.Test
    void opacityZeroShowsTheFrameAloneAndOneTheFullOverlay() {
        io.liquidlens.causal.SaliencyMap map = new io.liquidlens.causal.SaliencyMap(1, 3, new double[] {0, 0.5, 1});
        int[] frame = {0xff102030, 0xff405060, 0xff708090};
        int[] none = new int[3];
        int[] full = new int[3];
        int[] usual = new int[3];

        SaliencyPixels.overlay(frame, map, 0.0, none);
        SaliencyPixels.overlay(frame, map, 1.0, full);
        SaliencyPixels.overlay(frame, map, usual);

        org.assertj.core.api.Assertions.assertThat(none).containsExactly(frame);
        org.assertj.core.api.Assertions.assertThat(full).containsExactly(usual);
        org.assertj.core.api.Assertions.assertThat(full[2]).isNotEqualTo(frame[2]);
    }
}
