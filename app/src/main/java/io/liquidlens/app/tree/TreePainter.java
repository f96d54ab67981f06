package io.liquidlens.app.tree;

import io.liquidlens.tree.ClassColours;
import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.TreeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * One drawing of a tree in panel pixels. Text keeps its size at every zoom and is left out where it does not fit
 * (never squeezed); an edge's threshold sits on the outer side of the edge on a white ground, and the cursor's path
 * runs on the inner side, so the two never cross.
 */
final class TreePainter {
    /** What the last drawing showed, for tests. */
    record Drawn(List<TreeNode> path, int leaves, int found, List<Bounds> labels, List<double[]> segments) {
        static final Drawn NOTHING = new Drawn(List.of(), 0, 0, List.of(), List.of());
    }

    private static final Color EDGE = Color.web("#8a8a8a");
    private static final Color INK = Color.web("#111111");
    private static final Font NAME = Font.font("SansSerif", FontWeight.BOLD, 11);
    private static final Font SMALL = Font.font("SansSerif", 9.5);
    private static final double PATH_OFFSET = 5;
    private static final double LABEL_GAP = 3;
    private static final double MIN_LABEL_GAP = 28;
    /** Distinct texts remembered before the width cache starts again (a tree has a few hundred). */
    private static final int MAX_MEASURED = 10_000;

    private final GraphicsContext g;
    private final TreeViewport view;
    private final double width;
    private final double height;
    private final Map<String, Double> widths;

    /**
     * @param widths text widths measured by earlier drawings, by font and text: laying a text out costs more than
     *               drawing it, and a redraw at every cursor step draws the same labels again
     */
    TreePainter(GraphicsContext g, TreeViewport view, double width, double height, Map<String, Double> widths) {
        this.g = g;
        this.view = view;
        this.width = width;
        this.height = height;
        this.widths = widths;
    }

    /** A place's box in panel pixels (at least 3 px a side, so a far-out tree still shows its nodes). */
    static Bounds box(TreeViewport view, TreeLayout.Place p) {
        double w = Math.max(3, TreeGeometry.BOX_W * view.scale());
        double h = Math.max(3, TreeGeometry.BOX_H * view.scale());
        return new BoundingBox(view.screenX(TreeGeometry.centreX(p)) - w / 2,
                view.screenY(TreeGeometry.centreY(p)) - h / 2, w, h);
    }

    /** Splits under (and including) {@code node} on a neuron whose lower-case name contains {@code search}. */
    static int matches(TreeNode node, String search) {
        if (node instanceof TreeNode.Split s) {
            int self = s.featureName().toLowerCase(Locale.ROOT).contains(search) ? 1 : 0;
            return self + matches(s.below(), search) + matches(s.above(), search);
        }
        return 0;
    }

    /** A node's details, for the tooltip. */
    static String describe(DecisionTree tree, TreeNode node, boolean collapsed) {
        StringBuilder sb = new StringBuilder();
        if (node instanceof TreeNode.Split s) {
            sb.append("split on ").append(s.featureName()).append(" at ").append(number(s.threshold()));
            if (collapsed) {
                sb.append("\ncollapsed: ").append(TreeLayout.leavesUnder(node)).append(" leaves (click to expand)");
            }
        } else {
            TreeNode.Leaf l = (TreeNode.Leaf) node;
            sb.append("leaf: ").append(tree.classNames().get(l.predicted())).append(", ").append(count(l.errors()))
                    .append(" of ").append(count(l.total())).append(" steps misclassified");
        }
        double[] c = node.counts();
        for (int k = 0; k < c.length; k++) {
            sb.append('\n').append(tree.classNames().get(k)).append(": ").append(count(c[k])).append(" steps");
        }
        return sb.toString();
    }

    Drawn draw(DecisionTree tree, TreeLayout layout, List<TreeNode> path, String search, Set<TreeNode> collapsed,
               TreeMinimap minimap) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, width, height);
        if (layout == null) {
            return Drawn.NOTHING;
        }
        Set<TreeNode> on = Collections.newSetFromMap(new IdentityHashMap<>());
        on.addAll(path);
        g.setLineDashes();
        for (TreeLayout.Edge e : layout.edges()) {
            double[] line = edgeLine(e);
            g.setStroke(EDGE);
            g.setLineWidth(1.2);
            g.strokeLine(line[0], line[1], line[2], line[3]);
        }
        List<double[]> segments = new ArrayList<>();
        for (TreeLayout.Edge e : layout.edges()) {
            if (on.contains(e.from().node()) && on.contains(e.to().node())) {
                segments.add(pathBeside(e));
            }
        }
        List<Bounds> labels = new ArrayList<>();
        for (TreeLayout.Edge e : layout.edges()) {
            Bounds b = edgeLabel(e, on.contains(e.from().node()) && on.contains(e.to().node()));
            if (b != null) {
                labels.add(b);
            }
        }
        int leaves = 0;
        int found = 0;
        List<TreeNode> lit = new ArrayList<>();
        for (TreeLayout.Place p : layout.places()) {
            boolean isFound = !search.isEmpty() && matches(p.node(), search) > 0
                    && (p.collapsed() || matchesSelf(p.node(), search));
            drawNode(tree, p, on.contains(p.node()), isFound);
            found += isFound ? 1 : 0;
            if (on.contains(p.node())) {
                lit.add(p.node());
            }
            if (p.node() instanceof TreeNode.Leaf) {
                leaves++;
            }
        }
        drawLegend(tree.classNames());
        if (minimap != null) {
            minimap.draw(g, view, width, height, on, tree.classNames().size());
        }
        // places list children before parents: order the drawn path root first, as the model gives it
        lit.sort((a, b) -> Integer.compare(layout.placeOf(a).level(), layout.placeOf(b).level()));
        return new Drawn(List.copyOf(lit), leaves, found, List.copyOf(labels), List.copyOf(segments));
    }

    private static boolean matchesSelf(TreeNode n, String search) {
        return n instanceof TreeNode.Split s && s.featureName().toLowerCase(Locale.ROOT).contains(search);
    }

    /** The edge from the parent's bottom to the child's top, {x1, y1, x2, y2} in panel pixels. */
    private double[] edgeLine(TreeLayout.Edge e) {
        Bounds from = box(view, e.from());
        Bounds to = box(view, e.to());
        return new double[] {from.getCenterX(), from.getMaxY(), to.getCenterX(), to.getMinY()};
    }

    /**
     * The unit normal of an edge on its label's side: up and outwards (left of a {@code <=} edge, right of a
     * {@code >} edge); the path runs on the opposite side.
     */
    private double[] labelSide(TreeLayout.Edge e, double[] line) {
        double dx = line[2] - line[0];
        double dy = line[3] - line[1];
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double nx = -dy / len;
        double ny = dx / len;
        boolean wantLeft = e.below();
        if ((nx < 0) != wantLeft) {
            nx = -nx;
            ny = -ny;
        }
        return new double[] {nx, ny};
    }

    private double[] pathBeside(TreeLayout.Edge e) {
        double[] line = edgeLine(e);
        double[] n = labelSide(e, line);
        double ox = -n[0] * PATH_OFFSET;
        double oy = -n[1] * PATH_OFFSET;
        double[] seg = {line[0] + ox, line[1] + oy, line[2] + ox, line[3] + oy};
        g.setStroke(TreeGeometry.PATH);
        g.setLineWidth(3);
        g.strokeLine(seg[0], seg[1], seg[2], seg[3]);
        return seg;
    }

    /** The threshold beside its edge on a white ground, when the edge is long enough to carry it; its box or null. */
    private Bounds edgeLabel(TreeLayout.Edge e, boolean lit) {
        TreeNode.Split s = (TreeNode.Split) e.from().node();
        String text = (e.below() ? "<= " : "> ") + number(s.threshold());
        double[] line = edgeLine(e);
        double tw = textWidth(text, SMALL);
        double th = 12;
        // a label needs room between the levels and along its edge, else it would sit on a box or another edge
        double gap = (TreeGeometry.LEVEL - TreeGeometry.BOX_H) * view.scale();
        if (gap < MIN_LABEL_GAP || Math.hypot(line[2] - line[0], line[3] - line[1]) < tw + 24) {
            return null;
        }
        double[] n = labelSide(e, line);
        double lift = tw / 2 * Math.abs(n[0]) + th / 2 * Math.abs(n[1]) + LABEL_GAP;
        double cx = (line[0] + line[2]) / 2 + n[0] * lift;
        double cy = (line[1] + line[3]) / 2 + n[1] * lift;
        Bounds b = new BoundingBox(cx - tw / 2 - 1, cy - th / 2, tw + 2, th);
        g.setFill(Color.color(1, 1, 1, 0.9));
        g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(lit ? TreeGeometry.PATH : Color.web("#333333"));
        g.fillText(text, cx, cy);
        return b;
    }

    private void drawNode(DecisionTree tree, TreeLayout.Place p, boolean lit, boolean found) {
        TreeNode n = p.node();
        Bounds b = box(view, p);
        boolean leaf = n instanceof TreeNode.Leaf;
        double arc = leaf ? 6 * view.scale() : b.getHeight();
        g.setFill(Color.web(ClassColours.hex(TreeGeometry.shownClass(n), tree.classNames().size())));
        g.fillRoundRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), arc, arc);
        g.setStroke(lit ? TreeGeometry.PATH : found ? TreeGeometry.FOUND : Color.web("#555555"));
        g.setLineWidth(lit || found ? 3 : 1);
        if (p.collapsed()) {
            g.setLineDashes(4, 3);
        }
        g.strokeRoundRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), arc, arc);
        g.setLineDashes();
        if (lit && found) {
            g.setStroke(TreeGeometry.FOUND);
            g.setLineWidth(1.5);
            g.strokeRoundRect(b.getMinX() - 3, b.getMinY() - 3, b.getWidth() + 6, b.getHeight() + 6, arc, arc);
        }
        String[] lines = lines(tree, n, p.collapsed());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(INK);
        double room = b.getWidth() - 6;
        if (b.getHeight() < 11) {
            return;
        }
        // the first line bold, else small, else its short form; the second only when both fit in full
        Font first = textWidth(lines[0], NAME) <= room ? NAME : textWidth(lines[0], SMALL) <= room ? SMALL : null;
        boolean two = first != null && b.getHeight() >= 28 && textWidth(lines[1], SMALL) <= room;
        if (first != null) {
            g.setFont(first);
            g.fillText(lines[0], b.getCenterX(), b.getCenterY() - (two ? 7 : 0));
        } else if (textWidth(lines[2], SMALL) <= room) {
            g.setFont(SMALL);
            g.fillText(lines[2], b.getCenterX(), b.getCenterY());
        }
        if (two) {
            g.setFont(SMALL);
            g.fillText(lines[1], b.getCenterX(), b.getCenterY() + 7);
        }
    }

    /** A node's text: the first line, the second, and a short form of the first for small boxes. */
    private static String[] lines(DecisionTree tree, TreeNode n, boolean collapsed) {
        if (n instanceof TreeNode.Split s) {
            String name = s.featureName();
            return new String[] {collapsed ? name + " +" + TreeLayout.leavesUnder(n) : name, collapsed
                    ? "+" + TreeLayout.leavesUnder(n) + " leaves, " + count(n.total()) + " steps"
                    : count(n.total()) + " steps", name.substring(name.lastIndexOf(' ') + 1)};
        }
        TreeNode.Leaf l = (TreeNode.Leaf) n;
        StringBuilder counts = new StringBuilder();
        double[] c = l.counts();
        for (int k = 0; k < c.length; k++) {
            counts.append(k == 0 ? "" : " · ").append(count(c[k]));
        }
        String cls = tree.classNames().get(l.predicted());
        return new String[] {cls + " (" + count(l.total()) + "/" + count(l.errors()) + ")", counts.toString(), cls};
    }

    /** The classes' colours, top left, in the order the leaves' counts are listed. */
    private void drawLegend(List<String> names) {
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String title = "classes (leaf counts in this order):";
        double x = 6;
        double w = x + textWidth(title, SMALL) + 8;
        for (String name : names) {
            w += 22 + textWidth(name, SMALL);
        }
        // on a white band, so a panned or zoomed tree passes under it
        g.setFill(Color.color(1, 1, 1, 0.9));
        g.fillRect(0, 0, w, TreeCanvas.LEGEND_H);
        g.setFill(Color.web("#333333"));
        g.fillText(title, x, 10);
        x += textWidth(title, SMALL) + 8;
        for (int k = 0; k < names.size(); k++) {
            g.setFill(Color.web(ClassColours.hex(k, names.size())));
            g.fillRect(x, 4, 12, 12);
            g.setStroke(Color.web("#555555"));
            g.setLineWidth(0.8);
            g.strokeRect(x, 4, 12, 12);
            g.setFill(Color.web("#333333"));
            g.fillText(names.get(k), x + 16, 10);
            x += 22 + textWidth(names.get(k), SMALL);
        }
    }

    private double textWidth(String s, Font font) {
        if (widths.size() > MAX_MEASURED) {
            widths.clear();
        }
        return widths.computeIfAbsent(font.getSize() + (font == NAME ? "b:" : ":") + s, k -> {
            Text measure = new Text(s);
            measure.setFont(font);
            return measure.getLayoutBounds().getWidth();
        });
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    private static String count(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.format(Locale.ROOT, "%.1f", c);
    }
}
