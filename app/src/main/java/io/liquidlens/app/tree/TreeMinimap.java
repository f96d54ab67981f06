package io.liquidlens.app.tree;

import io.liquidlens.tree.ClassColours;
import io.liquidlens.tree.TreeNode;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The overview in the lower right corner while the tree does not fit the panel: every node as a dot of its class's
 * colour, the cursor's path, and the part the panel shows as a blue frame. A press or drag in it moves the view there.
 */
final class TreeMinimap {
    private static final double MAX_W = 180;
    private static final double MAX_H = 110;
    private static final double INSET = 8;

    private final TreeLayout layout;
    private final Bounds box;
    private final double unit;

    private TreeMinimap(TreeLayout layout, Bounds box, double unit) {
        this.layout = layout;
        this.box = box;
        this.unit = unit;
    }

    /**
     * The overview of {@code layout} for a panel of {@code panelW} x {@code panelH}, or null when the whole drawing
     * is in view (nothing to find) or the panel is too small to hold one.
     */
    static TreeMinimap of(TreeLayout layout, TreeViewport view, double panelW, double panelH) {
        double width = TreeGeometry.width(layout);
        double height = TreeGeometry.height(layout);
        boolean whole = view.screenX(0) >= -0.5 && view.screenY(0) >= -0.5
                && view.screenX(width) <= panelW + 0.5 && view.screenY(height) <= panelH + 0.5;
        if (whole || panelW < 3 * MAX_W || panelH < 2.5 * MAX_H) {
            return null;
        }
        double unit = Math.min(MAX_W / width, MAX_H / height);
        double w = width * unit;
        double h = height * unit;
        return new TreeMinimap(layout, new BoundingBox(panelW - INSET - w, panelH - INSET - h, w, h), unit);
    }

    /** Where the overview is drawn, in panel pixels. */
    Bounds bounds() {
        return box;
    }

    /** The drawing point under panel point ({@code px}, {@code py}), clamped into the drawing. */
    double[] worldAt(double px, double py) {
        double x = Math.max(box.getMinX(), Math.min(box.getMaxX(), px));
        double y = Math.max(box.getMinY(), Math.min(box.getMaxY(), py));
        return new double[] {(x - box.getMinX()) / unit, (y - box.getMinY()) / unit};
    }

    void draw(GraphicsContext g, TreeViewport view, double panelW, double panelH, Set<TreeNode> lit, int classes) {
        g.setFill(Color.color(1, 1, 1, 0.92));
        g.fillRect(box.getMinX() - 3, box.getMinY() - 3, box.getWidth() + 6, box.getHeight() + 6);
        g.setStroke(Color.web("#777777"));
        g.setLineWidth(1);
        g.strokeRect(box.getMinX() - 3, box.getMinY() - 3, box.getWidth() + 6, box.getHeight() + 6);
        double dot = Math.max(1.5, Math.min(5, TreeGeometry.BOX_W * unit));
        for (TreeLayout.Place p : layout.places()) {
            double x = box.getMinX() + TreeGeometry.centreX(p) * unit;
            double y = box.getMinY() + TreeGeometry.centreY(p) * unit;
            g.setFill(lit.contains(p.node()) ? TreeGeometry.PATH
                    : Color.web(ClassColours.hex(TreeGeometry.shownClass(p.node()), classes)));
            g.fillRect(x - dot / 2, y - dot / 2, dot, dot);
        }
        double x0 = box.getMinX() + view.worldX(0) * unit;
        double y0 = box.getMinY() + view.worldY(0) * unit;
        double x1 = box.getMinX() + view.worldX(panelW) * unit;
        double y1 = box.getMinY() + view.worldY(panelH) * unit;
        double left = Math.max(box.getMinX() - 3, x0);
        double top = Math.max(box.getMinY() - 3, y0);
        double right = Math.min(box.getMaxX() + 3, x1);
        double bottom = Math.min(box.getMaxY() + 3, y1);
        g.setStroke(Color.web("#1565c0"));
        g.setLineWidth(1.5);
        g.strokeRect(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }
}
