package io.liquidlens.dynamics.figures;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** A page of text: a bold title and paragraphs wrapped to the page, as tall as they need. */
final class TextPage implements Painter {
    private static final double WIDTH = 595;
    private static final double MARGIN = 40;
    private static final double LINE = 12;
    private static final Font TEXT = Fonts.plain(9);
    private static final Font HEADING = Fonts.bold(13);

    private final String title;
    private final List<String> lines = new ArrayList<>();

    TextPage(String title, List<String> paragraphs) {
        this.title = title;
        for (String p : paragraphs) {
            lines.addAll(wrap(p, WIDTH - 2 * MARGIN));
            lines.add("");
        }
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        return Math.max(842, 70 + LINE * lines.size() + MARGIN);
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(Color.BLACK);
        g.setFont(HEADING);
        g.drawString(title, (float) MARGIN, 50f);
        g.setFont(TEXT);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), (float) MARGIN, (float) (76 + LINE * i));
        }
    }

    /** {@code text} broken at spaces into lines no wider than {@code width} (a longer word stands alone). */
    static List<String> wrap(String text, double width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && Fonts.width(TEXT, tried) > width) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        out.add(line.toString());
        return out;
    }
}
