package io.liquidlens.app.tree;

import io.liquidlens.tree.ClassColours;
import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.TreeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a decision tree on a canvas: splits as rounded boxes with the neuron's name, edges with the threshold
 * ({@code <=} to the left), leaves as boxes with the class, its training steps and errors, and the steps per class;
 * every node filled with its class's colour (the DOT export's). The path of the step at the cursor is drawn thick
 * and red. Drag pans, the wheel zooms about the pointer, a double click fits the tree to the panel.
 */
public final class TreeCanvas extends Pane {
    /** Node id, for tests. */
    public static final String ID = "tree-canvas";
    /** World size of one leaf column and one level. */
    static final double COLUMN = 132;
    static final double LEVEL = 62;
    private static final double BOX_W = 124;
    private static final double BOX_H = 34;
    private static final Color PATH = Color.web("#c62828");
    private static final Color EDGE = Color.web("#8a8a8a");
    private static final Font NAME = Font.font("SansSerif", FontWeight.BOLD, 11);
    private static final Font SMALL = Font.font("SansSerif", 9.5);

    private final Canvas canvas = new Canvas();
    private DecisionTree tree;
    private TreeLayout layout;
    private List<TreeNode> path = List.of();
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double pressX;
    private double pressY;
    private List<TreeNode> drawnPath = List.of();
    private int drawnLeaves;

    public TreeCanvas() {
        setId(ID);
        getChildren().add(canvas);
        setMinSize(100, 80);
        setStyle("-fx-background-color: white;");
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
        setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
        });
        setOnMouseDragged(e -> {
            offsetX += e.getX() - pressX;
            offsetY += e.getY() - pressY;
            pressX = e.getX();
            pressY = e.getY();
            redraw();
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                fit();
            }
        });
        setOnScroll(e -> zoom(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY()));
    }

    /** Shows {@code newTree} (null for none), fitted to the panel. */
    public void show(DecisionTree newTree) {
        tree = newTree;
        layout = newTree == null ? null : TreeLayout.of(newTree);
        path = List.of();
        fit();
    }

    /** Highlights the nodes of {@code nodes} (root to leaf, nodes of the tree shown). */
    public void highlight(List<TreeNode> nodes) {
        path = nodes == null ? List.of() : List.copyOf(nodes);
        redraw();
    }

    /** Fits the whole tree into the panel (at most life size; at least a scale where labels stay legible-ish). */
    public void fit() {
        if (layout == null) {
            redraw();
            return;
        }
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double treeW = layout.columns() * COLUMN;
        double treeH = layout.levels() * LEVEL;
        scale = Math.max(0.3, Math.min(1.1, Math.min(w / treeW, (h - 22) / (treeH - LEVEL + BOX_H + 4))));
        TreeLayout.Place root = layout.placeOf(tree.root());
        offsetX = treeW * scale <= w ? (w - treeW * scale) / 2 : w / 2 - x(root) * scale;
        offsetY = 22 + Math.max(0, (h - 22 - (treeH - LEVEL + BOX_H + 4) * scale) / 2);
        redraw();
    }

    /** Zooms by {@code factor} keeping the point ({@code px}, {@code py}) of the panel where it is. */
    public void zoom(double factor, double px, double py) {
        double next = Math.max(0.1, Math.min(4, scale * factor));
        double f = next / scale;
        offsetX = px - (px - offsetX) * f;
        offsetY = py - (py - offsetY) * f;
        scale = next;
        redraw();
    }

    /** The nodes drawn as the cursor's path at the last redraw (tests). */
    public List<TreeNode> drawnPath() {
        return drawnPath;
    }

    /** The leaves drawn at the last redraw (tests). */
    public int drawnLeaves() {
        return drawnLeaves;
    }

    /** The current zoom (tests). */
    public double scale() {
        return scale;
    }

    private void resized() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        fit();
    }

    private static double x(TreeLayout.Place p) {
        return p.column() * COLUMN + COLUMN / 2;
    }

    private static double y(TreeLayout.Place p) {
        return p.level() * LEVEL + BOX_H / 2;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            drawnPath = List.of();
            drawnLeaves = 0;
            return;
        }
        Set<TreeNode> on = Collections.newSetFromMap(new IdentityHashMap<>());
        on.addAll(path);
        g.save();
        g.translate(offsetX, offsetY);
        g.scale(scale, scale);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (TreeLayout.Edge e : layout.edges()) {
            drawEdge(g, e, on.contains(e.from().node()) && on.contains(e.to().node()));
        }
        int leaves = 0;
        List<TreeNode> drawn = new ArrayList<>();
        for (TreeLayout.Place p : layout.places()) {
            boolean lit = on.contains(p.node());
            drawNode(g, p, lit);
            if (lit) {
                drawn.add(p.node());
            }
            if (p.node() instanceof TreeNode.Leaf) {
                leaves++;
            }
        }
        g.restore();
        drawLegend(g);
        // places list children before parents: order the drawn path root first, as the model gives it
        drawn.sort((a, b) -> Integer.compare(layout.placeOf(a).level(), layout.placeOf(b).level()));
        drawnPath = List.copyOf(drawn);
        drawnLeaves = leaves;
    }

    private void drawEdge(GraphicsContext g, TreeLayout.Edge e, boolean lit) {
        double x1 = x(e.from());
        double y1 = y(e.from()) + BOX_H / 2;
        double x2 = x(e.to());
        double y2 = y(e.to()) - BOX_H / 2;
        g.setStroke(lit ? PATH : EDGE);
        g.setLineWidth(lit ? 3.5 : 1.2);
        g.strokeLine(x1, y1, x2, y2);
        TreeNode.Split s = (TreeNode.Split) e.from().node();
        String label = (e.below() ? "<= " : "> ") + number(s.threshold());
        g.setFont(SMALL);
        g.setFill(lit ? PATH : Color.web("#333333"));
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        g.setTextAlign(e.below() ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(label, mx + (e.below() ? -4 : 4), my);
        g.setTextAlign(TextAlignment.CENTER);
    }

    private void drawNode(GraphicsContext g, TreeLayout.Place p, boolean lit) {
        TreeNode n = p.node();
        int classes = tree.classNames().size();
        double left = x(p) - BOX_W / 2;
        double top = y(p) - BOX_H / 2;
        boolean leaf = n instanceof TreeNode.Leaf;
        int cls = leaf ? ((TreeNode.Leaf) n).predicted() : n.majority();
        double arc = leaf ? 6 : BOX_H;
        g.setFill(Color.web(ClassColours.hex(cls, classes)));
        g.fillRoundRect(left, top, BOX_W, BOX_H, arc, arc);
        g.setStroke(lit ? PATH : Color.web("#555555"));
        g.setLineWidth(lit ? 3.5 : 1);
        g.strokeRoundRect(left, top, BOX_W, BOX_H, arc, arc);
        g.setFill(Color.web("#111111"));
        g.setFont(NAME);
        if (n instanceof TreeNode.Split s) {
            g.fillText(s.featureName(), x(p), y(p) - 6, BOX_W - 8);
            g.setFont(SMALL);
            g.fillText(count(n.total()) + " steps", x(p), y(p) + 8, BOX_W - 8);
        } else {
            TreeNode.Leaf l = (TreeNode.Leaf) n;
            g.fillText(tree.classNames().get(l.predicted()) + " (" + count(l.total()) + "/" + count(l.errors()) + ")",
                    x(p), y(p) - 6, BOX_W - 8);
            g.setFont(SMALL);
            StringBuilder counts = new StringBuilder();
            double[] c = l.counts();
            for (int k = 0; k < c.length; k++) {
                counts.append(k == 0 ? "" : " · ").append(count(c[k]));
            }
            g.fillText(counts.toString(), x(p), y(p) + 8, BOX_W - 8);
        }
    }

    /** The classes' colours, top left, in the order the leaves' counts are listed. */
    private void drawLegend(GraphicsContext g) {
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = 6;
        List<String> names = tree.classNames();
        double width = 184;
        for (String name : names) {
            width += 22 + name.length() * 6.5;
        }
        // on a white band, so a panned or zoomed tree passes under it
        g.setFill(Color.color(1, 1, 1, 0.9));
        g.fillRect(0, 0, width, 20);
        g.setFill(Color.web("#333333"));
        g.fillText("classes (leaf counts in this order):", x, 10);
        x += 178;
        for (int k = 0; k < names.size(); k++) {
            g.setFill(Color.web(ClassColours.hex(k, names.size())));
            g.fillRect(x, 4, 12, 12);
            g.setStroke(Color.web("#555555"));
            g.setLineWidth(0.8);
            g.strokeRect(x, 4, 12, 12);
            g.setFill(Color.web("#333333"));
            g.fillText(names.get(k), x + 16, 10);
            x += 22 + names.get(k).length() * 6.5;
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    private static String count(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.format(Locale.ROOT, "%.1f", c);
    }
}
