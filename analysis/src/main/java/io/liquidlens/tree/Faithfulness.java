package io.liquidlens.tree;

/**
 * How well a tree agrees with the labels it explains on some rows.
 *
 * @param confusion [label][tree's class]: rows of class {@code label} the tree put in each class
 * @param agree     rows where the tree gives the label
 * @param total     rows compared
 */
public record Faithfulness(int[][] confusion, int agree, int total) {

    /** Copies. */
    public Faithfulness {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        confusion = c;
    }

    @Override
    public int[][] confusion() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** Share of rows where the tree agrees, in [0, 1] (NaN for no rows). */
    public double fidelity() {
        return total == 0 ? Double.NaN : (double) agree / total;
    }

    /** The tree's agreement with {@code data}'s labels on {@code rows}. */
    public static Faithfulness of(DecisionTree tree, TreeDataset data, int[] rows) {
        int k = data.classNames().size();
        int[][] c = new int[k][k];
        int agree = 0;
        for (int r : rows) {
            int got = tree.classify(data.row(r));
            int want = data.labels()[r];
            c[want][got]++;
            if (got == want) {
                agree++;
            }
        }
        return new Faithfulness(c, agree, rows.length);
    }

    /** Sums several (e.g. the folds of a cross-validation). */
    public static Faithfulness pooled(java.util.List<Faithfulness> parts, int classes) {
        int[][] c = new int[classes][classes];
        int agree = 0;
        int total = 0;
        for (Faithfulness f : parts) {
            for (int i = 0; i < classes; i++) {
                for (int j = 0; j < classes; j++) {
                    c[i][j] += f.confusion[i][j];
                }
            }
            agree += f.agree;
            total += f.total;
        }
        return new Faithfulness(c, agree, total);
    }
}
