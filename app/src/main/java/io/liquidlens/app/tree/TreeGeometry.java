package io.liquidlens.app.tree;

import io.liquidlens.tree.TreeNode;
import javafx.scene.paint.Color;

/** Sizes of the tree drawing in its own units (life size at scale 1) and where a place is drawn in them. */
final class TreeGeometry {
    /** Width of one leaf column and height of one level. */
    static final double COLUMN = 132;
    static final double LEVEL = 80;
    static final double BOX_W = 124;
    static final double BOX_H = 34;
    /** The cursor's path. */
    static final Color PATH = Color.web("#c62828");
    /** Splits on the neuron searched for. */
    static final Color FOUND = Color.web("#1565c0");

    private TreeGeometry() {
    }

    static double centreX(TreeLayout.Place p) {
        return p.column() * COLUMN + COLUMN / 2;
    }

    static double centreY(TreeLayout.Place p) {
        return p.level() * LEVEL + BOX_H / 2;
    }

    /** The drawing's width: every leaf column. */
    static double width(TreeLayout layout) {
        return Math.max(1, layout.columns()) * COLUMN;
    }

    /** The drawing's height: from the root's top to the deepest box's bottom. */
    static double height(TreeLayout layout) {
        return (Math.max(1, layout.levels()) - 1) * LEVEL + BOX_H;
    }

    /** The class a node is coloured with: a leaf's prediction, a split's majority. */
    static int shownClass(TreeNode n) {
        return n instanceof TreeNode.Leaf l ? l.predicted() : n.majority();
    }
}
