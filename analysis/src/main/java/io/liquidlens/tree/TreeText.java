package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How numbers and headers appear in the text exports (DOT, rules). */
final class TreeText {
    private TreeText() {
    }

    /** A threshold or value with 6 significant digits, without trailing zeros. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return strip(p[0]) + "e" + p[1];
        }
        return strip(s);
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A count (weights are whole numbers here, but J48 keeps them as doubles). */
    static String count(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.format(Locale.ROOT, "%.2f", c);
    }

    /** The header lines: what the tree explains, its classes and how faithful it is. */
    static List<String> header(TreeResult r) {
        List<String> out = new ArrayList<>();
        out.add("decision tree (J48) over " + r.data().features() + " features, " + r.data().rows() + " steps of "
                + r.data().episodeInfo().size() + " episode(s)");
        out.add("classes: " + String.join("; ", r.data().bins().ranges()));
        out.add("classes chosen as: " + r.data().bins().rule());
        out.add(String.format(Locale.ROOT, "fidelity %.4f on held-out %s (%d steps); cross-validated %.4f (%d folds);"
                        + " %d leaves, size %d, depth %d", r.fidelity(), r.split().byBlocks() ? "blocks" : "episodes",
                r.heldOut().total(), r.crossValidated().fidelity(), r.split().folds(), r.tree().leaves(),
                r.tree().size(), r.tree().depth()));
        return out;
    }
}
