package io.liquidlens.app.tree;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.TreeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * A decision tree on a canvas: splits as pills with the neuron's name, edges with the threshold ({@code <=} to the
 * left), leaves as boxes with the class, its training steps and errors, and the steps per class; every node filled
 * with its class's colour (the DOT export's). The path of the step at the cursor runs beside its edges in thick red,
 * never over their labels. Fit shows the whole tree at any size; text is drawn at a readable size or not at all
 * (hover a node for its details). A click on a split collapses or expands its subtree; splits on a searched neuron
 * are framed in blue; while the tree does not fit, an overview in the corner shows where the view is. Drag pans, the
 * wheel zooms about the pointer, a double click on the background fits.
 */
public final class TreeCanvas extends Pane {
    /** Node id, for tests. */
    public static final String ID = "tree-canvas";
    /** The band the class legend takes at the top. */
    static final double LEGEND_H = 20;

    private final Canvas canvas = new Canvas();
    private final TreeViewport view = new TreeViewport();
    private final Set<TreeNode> collapsed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Tooltip tip = new Tooltip();
    private DecisionTree tree;
    private TreeLayout layout;
    private List<TreeNode> path = List.of();
    private String search = "";
    private TreeMinimap minimap;
    private TreeNode hovered;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean steering;
    private TreePainter.Drawn drawn = TreePainter.Drawn.NOTHING;
    private final Map<String, Double> textWidths = new HashMap<>();

    public TreeCanvas() {
        setId(ID);
        getChildren().add(canvas);
        setMinSize(100, 80);
        setStyle("-fx-background-color: white;");
        tip.setShowDelay(Duration.millis(250));
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseClicked(this::clicked);
        setOnMouseMoved(e -> hover(nodeAt(e.getX(), e.getY())));
        setOnScroll(e -> zoom(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY()));
    }

    /** Shows {@code newTree} (null for none), every subtree expanded, fitted to the panel. */
    public void show(DecisionTree newTree) {
        tree = newTree;
        collapsed.clear();
        layout = newTree == null ? null : TreeLayout.of(newTree);
        path = List.of();
        fit();
    }

    /** Highlights the nodes of {@code nodes} (root to leaf, nodes of the tree shown). */
    public void highlight(List<TreeNode> nodes) {
        path = nodes == null ? List.of() : List.copyOf(nodes);
        redraw();
    }

    /** Fits the whole tree (as far as it is expanded) into the panel, however large it is. */
    public void fit() {
        if (layout != null) {
            view.fit(TreeGeometry.width(layout), TreeGeometry.height(layout), getWidth(), getHeight(), LEGEND_H);
        }
        redraw();
    }

    /** Zooms by {@code factor} keeping the point ({@code px}, {@code py}) of the panel where it is. */
    public void zoom(double factor, double px, double py) {
        view.zoom(factor, px, py);
        redraw();
    }

    /** Collapses the subtree under {@code split}, or expands it when collapsed; the split stays where it is drawn. */
    public void toggle(TreeNode split) {
        if (!(split instanceof TreeNode.Split) || layout == null || layout.placeOf(split) == null) {
            return;
        }
        TreeLayout.Place before = layout.placeOf(split);
        double px = view.screenX(TreeGeometry.centreX(before));
        double py = view.screenY(TreeGeometry.centreY(before));
        if (!collapsed.remove(split)) {
            collapsed.add(split);
        }
        relayout(split, px, py);
    }

    /** Expands every collapsed subtree. */
    public void expandAll() {
        if (layout == null || collapsed.isEmpty()) {
            return;
        }
        collapsed.clear();
        layout = TreeLayout.of(tree, collapsed);
        fit();
    }

    /**
     * Frames the splits on neurons whose name contains {@code text} (ignoring case; blank for none) and returns how
     * many splits of the whole tree match, hidden ones included (a collapsed split is framed when its subtree holds
     * one).
     */
    public int find(String text) {
        search = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        redraw();
        return tree == null || search.isEmpty() ? 0 : TreePainter.matches(tree.root(), search);
    }

    /** The nodes drawn as the cursor's path at the last redraw, root first (tests). */
    public List<TreeNode> drawnPath() {
        return drawn.path();
    }

    /** The leaves drawn at the last redraw; a collapsed split is not one (tests). */
    public int drawnLeaves() {
        return drawn.leaves();
    }

    /** The splits framed as found at the last redraw (tests). */
    public int drawnFound() {
        return drawn.found();
    }

    /** The edge labels' boxes at the last redraw, in panel pixels (tests). */
    public List<Bounds> labelBounds() {
        return drawn.labels();
    }

    /** The cursor path's line segments at the last redraw, {x1, y1, x2, y2} in panel pixels (tests). */
    public List<double[]> pathSegments() {
        return drawn.segments();
    }

    /** Where {@code node} is drawn, in panel pixels, or null when it is hidden in a collapsed subtree. */
    public Bounds screenBounds(TreeNode node) {
        TreeLayout.Place p = layout == null ? null : layout.placeOf(node);
        return p == null ? null : TreePainter.box(view, p);
    }

    /** Where the overview is drawn, or null when the whole tree is in view (tests). */
    public Bounds minimapBounds() {
        return minimap == null ? null : minimap.bounds();
    }

    /** The current zoom (tests). */
    public double scale() {
        return view.scale();
    }

    private void relayout(TreeNode keep, double px, double py) {
        layout = TreeLayout.of(tree, collapsed);
        TreeLayout.Place after = layout.placeOf(keep);
        view.place(TreeGeometry.centreX(after), TreeGeometry.centreY(after), px, py);
        redraw();
    }

    private void resized() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        fit();
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        steering = minimap != null && minimap.bounds().contains(pressX, pressY);
        if (steering) {
            steer(pressX, pressY);
        }
    }

    private void dragged(MouseEvent e) {
        if (steering) {
            steer(e.getX(), e.getY());
            return;
        }
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 3) {
            return;
        }
        dragged = true;
        view.pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
        redraw();
    }

    private void clicked(MouseEvent e) {
        if (dragged || steering || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        TreeNode node = nodeAt(e.getX(), e.getY());
        if (node instanceof TreeNode.Split) {
            toggle(node);
        } else if (node == null && e.getClickCount() == 2) {
            fit();
        }
    }

    /** Centres the view on the drawing point under the overview's point ({@code px}, {@code py}). */
    private void steer(double px, double py) {
        double[] world = minimap.worldAt(px, py);
        view.place(world[0], world[1], getWidth() / 2, (getHeight() + LEGEND_H) / 2);
        redraw();
    }

    private TreeNode nodeAt(double px, double py) {
        if (layout == null || (minimap != null && minimap.bounds().contains(px, py))) {
            return null;
        }
        for (TreeLayout.Place p : layout.places()) {
            Bounds b = TreePainter.box(view, p);
            if (new BoundingBox(b.getMinX() - 2, b.getMinY() - 2, b.getWidth() + 4, b.getHeight() + 4)
                    .contains(px, py)) {
                return p.node();
            }
        }
        return null;
    }

    private void hover(TreeNode node) {
        if (node == hovered) {
            return;
        }
        hovered = node;
        if (node == null) {
            Tooltip.uninstall(this, tip);
        } else {
            tip.setText(TreePainter.describe(tree, node, collapsed.contains(node)));
            Tooltip.install(this, tip);
        }
    }

    private void redraw() {
        minimap = layout == null ? null : TreeMinimap.of(layout, view, getWidth(), getHeight());
        drawn = new TreePainter(canvas.getGraphicsContext2D(), view, getWidth(), getHeight(), textWidths)
                .draw(tree, layout, path, search, collapsed, minimap);
    }
}
