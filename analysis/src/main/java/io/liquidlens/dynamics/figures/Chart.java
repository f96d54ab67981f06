package io.liquidlens.dynamics.figures;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * What every dynamics figure shares: a white page with a bold title and caption lines under it, axes with their
 * ticks, and the palette. A figure paints the rest once; the same painter becomes an SVG file and a PDF page.
 */
abstract class Chart implements Painter {
    static final Font TEXT = Fonts.plain(9);
    static final Font SMALL = Fonts.plain(7.5f);
    static final Font HEADING = Fonts.bold(11);
    static final double LEFT = 64;
    static final double CAPTION_LINE = 12;
    /** Rollouts' and models' colours, in order (repeating past ten). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private final String title;
    private final List<String> caption;
    private final double width;
    private final double height;

    /**
     * @param bodyHeight the height below the caption the figure needs
     */
    Chart(String title, List<String> caption, double width, double bodyHeight) {
        this.title = title;
        this.caption = List.copyOf(caption);
        this.width = width;
        this.height = top() + bodyHeight;
    }

    /** The title, which the PDF text and the SVG both carry. */
    String title() {
        return title;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    /** Where the body starts: below the title and every caption line. */
    final double top() {
        return 44 + CAPTION_LINE * caption.size();
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    @Override
    public final void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setColor(Color.BLACK);
        g.setFont(HEADING);
        g.drawString(title, (float) 16, 20f);
        g.setFont(TEXT);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < caption.size(); i++) {
            g.drawString(caption.get(i), 16f, (float) (36 + CAPTION_LINE * i));
        }
        body(g);
    }

    /** Paints everything below the caption. */
    abstract void body(Graphics2D g);

    /** The y axis of {@code plot}: ticks, gridlines and a label turned upright along the left edge. */
    static void yAxis(Graphics2D g, Rectangle2D plot, Axis axis, String label) {
        g.setStroke(new BasicStroke(0.8f));
        g.setFont(TEXT);
        for (double v : axis.ticks()) {
            double y = plot.getMaxY() - axis.fraction(v) * plot.getHeight();
            g.setColor(new Color(0xeeeeee));
            g.draw(new Line2D.Double(plot.getMinX(), y, plot.getMaxX(), y));
            g.setColor(Color.BLACK);
            String s = axis.label(v);
            g.drawString(s, (float) (plot.getMinX() - 4 - Fonts.width(TEXT, s)), (float) (y + 3));
        }
        upright(g, label, plot.getMinX() - 44, plot.getCenterY() + Fonts.width(TEXT, label) / 2);
    }

    /** The x axis of {@code plot}: ticks, gridlines and a label centred below. */
    static void xAxis(Graphics2D g, Rectangle2D plot, Axis axis, String label) {
        g.setStroke(new BasicStroke(0.8f));
        g.setFont(TEXT);
        for (double v : axis.ticks()) {
            double x = plot.getMinX() + axis.fraction(v) * plot.getWidth();
            g.setColor(new Color(0xeeeeee));
            g.draw(new Line2D.Double(x, plot.getMinY(), x, plot.getMaxY()));
            g.setColor(Color.BLACK);
            centred(g, axis.label(v), x, plot.getMaxY() + 12);
        }
        centred(g, label, plot.getCenterX(), plot.getMaxY() + 26);
    }

    /** The plot's frame. */
    static void frame(Graphics2D g, Rectangle2D plot) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(plot);
    }

    /** Draws {@code s} centred on {@code x}. */
    static void centred(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - Fonts.width(g.getFont(), s) / 2), (float) y);
    }

    /** Draws {@code s} turned to read upwards, its end at {@code (x, y)}. */
    static void upright(Graphics2D g, String s, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0f, 0f);
        g.setTransform(saved);
    }

    /** Draws {@code s} turned to read upwards with its end just below {@code (x, y)}: a label under a column. */
    static void columnLabel(Graphics2D g, String s, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x + 3, y + 4 + Fonts.width(g.getFont(), s));
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0f, 0f);
        g.setTransform(saved);
    }

    /** The legend's rows of coloured squares and names from {@code (x, y)} rightwards, wrapped before {@code right}. */
    static double legend(Graphics2D g, double x, double y, double right, List<String> names, List<Color> colours) {
        g.setFont(TEXT);
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            double w = 24 + Fonts.width(TEXT, names.get(i));
            if (at > x && at + w - 13 > right) {
                at = x;
                y += 13;
            }
            g.setColor(colours.get(i));
            g.fill(new Rectangle2D.Double(at, y - 7, 8, 8));
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), (float) (at + 11), (float) y);
            at += w;
        }
        return y;
    }

    /** How many legend rows {@code names} need between {@code x} and {@code right}. */
    static int legendRows(List<String> names, double x, double right) {
        int rows = 1;
        double at = x;
        for (String n : names) {
            double w = 24 + Fonts.width(TEXT, n);
            if (at > x && at + w - 13 > right) {
                at = x;
                rows++;
            }
            at += w;
        }
        return rows;
    }

    /** {@code s} in {@link #TEXT}, shortened with an ellipsis when wider than {@code width}. */
    static String fitted(String s, double width) {
        return Fonts.fitted(TEXT, s, width);
    }

    /**
     * {@code v} to a tenth of a point: finer than any screen or print shows, and the SVG of a long path writes
     * 123.4 rather than 123.41387939453125 for every vertex.
     */
    static double snap(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
