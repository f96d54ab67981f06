package io.liquidlens.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A chart of one plot under a legend of its series, 640 points wide: the bars per condition and the lines against
 * the models' axis share its size (taller by a row for each further legend row) and its plot's place.
 */
abstract class LegendChart extends Figure {
    static final double WIDTH = 640;
    private static final double HEIGHT = 380;
    private final List<String> series;
    private final List<Color> colours;
    private final int legendRows;

    LegendChart(String title, String caption, List<String> series, List<Color> colours) {
        super(title, caption);
        this.series = List.copyOf(series);
        this.colours = List.copyOf(colours);
        this.legendRows = legendRows(series, LEFT, WIDTH - 20);
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        return HEIGHT + LEGEND_ROW * (legendRows - 1);
    }

    @Override
    final void body(Graphics2D g) {
        double top = TOP + LEGEND_ROW * legendRows + 3;
        legend(g, LEFT, TOP, WIDTH - 20, series, colours);
        plot(g, new Rectangle2D.Double(LEFT, top, WIDTH - LEFT - 20, height() - top - 48));
    }

    /** Paints the axes and the data into {@code plot}. */
    abstract void plot(Graphics2D g, Rectangle2D plot);
}
