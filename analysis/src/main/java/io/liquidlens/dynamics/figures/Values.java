package io.liquidlens.dynamics.figures;

import java.util.Locale;

/** Numbers as the figures print them: a few significant digits, never a locale's comma. */
final class Values {
    private Values() {
    }

    /** About four significant digits, plain where that reads well, else scientific; "n/a" for NaN. */
    static String short4(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return plain(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }

    /** {@code v} without trailing zeros or exponent. */
    static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A share as a percentage with one decimal, e.g. {@code 92.3%}. */
    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
