package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectorisable sigmoid against the scalar one: the same float for every argument, bit for bit. */
class LaneSigmoidTest {
    private static final int RUN = 1000;

    @Test
    void equalsTheScalarSigmoidBitForBitAcrossEveryFloatExponent() {
        // every 9,973rd bit pattern: all signs and exponents, NaNs and subnormals included (430,000 floats)
        List<Float> zs = new ArrayList<>();
        for (long bits = 0; bits < 1L << 32; bits += 9973) {
            zs.add(Float.intBitsToFloat((int) bits));
        }
        assertSameAsScalar(zs);
    }

    @Test
    void equalsTheScalarSigmoidBitForBitWhereItIsNeitherZeroNorOne() {
        // -110 to 30 in steps of 2^-12: each n of the range reduction, and both clamp ends
        List<Float> zs = new ArrayList<>();
        for (int i = 0; i <= 140 << 12; i++) {
            zs.add(-110f + i * 0x1p-12f);
        }
        assertThat(zs.size()).isGreaterThan(500_000);
        assertSameAsScalar(zs);
    }

    @Test
    void equalsTheScalarSigmoidAtTheClampEndsAndSpecialValues() {
        float lowEnd = -FastMath.SIG_T_MAX;
        float highEnd = -FastMath.SIG_T_MIN;
        List<Float> zs = new ArrayList<>(List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
                Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, -88.72283f,
                -88.72284f, -88.5f, -88f, -87.5f, 17.33f, 16.5f));
        for (float end : new float[] {lowEnd, highEnd}) {
            zs.add(end);
            zs.add(Math.nextUp(end));
            zs.add(Math.nextDown(end));
        }
        float[] got = lanes(zs);
        for (int i = 0; i < got.length; i++) {
            assertThat(Float.floatToIntBits(got[i])).as("sigmoid(%s)", zs.get(i))
                    .isEqualTo(Float.floatToIntBits(FastMath.sigmoid(zs.get(i))));
        }
        assertThat(got[0]).isNaN();
        assertThat(got[1]).isEqualTo(1f);
        assertThat(got[2]).isZero();
        assertThat(got[3]).isEqualTo(0.5f);
    }

    @Test
    void sigmoidIsAccurateAcrossTheRangeWhereItIsNormal() {
        double worst = 0;
        for (float z = -87.3f; z <= 17f; z += 1e-3f) {
            double exact = 1.0 / (1.0 + Math.exp(-(double) z));
            worst = Math.max(worst, Math.abs(FastMath.sigmoid(z) - exact) / exact);
        }
        assertThat(worst).isLessThan(3e-7);
        // below -88.72 e^-z overflows and the sigmoid (under 3e-39, subnormal) is 0
        assertThat(FastMath.sigmoid(-88.8f)).isZero();
        assertThat(FastMath.sigmoid(-88.5f)).isEqualTo((float) (1.0 / (1.0 + Math.exp(88.5))));
    }

    private static void assertSameAsScalar(List<Float> zs) {
        float[] got = lanes(zs);
        int differing = 0;
        String first = null;
        for (int i = 0; i < got.length; i++) {
            float want = FastMath.sigmoid(zs.get(i));
            if (Float.floatToIntBits(got[i]) != Float.floatToIntBits(want)) {
                differing++;
                if (first == null) {
                    first = "sigmoid(" + zs.get(i) + "): lanes " + got[i] + ", scalar " + want;
                }
            }
        }
        assertThat(differing).as("first difference: %s", first).isZero();
    }

    /** The floats through LaneSigmoid in runs of RUN, the way LtcLanes calls it, the last run shorter. */
    private static float[] lanes(List<Float> zs) {
        float[] all = new float[zs.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = zs.get(i);
        }
        LaneSigmoid sigmoid = new LaneSigmoid(RUN);
        float[] run = new float[RUN];
        for (int from = 0; from < all.length; from += RUN) {
            int len = Math.min(RUN, all.length - from);
            System.arraycopy(all, from, run, 0, len);
            sigmoid.apply(run, len);
            System.arraycopy(run, 0, all, from, len);
        }
        return all;
    }
}
