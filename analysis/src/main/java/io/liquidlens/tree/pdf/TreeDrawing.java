package io.liquidlens.tree.pdf;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import io.liquidlens.tree.ClassColours;
import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.LabelBins;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * One tree drawn with Java2D at a fixed, readable type size: the caption on top, a legend of the class colours, then
 * the tree laid out by {@link TreeLayout}. Splits are white rounded boxes naming the neuron, leaves are boxes filled
 * with their class's colour (the DOT export's palette); both show the training steps per class; edges carry the
 * thresholds. The drawing is as large as it needs to be ({@link #width()} x {@link #height()} points).
 */
final class TreeDrawing implements Painter {
    static final double MARGIN = 36;
    private static final double PAD_X = 6;
    private static final double PAD_Y = 4;
    private static final double GAP = 10;
    private static final double ROW_GAP = 34;
    private static final float TITLE_SIZE = 10;
    private static final float SMALL_SIZE = 8;
    private static final float CAPTION_SIZE = 9;

    private final DecisionTree tree;
    private final List<String> caption;
    private final List<String> classRanges;
    private final Font title = Fonts.bold(TITLE_SIZE);
    private final Font small = Fonts.plain(SMALL_SIZE);
    private final Font captionFont = Fonts.plain(CAPTION_SIZE);
    private final Font captionBold = Fonts.bold(CAPTION_SIZE + 2);
    private final TreeLayout layout;
    private final double boxHeight;
    private final double captionHeight;
    private final double width;
    private final double height;

    /** Lays out {@code tree} under {@code caption} (its first line is set in bold) with the classes' ranges. */
    TreeDrawing(DecisionTree tree, List<String> caption, LabelBins bins) {
        this.tree = tree;
        this.caption = List.copyOf(caption);
        this.classRanges = bins.ranges();
        this.boxHeight = 2 * PAD_Y + lineHeight(title) + lineHeight(small);
        this.layout = new TreeLayout(tree.root(), this::boxWidth, GAP);
        double captionWidth = 0;
        for (int i = 0; i < this.caption.size(); i++) {
            captionWidth = Math.max(captionWidth, Fonts.width(i == 0 ? captionBold : captionFont, this.caption.get(i)));
        }
        captionWidth = Math.max(captionWidth, legendWidth());
        this.captionHeight = lineHeight(captionBold) + (this.caption.size() - 1) * lineHeight(captionFont)
                + 1.6 * lineHeight(captionFont) + ROW_GAP / 2;
        this.width = 2 * MARGIN + Math.max(layout.width(), captionWidth);
        this.height = 2 * MARGIN + captionHeight + (layout.depth() + 1) * boxHeight + layout.depth() * ROW_GAP;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    /** Draws everything with the origin at the top left, in points. */
    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        double y = MARGIN;
        for (int i = 0; i < caption.size(); i++) {
            Font f = i == 0 ? captionBold : captionFont;
            y += lineHeight(f);
            g.setFont(f);
            g.setColor(i == 0 ? Color.BLACK : Color.DARK_GRAY);
            g.drawString(caption.get(i), (float) MARGIN, (float) (y - descent(f)));
        }
        drawLegend(g, y + 0.3 * lineHeight(captionFont));
        double top = MARGIN + captionHeight;
        double left = MARGIN + (width - 2 * MARGIN - layout.width()) / 2;
        g.setStroke(new BasicStroke(0.8f));
        for (TreeLayout.Placed p : layout.nodes()) {
            if (p.parent() != null) {
                drawEdge(g, p, left, top);
            }
        }
        for (TreeLayout.Placed p : layout.nodes()) {
            drawNode(g, p, left + p.x(), rowTop(top, p.depth()));
        }
    }

    private double rowTop(double top, int depth) {
        return top + depth * (boxHeight + ROW_GAP);
    }

    private void drawLegend(Graphics2D g, double y) {
        double x = MARGIN;
        double h = lineHeight(captionFont);
        g.setFont(captionFont);
        for (int k = 0; k < classRanges.size(); k++) {
            g.setColor(new Color(ClassColours.rgb(k, classRanges.size())));
            Rectangle2D swatch = new Rectangle2D.Double(x, y + 0.15 * h, 1.4 * h, 0.8 * h);
            g.fill(swatch);
            g.setColor(Color.GRAY);
            g.draw(swatch);
            x += 1.8 * h;
            g.setColor(Color.BLACK);
            g.drawString(classRanges.get(k), (float) x, (float) (y + h - descent(captionFont)));
            x += Fonts.width(captionFont, classRanges.get(k)) + 2 * h;
        }
    }

    private double legendWidth() {
        double h = lineHeight(captionFont);
        double w = 0;
        for (String r : classRanges) {
            w += 1.8 * h + Fonts.width(captionFont, r) + 2 * h;
        }
        return w;
    }

    private void drawEdge(Graphics2D g, TreeLayout.Placed child, double left, double top) {
        TreeLayout.Placed parent = child.parent();
        double x0 = left + parent.x();
        double y0 = rowTop(top, parent.depth()) + boxHeight;
        double x1 = left + child.x();
        double y1 = rowTop(top, child.depth());
        g.setColor(Color.GRAY);
        g.draw(new Line2D.Double(x0, y0, x1, y1));
        String label = TreeCaption.edge((TreeNode.Split) parent.node(), child.below());
        // at the child's end, where the two edges of a split are furthest apart
        double lx = x0 + 0.62 * (x1 - x0);
        double ly = y0 + 0.62 * (y1 - y0);
        double w = Fonts.width(small, label);
        double h = lineHeight(small);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(lx - w / 2 - 1, ly - h / 2, w + 2, h));
        g.setColor(Color.BLACK);
        g.setFont(small);
        g.drawString(label, (float) (lx - w / 2), (float) (ly + h / 2 - descent(small)));
    }

    private void drawNode(Graphics2D g, TreeLayout.Placed p, double cx, double y) {
        TreeNode n = p.node();
        double w = boxWidth(n);
        double x = cx - w / 2;
        boolean leaf = n instanceof TreeNode.Leaf;
        var box = leaf ? new Rectangle2D.Double(x, y, w, boxHeight)
                : new RoundRectangle2D.Double(x, y, w, boxHeight, 10, 10);
        g.setColor(leaf ? new Color(ClassColours.rgb(((TreeNode.Leaf) n).predicted(), tree.classNames().size()))
                : Color.WHITE);
        g.fill(box);
        g.setColor(leaf ? Color.GRAY : Color.BLACK);
        g.draw(box);
        g.setColor(Color.BLACK);
        String t = TreeCaption.title(tree, n);
        String c = TreeCaption.counts(tree, n);
        double line1 = y + PAD_Y + lineHeight(title);
        g.setFont(title);
        g.drawString(t, (float) (cx - Fonts.width(title, t) / 2), (float) (line1 - descent(title)));
        g.setFont(small);
        g.drawString(c, (float) (cx - Fonts.width(small, c) / 2), (float) (line1 + lineHeight(small) - descent(small)));
    }

    private double boxWidth(TreeNode n) {
        return 2 * PAD_X + Math.max(Fonts.width(title, TreeCaption.title(tree, n)),
                Fonts.width(small, TreeCaption.counts(tree, n)));
    }

    private static double lineHeight(Font f) {
        var m = f.getLineMetrics("Ag", Fonts.MEASURE);
        return m.getAscent() + m.getDescent() + m.getLeading();
    }

    private static double descent(Font f) {
        var m = f.getLineMetrics("Ag", Fonts.MEASURE);
        return m.getDescent() + m.getLeading();
    }
}
