package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Draws the wiring graph as it is shown (the positions of the layout, the colours and widths of the current
 * step, the selection) into an SVG document with Java2D, so the file is true vector art with real text: the
 * short labels next to the vertices and each vertex's full name as its SVG title, plus a legend.
 */
final class WiringSvgWriter {
    private static final double LEFT = 110;
    private static final double RIGHT = 40;
    private static final double TOP = 30;
    private static final double LEGEND = 70;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private WiringSvgWriter() {
    }

    /**
     * What the SVG shows of a graph at one moment: its layout (never changed) and copies of the levels and the
     * selection, so the document can be drawn on another thread while the graph moves on with the cursor.
     */
    record Shown(WiringLayout layout, int[] linkLevels, int[] vertexLevels, boolean[] selected) {
        /** Takes {@code graph} as it stands (on the JavaFX thread, where it changes). */
        static Shown of(WiringGraph graph) {
            return new Shown(graph.layout(), graph.linkLevels(), graph.vertexLevels(), graph.selection());
        }
    }

    /** The SVG document of {@code shown}, {@code width} x {@code height} pixels; any thread. */
    static String svg(Shown shown, int width, int height) {
        WiringLayout layout = shown.layout();
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        if (layout == null || layout.vertices().isEmpty()) {
            g.setColor(Color.DARK_GRAY);
            g.setFont(LABEL_FONT);
            g.drawString("No model loaded", 20, 30);
            return g.getSVGDocument();
        }
        Frame f = Frame.fit(layout, width, height);
        boolean large = layout.vertices().size() > WiringGraph.LARGE;
        int[] linkLevels = shown.linkLevels();
        for (WiringLayout.Link link : layout.links()) {
            drawLink(g, f, layout, link, linkLevels[link.index()], large);
        }
        int[] levels = shown.vertexLevels();
        boolean[] selected = shown.selected();
        g.setFont(LABEL_FONT);
        for (WiringLayout.Vertex v : layout.vertices()) {
            drawVertex(g, f, v, levels[v.index()], selected[v.index()], large);
        }
        drawLegend(g, height, GraphLegend.Key.of(layout));
        return g.getSVGDocument();
    }

    private static void drawLink(SVGGraphics2D g, Frame f, WiringLayout layout, WiringLayout.Link link, int level,
                                 boolean large) {
        WiringLayout.Vertex a = layout.vertices().get(link.source());
        WiringLayout.Vertex b = layout.vertices().get(link.target());
        if (large && level < ActivityColors.DENSE_MIN_LEVEL) {
            return;
        }
        g.setColor(ActivityColors.awt(large ? ActivityColors.denseSynapse(link.polarity(), level)
                : ActivityColors.synapse(link.polarity(), level)));
        float width = (float) (large ? ActivityColors.denseSynapseWidth(level) : ActivityColors.synapseWidth(level));
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double x1 = f.x(a.x());
        double y1 = f.y(a.y());
        double x2 = f.x(b.x());
        double y2 = f.y(b.y());
        double r = size(b.role(), large) / 2.0;
        if (a.index() == b.index()) {
            g.draw(new Ellipse2D.Double(x1 - r, y1 - 3 * r, 2 * r, 2 * r));
            return;
        }
        double len = Math.hypot(x2 - x1, y2 - y1);
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double tipX = x2 - ux * (r + 1);
        double tipY = y2 - uy * (r + 1);
        g.draw(new Line2D.Double(x1, y1, tipX, tipY));
        if (!large) {
            Path2D head = new Path2D.Double();
            head.moveTo(tipX, tipY);
            head.lineTo(tipX - ux * 7 - uy * 3, tipY - uy * 7 + ux * 3);
            head.lineTo(tipX - ux * 7 + uy * 3, tipY - uy * 7 - ux * 3);
            head.closePath();
            g.fill(head);
        }
    }

    private static void drawVertex(SVGGraphics2D g, Frame f, WiringLayout.Vertex v, int level, boolean selected,
                                   boolean large) {
        double cx = f.x(v.x());
        double cy = f.y(v.y());
        double s = size(v.role(), large);
        Shape shape = shape(v.role(), cx, cy, s);
        // one group per vertex whose first child is its title, so viewers show the full name on hover
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "vertex-" + v.index());
        g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, v.name());
        g.setColor(ActivityColors.awt(ActivityColors.state(level)));
        g.fill(shape);
        g.setColor(ActivityColors.awt(selected ? ActivityColors.SELECTED : ActivityColors.stroke(v.role())));
        g.setStroke(new BasicStroke(selected ? 4f : v.role() == NeuronRole.COMMAND ? 3f : large ? 1f : 2f));
        g.draw(shape);
        if (!large) {
            drawLabel(g, v, cx, cy, s);
        }
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
    }

    private static void drawLabel(SVGGraphics2D g, WiringLayout.Vertex v, double cx, double cy, double s) {
        g.setColor(new Color(0x22, 0x22, 0x22));
        int w = g.getFontMetrics().stringWidth(v.label());
        if (v.sensory()) {
            g.drawString(v.label(), (float) (cx - s / 2 - 4 - w), (float) (cy + 4));
        } else {
            g.drawString(v.label(), (float) (cx - w / 2.0), (float) (cy + s / 2 + 13));
        }
    }

    private static double size(NeuronRole role, boolean large) {
        if (role == NeuronRole.COMMAND) {
            return large ? 11 : 20;
        }
        return large ? 8 : 15;
    }

    private static Shape shape(NeuronRole role, double cx, double cy, double s) {
        double h = s / 2;
        return switch (role) {
            case SENSORY -> polygon(cx, cy - h, cx + h, cy + h, cx - h, cy + h);
            case INTER -> new Ellipse2D.Double(cx - h, cy - h, s, s);
            case COMMAND -> polygon(cx, cy - h, cx + h, cy, cx, cy + h, cx - h, cy);
            case MOTOR -> new Rectangle2D.Double(cx - h, cy - h, s, s);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static void drawLegend(SVGGraphics2D g, int height, GraphLegend.Key key) {
        double y = height - LEGEND + 22;
        double x = 20;
        g.setFont(LABEL_FONT);
        for (GraphLegend.Glyph glyph : key.glyphs()) {
            if (glyph.polarity() == 0) {
                NeuronRole role = glyph.role();
                Shape s = shape(role, x + 7, y - 4, role == NeuronRole.COMMAND ? 14 : 11);
                g.setColor(Color.WHITE);
                g.fill(s);
                g.setColor(ActivityColors.awt(ActivityColors.stroke(role)));
                g.setStroke(new BasicStroke(role == NeuronRole.COMMAND ? 2.5f : 1.5f));
                g.draw(s);
                g.setColor(Color.DARK_GRAY);
                g.drawString(glyph.text(), (float) (x + 18), (float) y);
            } else {
                g.setColor(ActivityColors.awt(ActivityColors.synapse(glyph.polarity(),
                        ActivityColors.SYNAPSE_LEVELS - 1)));
                g.setStroke(new BasicStroke(3f));
                g.draw(new Line2D.Double(x, y - 4, x + 28, y - 4));
                g.setColor(Color.DARK_GRAY);
                g.drawString(glyph.text(), (float) (x + 34), (float) y);
            }
            x += Math.max(90, g.getFontMetrics().stringWidth(glyph.text()) + 50);
        }
        double by = y + 16;
        double bx = 20;
        int cells = ActivityColors.STATE_LEVELS;
        for (int i = 0; i < cells; i++) {
            g.setColor(ActivityColors.awt(ActivityColors.state(i)));
            g.fill(new Rectangle2D.Double(bx + i * 3, by, 3.2, 10));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("state: low \u2192 " + key.stateHigh() + "; " + key.links(), (float) (bx + cells * 3 + 10),
                (float) (by + 9));
    }

    /** Maps graph units to SVG pixels: the layout fitted into the page above the legend, y downwards. */
    private record Frame(double minX, double maxY, double scale, double offX, double offY) {
        static Frame fit(WiringLayout layout, int width, int height) {
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (WiringLayout.Vertex v : layout.vertices()) {
                minX = Math.min(minX, v.x());
                maxX = Math.max(maxX, v.x());
                minY = Math.min(minY, v.y());
                maxY = Math.max(maxY, v.y());
            }
            double w = Math.max(1e-9, maxX - minX);
            double h = Math.max(1e-9, maxY - minY);
            double availW = width - LEFT - RIGHT;
            double availH = height - TOP - LEGEND - 20;
            double scale = Math.min(availW / w, availH / h);
            if (maxX == minX && maxY == minY) {
                scale = 1;
            }
            double offX = LEFT + (availW - w * scale) / 2;
            double offY = TOP + (availH - h * scale) / 2;
            return new Frame(minX, maxY, scale, offX, offY);
        }

        double x(double gx) {
            return offX + (gx - minX) * scale;
        }

        double y(double gy) {
            return offY + (maxY - gy) * scale;
        }
    }
}
