package io.liquidlens.tree;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree as logic rules, one per root-to-leaf path, e.g.
 * {@code command 2 (id 3) <= 0.31 and command 5 (id 6) > -0.12 -> left (412/9)}: the leaf's class, then the training
 * steps that reach it and how many of them are of another class (as J48 prints them). Header lines start with
 * {@code #}.
 */
public final class RuleExport {
    private RuleExport() {
    }

    /** The rules of {@code tree}, in the order the leaves appear (below before above). */
    public static List<String> rules(DecisionTree tree) {
        List<String> out = new ArrayList<>();
        walk(tree, tree.root(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(DecisionTree tree, TreeNode n, List<String> conditions, List<String> out) {
        if (n instanceof TreeNode.Split s) {
            conditions.add(s.featureName() + " <= " + TreeText.num(s.threshold()));
            walk(tree, s.below(), conditions, out);
            conditions.set(conditions.size() - 1, s.featureName() + " > " + TreeText.num(s.threshold()));
            walk(tree, s.above(), conditions, out);
            conditions.remove(conditions.size() - 1);
            return;
        }
        TreeNode.Leaf leaf = (TreeNode.Leaf) n;
        String when = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        out.add(when + " -> " + tree.classNames().get(leaf.predicted()) + " (" + TreeText.count(leaf.total()) + "/"
                + TreeText.count(leaf.errors()) + ")");
    }

    /** Writes {@code rules.txt}. */
    public static void write(TreeResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String h : TreeText.header(r)) {
            w.write("# " + h + "\n");
        }
        w.write("# each line: conditions -> class (training steps reaching the leaf/of them not of that class)\n");
        for (String rule : rules(r.tree())) {
            w.write(rule + "\n");
        }
        w.flush();
    }
}
