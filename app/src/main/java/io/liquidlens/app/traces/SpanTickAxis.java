package io.liquidlens.app.traces;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A vertical log axis that labels enough ticks to read values off it. JFreeChart's {@link LogAxis} labels
 * only powers of the base, so a tau trace spanning less than a decade shows one label or none. This one
 * picks, from fine to coarse, the first set that fits the axis height: evenly spaced 1-2-5 steps when the
 * range spans less than a decade, else 1, 2 and 5 times each power of ten, else every k-th power of ten.
 */
final class SpanTickAxis extends LogAxis {
    /** Vertical pixels each labelled tick needs at least (about two label heights). */
    private static final double PIXELS_PER_TICK = 26;
    private static final double[] STEPS_125 = {1, 2, 5};

    SpanTickAxis(String label) {
        super(label);
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lo = Math.max(getSmallestValue(), getLowerBound());
        double hi = getUpperBound();
        double length = RectangleEdge.isTopOrBottom(edge) ? dataArea.getWidth() : dataArea.getHeight();
        int most = Math.max(2, (int) (length / PIXELS_PER_TICK));
        List<Double> values = tickValues(lo, hi, most);
        List<NumberTick> ticks = new ArrayList<>(values.size());
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        for (double v : values) {
            ticks.add(new NumberTick(v, label(v), anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }

    /** The tick values in [lo, hi] (lo > 0): the finest of the tick sets above with at most {@code most}. */
    static List<Double> tickValues(double lo, double hi, int most) {
        if (!(lo > 0) || !(hi > lo)) {
            return List.of();
        }
        if (hi / lo < 10) {
            for (int exp = (int) Math.floor(Math.log10(hi - lo)) - 2; ; exp++) {
                for (double m : STEPS_125) {
                    double step = m * Math.pow(10, exp);
                    List<Double> even = new ArrayList<>();
                    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi * (1 + 1e-9); k++) {
                        even.add(k * step);
                    }
                    if (even.size() <= most) {
                        return even;
                    }
                }
            }
        }
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        List<Double> perDecade = new ArrayList<>();
        for (int e = first; e <= last; e++) {
            for (double m : STEPS_125) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    perDecade.add(v);
                }
            }
        }
        if (perDecade.size() <= most) {
            return perDecade;
        }
        for (int every = 1; ; every++) {
            List<Double> decades = new ArrayList<>();
            for (int e = Math.floorDiv(first, every) * every; e <= last; e += every) {
                double v = Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    decades.add(v);
                }
            }
            if (decades.size() <= most) {
                return decades;
            }
        }
    }

    /** Plain decimals between 0.001 and 100,000; scientific notation outside. */
    static String label(double v) {
        DecimalFormatSymbols root = DecimalFormatSymbols.getInstance(Locale.ROOT);
        double a = Math.abs(v);
        return (a >= 1e-3 && a < 1e5 ? new DecimalFormat("0.####", root) : new DecimalFormat("0.#E0", root)).format(v);
    }
}
