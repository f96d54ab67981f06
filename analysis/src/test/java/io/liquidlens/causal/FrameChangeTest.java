package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameChangeTest {

    private static SaliencyMap random(int h, int w, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        return new SaliencyMap(h, w, v);
    }

    @Test
    void theSsimIsTheMapsSsimAndTheDeviationTheOutputsDistanceWhicheverWayItMoved() {
        SaliencyMap clean = random(16, 20, 1);
        SaliencyMap perturbed = random(16, 20, 2);
        FrameChange up = FrameChange.of(clean, perturbed, 0.25, 0.75);
        assertThat(up.ssim()).isEqualTo(Ssim.between(clean, perturbed)).isLessThan(1);
        assertThat(up.hasSsim()).isTrue();
        assertThat(up.deviation()).isEqualTo(0.5);
        assertThat(FrameChange.of(clean, perturbed, 0.75, 0.25).deviation()).isEqualTo(0.5);
        assertThat(FrameChange.of(clean, clean, -1, -1)).isEqualTo(new FrameChange(1.0, 0.0));
    }

    @Test
    void aMapSmallerThanTheSsimWindowHasNoSsimButADeviation() {
        SaliencyMap strip = random(1, 6, 3);
        FrameChange change = FrameChange.of(strip, random(1, 6, 4), 0, -2);
        assertThat(change.hasSsim()).isFalse();
        assertThat(change.ssim()).isNaN();
        assertThat(change.deviation()).isEqualTo(2.0);
    }

    @Test
    void mapsOfDifferentShapesAreRefusedEvenWhenTooSmallForAnSsim() {
        assertThatThrownBy(() -> FrameChange.of(random(1, 6, 1), random(1, 5, 1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
        assertThatThrownBy(() -> FrameChange.of(random(12, 12, 1), random(12, 13, 1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
    }
}
