package io.liquidlens.app.tree;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.TreeNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each node of a tree is drawn, in columns and levels: the leaves take the columns 0, 1, 2, ... from left
 * (the {@code <=} side) to right, each split sits midway between its two children, one level per split. A collapsed
 * split takes one column like a leaf and hides its subtree. Nodes are looked up by identity, so equal subtrees in
 * different places keep their own positions.
 */
public final class TreeLayout {
    /**
     * A node and its place: {@code column} in leaf columns (fractional for splits), {@code level} from the root;
     * {@code collapsed} for a split drawn in place of its hidden subtree.
     */
    public record Place(TreeNode node, double column, int level, boolean collapsed) {
    }

    /** An edge from a split to a child; {@code below} for the {@code <=} side. */
    public record Edge(Place from, Place to, boolean below) {
    }

    private final List<Place> places = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<TreeNode, Place> byNode = new IdentityHashMap<>();
    private int leaves;
    private int levels;

    private TreeLayout() {
    }

    /** The layout of {@code tree}, every subtree shown. */
    public static TreeLayout of(DecisionTree tree) {
        return of(tree, Set.of());
    }

    /** The layout of {@code tree} with the subtrees of {@code collapsed} (split nodes, by identity) hidden. */
    public static TreeLayout of(DecisionTree tree, Set<TreeNode> collapsed) {
        TreeLayout layout = new TreeLayout();
        layout.place(tree.root(), 0, collapsed);
        return layout;
    }

    private Place place(TreeNode n, int level, Set<TreeNode> collapsed) {
        levels = Math.max(levels, level + 1);
        Place p;
        if (n instanceof TreeNode.Split s && !collapsed.contains(n)) {
            Place below = place(s.below(), level + 1, collapsed);
            Place above = place(s.above(), level + 1, collapsed);
            p = new Place(n, (below.column() + above.column()) / 2, level, false);
            edges.add(new Edge(p, below, true));
            edges.add(new Edge(p, above, false));
        } else {
            p = new Place(n, leaves++, level, n instanceof TreeNode.Split);
        }
        places.add(p);
        byNode.put(n, p);
        return p;
    }

    /** Every node's place (children before their parent). */
    public List<Place> places() {
        return List.copyOf(places);
    }

    /** Every edge. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The place of {@code node} (this very node object), or null when it is not in the tree. */
    public Place placeOf(TreeNode node) {
        return byNode.get(node);
    }

    /** Leaves under {@code node} in the whole tree, hidden or not. */
    public static int leavesUnder(TreeNode node) {
        return node instanceof TreeNode.Split s ? leavesUnder(s.below()) + leavesUnder(s.above()) : 1;
    }

    /** Leaf columns (a collapsed split counts as one). */
    public int columns() {
        return leaves;
    }

    /** Levels, root included (the tree's depth + 1). */
    public int levels() {
        return levels;
    }
}
