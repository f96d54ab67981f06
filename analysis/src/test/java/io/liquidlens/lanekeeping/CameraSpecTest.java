package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.LiquidLensException;
import org.junit.jupiter.api.Test;

class CameraSpecTest {

    @Test
    void defaultsAreThirtyTwoByNinetySixRgbWithTheHorizonInTheTopQuarter() {
        CameraSpec spec = CameraSpec.defaults();
        assertThat(spec.height()).isEqualTo(32);
        assertThat(spec.width()).isEqualTo(96);
        assertThat(spec.channels()).isEqualTo(3);
        assertThat(spec.imageSize()).isEqualTo(32 * 96 * 3);
        assertThat(spec.pixels()).isEqualTo(32 * 96);
        // f = 48 / tan(30 deg) = 83.14; horizon = 16 - f tan(6 deg) = 7.26.
        assertThat(spec.focalLength()).isCloseTo(83.138, within(1e-3));
        assertThat(spec.horizonRow()).isCloseTo(7.262, within(1e-3));
    }

    @Test
    void everyFieldIsCheckedAtItsBoundariesAndNamedWhenWrong() {
        CameraSpec ok = new CameraSpec(8, 8, 1, 100, 0, 0.17);
        assertThat(new CameraSpec(1024, 4096, 3, 0.01, 1.2, 2.62)).isNotNull();
        assertThat(ok.withChannels(3).channels()).isEqualTo(3);
        assertThat(ok.withSize(16, 32).width()).isEqualTo(32);
        bad(() -> new CameraSpec(7, 96, 3, 1, 0.1, 1), "'height'", "7");
        bad(() -> new CameraSpec(1025, 96, 3, 1, 0.1, 1), "'height'", "1025");
        bad(() -> new CameraSpec(32, 7, 3, 1, 0.1, 1), "'width'", "7");
        bad(() -> new CameraSpec(32, 4097, 3, 1, 0.1, 1), "'width'", "4097");
        bad(() -> new CameraSpec(32, 96, 2, 1, 0.1, 1), "'channels'", "2");
        bad(() -> new CameraSpec(32, 96, 3, 0, 0.1, 1), "'mountHeight'", "0.0");
        bad(() -> new CameraSpec(32, 96, 3, 100.5, 0.1, 1), "'mountHeight'", "100.5");
        bad(() -> new CameraSpec(32, 96, 3, 1, -0.01, 1), "'pitch'", "-0.01");
        bad(() -> new CameraSpec(32, 96, 3, 1, 1.21, 1), "'pitch'", "1.21");
        bad(() -> new CameraSpec(32, 96, 3, 1, 0.1, 0.16), "'fieldOfView'", "0.16");
        bad(() -> new CameraSpec(32, 96, 3, 1, 0.1, 2.63), "'fieldOfView'", "2.63");
        bad(() -> new CameraSpec(32, 96, 3, Double.NaN, 0.1, 1), "'mountHeight'", "NaN");
    }

    private static void bad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String value) {
        assertThatThrownBy(call).isInstanceOf(LiquidLensException.class).hasMessageContaining(field)
                .hasMessageContaining(value).hasMessageNotContaining("\n");
    }
}
