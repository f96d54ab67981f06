package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    @Test
    void widensKnownBinary16Values() {
        assertThat(HalfFloats.halfToFloat(0x3c00)).isEqualTo(1f);
        assertThat(HalfFloats.halfToFloat(0xc000)).isEqualTo(-2f);
        assertThat(HalfFloats.halfToFloat(0x7bff)).isEqualTo(65504f);
        assertThat(HalfFloats.halfToFloat(0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloats.halfToFloat(0x0400)).isEqualTo(0x1p-14f);
        assertThat(HalfFloats.halfToFloat(0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.halfToFloat(0x7e00)).isNaN();
        assertThat(Float.floatToRawIntBits(HalfFloats.halfToFloat(0x8000))).isEqualTo(0x80000000);
    }

    @Test
    void everyBinary16ValueSurvivesARoundTrip() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.halfToFloat(h);
            if (!Float.isNaN(f)) {
                assertThat(HalfFloats.floatToHalf(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
            }
        }
    }

    @Test
    void narrowingRoundsToNearestTiesToEven() {
        assertThat(HalfFloats.floatToHalf(1f + 0x1p-11f)).isEqualTo((short) 0x3c00); // tie, down to even
        assertThat(HalfFloats.floatToHalf(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3c02); // tie, up to even
        assertThat(HalfFloats.floatToHalf(65519f)).isEqualTo((short) 0x7bff);
        assertThat(HalfFloats.floatToHalf(65520f)).isEqualTo((short) 0x7c00); // rounds to infinity
        assertThat(HalfFloats.floatToHalf(0x1p-25f)).isEqualTo((short) 0); // tie between 0 and the least subnormal
        assertThat(HalfFloats.floatToHalf(0x1.8p-25f)).isEqualTo((short) 1);
        assertThat(HalfFloats.floatToHalf(0x1.ffcp-15f)).isEqualTo((short) 0x0400); // subnormal rounds up to normal
        assertThat(HalfFloats.floatToHalf(Float.NaN) & 0x7c00).isEqualTo(0x7c00);
    }

    @Test
    void bfloat16KeepsTheTopHalfRoundedToEven() {
        assertThat(HalfFloats.bfloat16ToFloat(0x3f80)).isEqualTo(1f);
        assertThat(HalfFloats.floatToBfloat16(1f + 0x1p-8f)).isEqualTo((short) 0x3f80);
        assertThat(HalfFloats.floatToBfloat16(1f + 3 * 0x1p-8f)).isEqualTo((short) 0x3f82);
        assertThat(HalfFloats.bfloat16ToFloat(HalfFloats.floatToBfloat16(Float.NaN))).isNaN();
    }
}
