package io.liquidlens.tree.pdf;

import io.liquidlens.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A tidy layout of a binary tree: leaves left to right in tree order, each parent centred over its two children,
 * and every subtree in its own vertical band, so boxes of one row never overlap whatever their widths. Rows are the
 * depths; x is the centre of a node's box, in the same units as the widths.
 */
final class TreeLayout {

    /**
     * A node's place.
     *
     * @param node   the node
     * @param x      the centre of its box
     * @param depth  its row (0 for the root)
     * @param parent the parent's place, or null for the root
     * @param below  for a child: whether it is its parent's {@code below} subtree
     */
    record Placed(TreeNode node, double x, int depth, Placed parent, boolean below) {
    }

    private final List<Placed> nodes = new ArrayList<>();
    private final ToDoubleFunction<TreeNode> boxWidth;
    private final double gap;
    private final double width;
    private final int depth;

    /**
     * Lays out {@code root} with boxes {@code boxWidth} wide and at least {@code gap} between neighbouring
     * subtrees.
     */
    TreeLayout(TreeNode root, ToDoubleFunction<TreeNode> boxWidth, double gap) {
        this.boxWidth = boxWidth;
        this.gap = gap;
        Band band = band(root);
        this.width = band.width;
        this.depth = band.depth;
        place(band, 0, 0, null, false);
    }

    /** Every node, parents before their children. */
    List<Placed> nodes() {
        return nodes;
    }

    /** The width of the whole drawing. */
    double width() {
        return width;
    }

    /** The deepest row (0 for a single leaf). */
    int depth() {
        return depth;
    }

    /** A subtree measured: its band's width and where its root's centre lies in it. */
    private record Band(TreeNode node, double width, double rootX, int depth, Band below, Band above,
                        double childrenOffset) {
    }

    private Band band(TreeNode n) {
        double own = boxWidth.applyAsDouble(n);
        if (!(n instanceof TreeNode.Split s)) {
            return new Band(n, own, own / 2, 0, null, null, 0);
        }
        Band lo = band(s.below());
        Band hi = band(s.above());
        double children = lo.width + gap + hi.width;
        double centre = (lo.rootX + lo.width + gap + hi.rootX) / 2;
        // a box wider than its children's span pushes them right (and widens the band) so it still fits
        double offset = Math.max(0, own / 2 - centre);
        double width = Math.max(offset + children, offset + centre + own / 2);
        return new Band(n, width, offset + centre, 1 + Math.max(lo.depth, hi.depth), lo, hi, offset);
    }

    private void place(Band b, double left, int row, Placed parent, boolean below) {
        Placed p = new Placed(b.node, left + b.rootX, row, parent, below);
        nodes.add(p);
        if (b.below != null) {
            double start = left + b.childrenOffset;
            place(b.below, start, row + 1, p, true);
            place(b.above, start + b.below.width + gap, row + 1, p, false);
        }
    }
}
