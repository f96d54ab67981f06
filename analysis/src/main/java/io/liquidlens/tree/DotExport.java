package io.liquidlens.tree;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tree as Graphviz DOT, written from our {@link DecisionTree} (not from J48's {@code graph()}): splits are
 * ellipses naming the neuron, leaves are boxes with the class; every node shows its training steps per class and is
 * filled with the colour of its majority class; edges carry the threshold. The graph's label is the header (classes
 * with their thresholds, fidelity).
 */
public final class DotExport {
    /** Fill colours for left / straight / right style classes, by class index (low values first). */
    private static final String[] THREE = {"#9ecae1", "#e0e0e0", "#fdae6b"};
    /** Light sequential colours for quantile bins, interpolated by class index. */
    private static final int[] LOW = {0x9e, 0xca, 0xe1};
    private static final int[] HIGH = {0xfd, 0xae, 0x6b};

    private DotExport() {
    }

    /** The DOT text of {@code tree}, with {@code header} lines as the graph's label. */
    public static String dot(DecisionTree tree, List<String> header) {
        StringBuilder b = new StringBuilder();
        b.append("digraph tree {\n");
        b.append("  graph [label=").append(quote(String.join("\n", header))).append(", labelloc=\"t\", labeljust=\"l\","
                + " fontname=\"Helvetica\", fontsize=11];\n");
        b.append("  node [fontname=\"Helvetica\", fontsize=10, style=\"filled\"];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        node(tree, tree.root(), new int[] {0}, b);
        b.append("}\n");
        return b.toString();
    }

    private static int node(DecisionTree tree, TreeNode n, int[] next, StringBuilder b) {
        int id = next[0]++;
        String counts = counts(tree, n);
        if (n instanceof TreeNode.Split s) {
            b.append("  n").append(id).append(" [shape=ellipse, label=").append(quote(s.featureName() + "\n" + counts))
                    .append(", fillcolor=\"").append(colour(n.majority(), tree.classNames().size())).append("\"];\n");
            int below = node(tree, s.below(), next, b);
            int above = node(tree, s.above(), next, b);
            b.append("  n").append(id).append(" -> n").append(below).append(" [label=")
                    .append(quote("<= " + TreeText.num(s.threshold()))).append("];\n");
            b.append("  n").append(id).append(" -> n").append(above).append(" [label=")
                    .append(quote("> " + TreeText.num(s.threshold()))).append("];\n");
        } else {
            TreeNode.Leaf leaf = (TreeNode.Leaf) n;
            b.append("  n").append(id).append(" [shape=box, label=")
                    .append(quote(tree.classNames().get(leaf.predicted()) + " (" + TreeText.count(leaf.total()) + "/"
                            + TreeText.count(leaf.errors()) + ")\n" + counts))
                    .append(", fillcolor=\"").append(colour(leaf.predicted(), tree.classNames().size())).append("\"];\n");
        }
        return id;
    }

    private static String counts(DecisionTree tree, TreeNode n) {
        double[] c = n.counts();
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < c.length; k++) {
            if (k > 0) {
                s.append(" / ");
            }
            s.append(tree.classNames().get(k)).append(' ').append(TreeText.count(c[k]));
        }
        return s.toString();
    }

    /** The fill of class {@code k} of {@code classes} as {@code #rrggbb} (viewers colour by class the same way). */
    public static String colour(int k, int classes) {
        if (classes == THREE.length) {
            return THREE[k];
        }
        double f = classes == 1 ? 0 : (double) k / (classes - 1);
        StringBuilder s = new StringBuilder("#");
        for (int c = 0; c < 3; c++) {
            s.append(String.format(java.util.Locale.ROOT, "%02x", (int) Math.round(LOW[c] + f * (HIGH[c] - LOW[c]))));
        }
        return s.toString();
    }

    /** A DOT quoted string: backslashes and quotes escaped, line breaks as {@code \n}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    /** Writes {@code tree.dot}. */
    public static void write(TreeResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(dot(r.tree(), TreeText.header(r)));
        w.flush();
    }
}
