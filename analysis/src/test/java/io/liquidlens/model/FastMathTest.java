package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** FastMath against java.lang.Math (correctly rounded to within 1 ulp) and published erf values. */
class FastMathTest {

    @Test
    void expMatchesMathExpWithinOneTenMillionthOverTheWholeFloatRange() {
        double worst = 0;
        for (float x = -87.3f; x <= 88.7f; x += 1.0e-4f) {
            double exact = Math.exp(x);
            double rel = Math.abs(FastMath.exp(x) - exact) / exact;
            worst = Math.max(worst, rel);
        }
        assertThat(worst).isLessThan(1.5e-7);
    }

    @Test
    void expOverflowsToInfinityAndUnderflowsToZero() {
        assertThat(FastMath.exp(89f)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FastMath.exp(Float.MAX_VALUE)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FastMath.exp(-110f)).isZero();
        assertThat(FastMath.exp(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(FastMath.exp(Float.NaN)).isNaN();
        assertThat(FastMath.exp(-100f)).isEqualTo((float) Math.exp(-100)); // subnormal result
        assertThat(FastMath.exp(0f)).isEqualTo(1f);
    }

    @Test
    void sigmoidMatchesTheDoublePrecisionFormulaEverywhere() {
        double worstAbs = 0;
        double worstRel = 0;
        for (float z = -120f; z <= 120f; z += 1.0e-3f) {
            double exact = 1.0 / (1.0 + Math.exp(-(double) z));
            double got = FastMath.sigmoid(z);
            worstAbs = Math.max(worstAbs, Math.abs(got - exact));
            if (exact > 1e-30) {
                worstRel = Math.max(worstRel, Math.abs(got - exact) / exact);
            }
        }
        assertThat(worstAbs).isLessThan(1e-7);
        assertThat(worstRel).isLessThan(3e-7);
        assertThat(FastMath.sigmoid(Float.POSITIVE_INFINITY)).isEqualTo(1f);
        assertThat(FastMath.sigmoid(Float.NEGATIVE_INFINITY)).isZero();
    }

    @Test
    void doubleExpIsAccurateToOneBillionth() {
        double worst = 0;
        for (double x = -700; x <= 700; x += 0.01337) {
            worst = Math.max(worst, Math.abs(FastMath.expd(x) - Math.exp(x)) / Math.exp(x));
        }
        assertThat(worst).isLessThan(1e-9);
        assertThat(FastMath.expd(Double.NaN)).isNaN();
    }

    @Test
    void tanhMatchesMathTanh() {
        double worst = 0;
        for (double x = -30; x <= 30; x += 1e-3) {
            worst = Math.max(worst, Math.abs(FastMath.tanhd(x) - Math.tanh(x)));
        }
        assertThat(worst).isLessThan(1e-9);
        assertThat(FastMath.tanh(1e-8f)).isEqualTo(1e-8f);
        assertThat(FastMath.tanh(-50f)).isEqualTo(-1f);
    }

    @Test
    void erfMatchesReferenceValuesFromPythonMathErf() {
        double[][] ref = {
            {0.0, 0.0}, {0.1, 0.1124629160182849}, {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149},
            {1.5, 0.9661051464753108}, {2.0, 0.9953222650189527}, {2.4999, 0.9995928300996666},
            {2.5, 0.999593047982555}, {3.0, 0.9999779095030014}, {3.5, 0.9999992569016276},
            {4.5, 0.9999999998033839}, {5.5, 0.9999999999999927}, {-0.7, -0.6778011938374184}, {7.0, 1.0},
        };
        for (double[] r : ref) {
            assertThat(FastMath.erf(r[0])).as("erf(%s)", r[0]).isCloseTo(r[1], within(1e-13));
        }
    }

    @Test
    void erfcTailIsRelativelyAccurate() {
        // erfc values from Python math.erfc
        assertThat(FastMath.erfcContinuedFraction(2.5)).isCloseTo(0.0004069520174449589, within(1e-15));
        assertThat(FastMath.erfcContinuedFraction(3.0)).isCloseTo(2.2090496998585438e-05, within(1e-16));
        assertThat(FastMath.erfcContinuedFraction(4.5) / 1.9661604415428873e-10).isCloseTo(1.0, within(1e-10));
    }

    @Test
    void softplusSwitchesToIdentityAboveTwenty() {
        assertThat(FastMath.softplus(25f)).isEqualTo(25f);
        assertThat(FastMath.softplus(0f)).isCloseTo((float) Math.log(2), within(1e-7f));
        assertThat(FastMath.softplus(-3f)).isCloseTo((float) Math.log1p(Math.exp(-3)), within(1e-8f));
    }
}
