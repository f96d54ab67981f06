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
 * {@code command 0 (id 1) > 0.105 and -0.52 < command 1 (id 2) <= -0.44 -> left (412/9)}: each feature the path
 * tests once, with its tightest bounds ({@link TreeRule}), then the leaf's class, the training steps that reach it
 * and how many of them are of another class (as J48 prints them). Header lines start with {@code #}.
 */
public final class RuleExport {
    private RuleExport() {
    }

    /** The rules of {@code tree}, in the order the leaves appear (below before above). */
    public static List<String> rules(DecisionTree tree) {
        List<String> out = new ArrayList<>();
        for (TreeRule rule : TreeRule.of(tree)) {
            out.add(rule.text(tree.featureNames(), tree.classNames()));
        }
        return out;
    }

    /** Writes {@code rules.txt}. */
    public static void write(TreeResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String h : TreeText.header(r)) {
            w.write("# " + h + "\n");
        }
        w.write("# each line: conditions -> class (training steps reaching the leaf/of them not of that class);"
                + " a bound a < x <= b: the tree sends x <= threshold below, x > threshold above\n");
        for (String rule : rules(r.tree())) {
            w.write(rule + "\n");
        }
        w.flush();
    }
}
