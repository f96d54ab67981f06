package io.liquidlens.io;

/**
 * Decimal numbers as Java and Python print them ({@code 1}, {@code -0.5}, {@code .5}, {@code 4.}, {@code 1e-3},
 * {@code 1.0E-3}), checked and parsed in one pass. Only this form is accepted: {@link Double#parseDouble} alone
 * would also take {@code 1f}, {@code 0x1p3}, {@code NaN} and spaces, which no CSV writer means as these numbers.
 * Values with at most 15 significant digits and a power of ten up to 22 are computed with one correctly rounded
 * multiplication or division (exact, as the integer and the power both are doubles); others go to
 * {@link Double#parseDouble}; the result is the same double either way.
 */
final class Decimals {
    private static final long EXACT_INTEGERS = 1L << 53;
    private static final int FAST_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22};

    private Decimals() {
    }

    /** The value of {@code text}, or NaN when it is not a decimal number of the accepted form. */
    static double parse(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean slow = false;
        boolean fraction = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && !fraction) {
                fraction = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (significant == FAST_DIGITS) {
                slow = true;
                continue;
            }
            mantissa = mantissa * 10 + (c - '0');
            if (mantissa != 0) {
                significant++;
            }
            if (fraction) {
                fractionDigits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponentDigits++;
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (text.charAt(i) - '0');
                } else {
                    slow = true;
                }
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != n) {
            return Double.NaN;
        }
        int power = exponent - fractionDigits;
        if (slow || mantissa > EXACT_INTEGERS || Math.abs(power) >= POWERS_OF_TEN.length) {
            return Double.parseDouble(text);
        }
        double value = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
        return negative ? -value : value;
    }
}
