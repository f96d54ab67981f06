package io.liquidlens.dynamics.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a chart: its range, linear or logarithmic, and its ticks. A linear axis is widened to round ticks
 * (about five); a log axis to whole decades, one tick each.
 */
final class Axis {
    final double min;
    final double max;
    final boolean log;
    private final double step;

    private Axis(double min, double max, boolean log, double step) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.step = step;
    }

    /** A linear axis over {@code [lo, hi]}, widened to round ticks; a single value gets a unit around it. */
    static Axis linear(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new Axis(0, 1, false, 0.2);
        }
        if (hi - lo <= Math.abs(hi) * 1e-12) {
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.5;
            lo -= half;
            hi += half;
        }
        double step = niceStep((hi - lo) / 5);
        return new Axis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, false, step);
    }

    /** A linear axis over exactly {@code [lo, hi]}, with round ticks inside it (for a map kept to scale). */
    static Axis exact(double lo, double hi) {
        return new Axis(lo, hi, false, niceStep((hi - lo) / 5));
    }

    /** A log axis over whole decades around {@code [lo, hi]} (both positive). */
    static Axis log(double lo, double hi) {
        double a = Math.floor(Math.log10(lo));
        double b = Math.ceil(Math.log10(hi));
        if (b <= a) {
            b = a + 1;
        }
        return new Axis(Math.pow(10, a), Math.pow(10, b), true, 1);
    }

    /** Where {@code v} lies, 0 at {@link #min} and 1 at {@link #max}. */
    double fraction(double v) {
        if (log) {
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** The tick values, from {@link #min} up. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double e = Math.log10(min); e <= Math.log10(max) + 1e-9; e++) {
                ticks.add(Math.pow(10, Math.rint(e)));
            }
            return ticks;
        }
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 * step; v += step) {
            ticks.add(Math.abs(v) < step * 1e-6 ? 0.0 : v);
        }
        return ticks;
    }

    /** A tick's label: as many decimals as the step needs, a power of ten on a log axis. */
    String label(double tick) {
        if (log) {
            double e = Math.rint(Math.log10(tick));
            return e >= -2 && e <= 3 ? Values.plain(tick) : String.format(Locale.ROOT, "1e%d", (int) e);
        }
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + digits + "f", tick);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * p >= raw * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
