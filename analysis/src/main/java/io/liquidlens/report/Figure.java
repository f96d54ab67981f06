package io.liquidlens.report;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * What every figure of the report shares: a white page with a title and a one-line caption, the models' colours,
 * a y axis with round ticks and a legend. Each figure paints the rest once, for the HTML's SVG and the PDF page.
 */
abstract class Figure implements Painter {
    /** The models' colours, in model order (repeating past ten models). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    static final Font TEXT = Fonts.plain(9);
    static final Font SMALL = Fonts.plain(7.5f);
    static final Font HEADING = Fonts.bold(11);
    static final double LEFT = 60;
    static final double TOP = 56;

    private final String title;
    private final String caption;
    private String note = "";

    Figure(String title, String caption) {
        this.title = title;
        this.caption = caption;
    }

    /** A second, smaller caption line, e.g. what the intervals resampled; returns this figure. */
    Figure note(String line) {
        this.note = line;
        return this;
    }

    /** The second caption line, empty when there is none. */
    String note() {
        return note;
    }

    /** The figure's title (also the HTML figure's heading). */
    String title() {
        return title;
    }

    /** The line under the title saying what is shown. */
    String caption() {
        return caption;
    }

    /** The colour of model {@code i}. */
    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    @Override
    public final void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(Color.BLACK);
        g.setFont(HEADING);
        g.drawString(title, (float) LEFT, 20f);
        g.setFont(TEXT);
        g.setColor(Color.DARK_GRAY);
        g.drawString(caption, (float) LEFT, 36f);
        if (!note.isEmpty()) {
            g.setFont(SMALL);
            g.drawString(note, (float) LEFT, 45f);
        }
        body(g);
    }

    /** Paints everything below the title and caption. */
    abstract void body(Graphics2D g);

    /** Draws a y axis over {@code plot} from {@code min} to {@code max} with about five round ticks and gridlines. */
    static void yAxis(Graphics2D g, Rectangle2D plot, double min, double max, String label) {
        g.setStroke(new BasicStroke(0.8f));
        g.setFont(TEXT);
        double step = niceStep((max - min) / 5);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 * step; v += step) {
            double y = y(plot, min, max, v);
            g.setColor(new Color(0xeeeeee));
            g.draw(new Line2D.Double(plot.getMinX(), y, plot.getMaxX(), y));
            g.setColor(Color.BLACK);
            String s = tick(v, step);
            g.drawString(s, (float) (plot.getMinX() - 5 - Fonts.width(TEXT, s)), (float) (y + 3));
        }
        g.setColor(Color.BLACK);
        g.draw(plot);
        var saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(label, (float) (-plot.getCenterY() - Fonts.width(TEXT, label) / 2), 14f);
        g.setTransform(saved);
    }

    /** The y coordinate of {@code v} on an axis from {@code min} (bottom) to {@code max} (top). */
    static double y(Rectangle2D plot, double min, double max, double v) {
        return plot.getMaxY() - (v - min) / (max - min) * plot.getHeight();
    }

    /** The height of one legend row. */
    static final double LEGEND_ROW = 13;

    /** The legend's rows of coloured squares and names from {@code (x, y)} rightwards, wrapped before {@code right}. */
    static void legend(Graphics2D g, double x, double y, double right, List<String> names, List<Color> colours) {
        g.setFont(TEXT);
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            double w = legendWidth(names.get(i));
            if (at > x && at + w - 13 > right) {
                at = x;
                y += LEGEND_ROW;
            }
            g.setColor(colours.get(i));
            g.fill(new Rectangle2D.Double(at, y - 7, 8, 8));
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), (float) (at + 11), (float) y);
            at += w;
        }
    }

    /** How many rows {@link #legend} needs for {@code names} between {@code x} and {@code right}. */
    static int legendRows(List<String> names, double x, double right) {
        int rows = 1;
        double at = x;
        for (String n : names) {
            double w = legendWidth(n);
            if (at > x && at + w - 13 > right) {
                at = x;
                rows++;
            }
            at += w;
        }
        return rows;
    }

    private static double legendWidth(String name) {
        return 24 + Fonts.width(TEXT, name);
    }

    /** An error bar at {@code x} from {@code low} to {@code high} (screen coordinates) with caps. */
    static void errorBar(Graphics2D g, double x, double low, double high, double cap) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x, low, x, high));
        g.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }

    /** Draws {@code s} centred on {@code x}. */
    static void centred(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - Fonts.width(g.getFont(), s) / 2), (float) y);
    }

    /** {@code s}, shortened with an ellipsis when wider than {@code width} points in {@code font}. */
    static String fit(String s, java.awt.Font font, double width) {
        return Fonts.fitted(font, s, width);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String tick(double v, double step) {
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + digits + "f", Math.abs(v) < step * 1e-6 ? 0.0 : v);
    }
}
