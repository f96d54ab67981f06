package io.liquidlens.report;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** The PDF's first page: the report's title and its caption, each paragraph wrapped at word breaks. */
final class TextPage implements Painter {
    private static final double WIDTH = 640;
    private static final double MARGIN = 36;
    private static final double LINE = 12;
    private static final Font BODY = Fonts.plain(8.5f);
    private final String title;
    private final List<String> lines = new ArrayList<>();

    TextPage(String title, List<String> paragraphs) {
        this.title = title;
        for (String p : paragraphs) {
            wrap(p, WIDTH - 2 * MARGIN);
        }
    }

    private void wrap(String paragraph, double width) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && Fonts.width(BODY, next) > width) {
                lines.add(line.toString());
                line = new StringBuilder("    " + word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        return 2 * MARGIN + 28 + LINE * lines.size();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(Color.BLACK);
        g.setFont(Fonts.bold(14));
        g.drawString(title, (float) MARGIN, (float) (MARGIN + 6));
        g.setFont(BODY);
        double y = MARGIN + 28;
        for (String l : lines) {
            g.drawString(l, (float) MARGIN, (float) y);
            y += LINE;
        }
    }
}
