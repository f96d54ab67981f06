package io.liquidlens.tree.weka;

import io.liquidlens.tree.TreeDataset;
import java.util.ArrayList;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Our training table as Weka {@link Instances}: one numeric attribute per feature, then the nominal class. */
final class WekaTables {
    private WekaTables() {
    }

    static Instances of(TreeDataset data, int[] rows, String relation) {
        WekaSetup.ensure();
        ArrayList<Attribute> atts = new ArrayList<>();
        for (String f : data.featureNames()) {
            atts.add(new Attribute(f));
        }
        atts.add(new Attribute("class", new ArrayList<>(data.classNames())));
        Instances inst = new Instances(relation, atts, rows.length);
        inst.setClassIndex(atts.size() - 1);
        int w = data.features();
        for (int r : rows) {
            double[] v = new double[w + 1];
            for (int f = 0; f < w; f++) {
                v[f] = data.value(r, f);
            }
            v[w] = data.labels()[r];
            inst.add(new DenseInstance(1.0, v));
        }
        return inst;
    }

    static int[] all(TreeDataset data) {
        int[] rows = new int[data.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
