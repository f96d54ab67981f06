package io.liquidlens.dynamics.service;

import io.liquidlens.dynamics.Correlation;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.NeuronDynamics;
import io.liquidlens.dynamics.Pca;
import io.liquidlens.dynamics.Sensitivity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dynamics.csv}: every number of {@code dynamics.json} as a tidy table, one row per number:
 * {@code model,neuron,quantity,value}. A model's own numbers (PCA's shares, the sensitivity, the median L_max) have
 * an empty neuron; a component k is counted from 1 ({@code pca.explained_variance_ratio.1} is PC1's share); a group
 * of seeds gets its own rows (model = the group's name, {@code group.pc1_share.mean} etc.). UTF-8,
 * LF line ends, fields quoted as RFC 4180 says; numbers as {@link Double#toString} (they read back exactly), NaN
 * as an empty field.
 */
final class DynamicsCsv {
    static final String HEADER = "model,neuron,quantity,value";

    private DynamicsCsv() {
    }

    /** One row. */
    record Row(String model, String neuron, String quantity, double value) {
    }

    /** Writes {@code run}'s rows to {@code out} (flushed, left open). */
    static void write(DynamicsRun run, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER + "\n");
        for (Row r : rows(run)) {
            w.write(String.join(",", field(r.model()), field(r.neuron()), field(r.quantity()),
                    Double.isNaN(r.value()) ? "" : Double.toString(r.value())));
            w.write('\n');
        }
        w.flush();
    }

    /** The rows, model by model: the model's own numbers, then each neuron's. */
    static List<Row> rows(DynamicsRun run) {
        List<Row> rows = new ArrayList<>();
        for (ModelDynamics m : run.models()) {
            DynamicsResult r = m.result();
            String model = m.label();
            Pca pca = r.pca();
            rows.add(new Row(model, "", "pca.pc1_share", pca.pc1Share()));
            rows.add(new Row(model, "", "pca.motor_included", m.motorIncluded() ? 1 : 0));
            rows.add(new Row(model, "", "pca.samples", pca.samples()));
            double[] ratio = pca.explainedVarianceRatio();
            double[] variance = pca.explainedVariance();
            for (int k = 0; k < ratio.length; k++) {
                rows.add(new Row(model, "", "pca.explained_variance_ratio." + (k + 1), ratio[k]));
            }
            for (int k = 0; k < variance.length; k++) {
                rows.add(new Row(model, "", "pca.explained_variance." + (k + 1), variance[k]));
            }
            Sensitivity s = r.sensitivity();
            rows.add(new Row(model, "", "sensitivity.noise", s.noise()));
            rows.add(new Row(model, "", "sensitivity.trials", s.trials()));
            rows.add(new Row(model, "", "sensitivity.seed", s.seed()));
            rows.add(new Row(model, "", "sensitivity.max", s.max()));
            rows.add(new Row(model, "", "sensitivity.median", s.median()));
            rows.add(new Row(model, "", "median_lmax", m.medianLmax()));
            int[] columns = pca.neurons();
            double[] mean = pca.mean();
            double[][] components = pca.components();
            for (NeuronDynamics n : r.neurons()) {
                neuron(rows, model, n);
                int c = indexOf(columns, n.neuron());
                if (c >= 0) {
                    rows.add(new Row(model, n.name(), "pca.mean", mean[c]));
                    for (int k = 0; k < components.length; k++) {
                        rows.add(new Row(model, n.name(), "pca.components." + (k + 1), components[k][c]));
                    }
                }
            }
        }
        for (GroupSummary g : run.groups()) {
            group(rows, g.name(), "pc1_share", g.pc1Share());
            group(rows, g.name(), "median_lmax", g.medianLmax());
        }
        return rows;
    }

    /** A group's rows: the mean, smallest and largest over its members, named {@code group.QUANTITY.mean} etc. */
    private static void group(List<Row> rows, String name, String quantity, double[] values) {
        double[] m = GroupSummary.meanMinMax(values);
        rows.add(new Row(name, "", "group." + quantity + ".mean", m[0]));
        rows.add(new Row(name, "", "group." + quantity + ".min", m[1]));
        rows.add(new Row(name, "", "group." + quantity + ".max", m[2]));
    }

    private static void neuron(List<Row> rows, String model, NeuronDynamics n) {
        String name = n.name();
        rows.add(new Row(model, name, "corr_output.pearson", n.corrOutput().pearson()));
        rows.add(new Row(model, name, "corr_output.spearman", n.corrOutput().spearman()));
        for (Map.Entry<String, Correlation> w : n.corrWorld().entrySet()) {
            rows.add(new Row(model, name, "corr_world." + w.getKey() + ".pearson", w.getValue().pearson()));
            rows.add(new Row(model, name, "corr_world." + w.getKey() + ".spearman", w.getValue().spearman()));
        }
        rows.add(new Row(model, name, "lmax", n.lmax()));
        rows.add(new Row(model, name, "tau_p10", n.tauP10()));
        rows.add(new Row(model, name, "tau_median", n.tauMedian()));
        rows.add(new Row(model, name, "tau_p90", n.tauP90()));
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
