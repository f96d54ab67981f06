package io.liquidlens.report;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** A {@link Table} drawn for the PDF: the heading, a bold header row and the rows, columns as wide as they need. */
final class TablePage implements Painter {
    private static final double MARGIN = 36;
    private static final double ROW = 13;
    private static final double PAD = 8;
    private static final Font CELL = Fonts.plain(8);
    private static final Font HEAD = Fonts.bold(8);
    private final Table table;
    private final double[] widths;

    TablePage(Table table) {
        this.table = table;
        int n = table.header().size();
        widths = new double[n];
        for (int c = 0; c < n; c++) {
            widths[c] = Fonts.width(HEAD, table.header().get(c)) + PAD;
            for (List<String> r : table.rows()) {
                widths[c] = Math.max(widths[c], Fonts.width(CELL, r.get(c)) + PAD);
            }
        }
    }

    @Override
    public double width() {
        double w = 2 * MARGIN;
        for (double c : widths) {
            w += c;
        }
        return Math.max(640, Math.max(w, 2 * MARGIN + Fonts.width(Figure.HEADING, table.title())));
    }

    @Override
    public double height() {
        return 2 * MARGIN + 24 + ROW * (table.rows().size() + 1);
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(Color.BLACK);
        g.setFont(Figure.HEADING);
        g.drawString(table.title(), (float) MARGIN, (float) (MARGIN + 4));
        double y = MARGIN + 24;
        row(g, table.header(), y, HEAD);
        g.draw(new Line2D.Double(MARGIN, y + 3, width() - MARGIN, y + 3));
        for (List<String> r : table.rows()) {
            y += ROW;
            row(g, r, y, CELL);
        }
    }

    private void row(Graphics2D g, List<String> cells, double y, Font font) {
        g.setFont(font);
        double x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            g.drawString(cells.get(c), (float) x, (float) y);
            x += widths[c];
        }
    }
}
