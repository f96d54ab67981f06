package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Decimals} gives exactly {@link Double#parseDouble}'s double for every decimal, and NaN for the rest. */
class DecimalsTest {

    private static void assertSameAsJava(String text) {
        assertThat(Double.doubleToRawLongBits(Decimals.parse(text))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void numbersAsJavaAndPythonPrintThemParseToJavasDouble() {
        for (String text : new String[] {"0", "-0", "-0.0", "+2", "1", "-0.5", ".5", "4.", "1e-3", "1.0E-3", "1E2",
                "-2.5e+1", "123456789012345", "1234567890123456789", "0.1", "0.30000000000000004", "1e22", "1e23",
                "9007199254740993", "4.9e-324", "1e-400", "1e400", "1.7976931348623157e308", "000012.5000",
                "0.000000000000000000000000001234", "1e0000000000000000000003"}) {
            assertSameAsJava(text);
        }
    }

    @Test
    void randomNumbersInEveryPrintedFormParseToJavasDouble() {
        Random random = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            double x = switch (k % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(60) - 30);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextInt(2001) - 1000;
            };
            if (!Double.isFinite(x)) {
                continue;
            }
            float f = (float) x;
            assertSameAsJava(Double.toString(x));
            if (Float.isFinite(f)) {
                assertSameAsJava(Float.toString(f));
            }
            assertSameAsJava(String.format(Locale.ROOT, "%.9g", x));
            assertSameAsJava(String.format(Locale.ROOT, "%.17e", x));
            assertSameAsJava(String.format(Locale.ROOT, "%.6f", x));
        }
    }

    @Test
    void anythingElseIsNaN() {
        for (String text : new String[] {"", "+", "-", ".", "e5", "1e", "1e+", "1f", "1d", "0x10", "0x1p3", "NaN",
                "nan", "inf", "Infinity", " 1", "1 ", "1.2.3", "1,5", "--1", "1e5.5", "abc"}) {
            assertThat(Decimals.parse(text)).as(text).isNaN();
        }
    }
}
