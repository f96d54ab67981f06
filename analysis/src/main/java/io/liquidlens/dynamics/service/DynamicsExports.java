package io.liquidlens.dynamics.service;

import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.dynamics.figures.DynamicsFigures;
import io.liquidlens.dynamics.figures.NamedFigure;
import io.liquidlens.io.AtomicFiles;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.IOConsumer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a dynamics run: {@code dynamics.json}, {@code dynamics.csv}, {@code dynamics.pdf} and one SVG per
 * figure (with several models each model's figures are named {@code MODEL-NAME.svg}, and {@code comparison.svg}
 * compares them; with groups of seeds {@code groups.svg} compares the groups). The folder appears complete or not at all ({@link AtomicFolders}).
 */
public final class DynamicsExports {
    private DynamicsExports() {
    }

    /**
     * Writes the folder {@code out}, replacing it only once every file is written.
     *
     * @param command what writes it, recorded in the folder's marker (e.g. {@code liquidlens dynamics})
     */
    public static void write(Path out, String command, DynamicsRun run) {
        Map<String, IOConsumer<OutputStream>> files = files(run);
        AtomicFolders.write(out, command, dir -> {
            for (Map.Entry<String, IOConsumer<OutputStream>> f : files.entrySet()) {
                AtomicFiles.write(dir.resolve(f.getKey()), f.getValue());
            }
        });
    }

    /** The files by name, in the order written. */
    static Map<String, IOConsumer<OutputStream>> files(DynamicsRun run) {
        List<NamedFigure> figures = figures(run);
        Map<String, IOConsumer<OutputStream>> files = new LinkedHashMap<>();
        files.put("dynamics.json", o -> DynamicsJson.write(run, o));
        files.put("dynamics.csv", o -> DynamicsCsv.write(run, o));
        files.put("dynamics.pdf", o -> DynamicsFigures.writePdf(title(run), summary(run), figures, run.provenance(),
                o));
        for (NamedFigure f : figures) {
            files.put(f.name() + ".svg", o -> DynamicsFigures.writeSvg(f, o));
        }
        return files;
    }

    /** Every figure, model by model, then the comparison when there are several models. */
    static List<NamedFigure> figures(DynamicsRun run) {
        List<NamedFigure> out = new ArrayList<>();
        boolean several = run.models().size() > 1;
        java.util.Set<String> stems = new java.util.HashSet<>();
        for (ModelDynamics m : run.models()) {
            String stem = fileStem(m.label());
            for (int k = 2; !stems.add(stem); k++) {
                stem = fileStem(m.label()) + "-" + k;
            }
            for (NamedFigure f : DynamicsFigures.of(m.result(), m.mapNeuron(), m.mapTau())) {
                out.add(several ? f.renamed(stem + "-" + f.name()) : f);
            }
        }
        List<GroupSummary> groups = run.groups();
        if (!groups.isEmpty()) {
            out.add(DynamicsFigures.groupComparison(groups.stream().map(GroupSummary::name).toList(),
                    groups.stream().map(GroupSummary::pc1Share).toList(),
                    groups.stream().map(GroupSummary::medianLmax).toList()));
        }
        if (several) {
            out.add(DynamicsFigures.comparison(run.models().stream().map(ModelDynamics::label).toList(),
                    run.models().stream().mapToDouble(m -> m.result().pca().pc1Share()).toArray(),
                    run.models().stream().mapToDouble(ModelDynamics::medianLmax).toArray()));
        }
        return out;
    }

    /** A model's name as a file name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    static String fileStem(String label) {
        String s = label.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String title(DynamicsRun run) {
        return "Dynamics of " + String.join(", ", run.models().stream().map(ModelDynamics::label).toList());
    }

    /** The first page: what went in, then each model's headline numbers and notes. */
    static List<String> summary(DynamicsRun run) {
        List<String> lines = new ArrayList<>();
        int steps = run.rollouts().stream().mapToInt(r -> r.activity().steps()).sum();
        lines.add(String.format(Locale.ROOT, "%d rollout(s), %d steps in all: %s.", run.rollouts().size(), steps,
                String.join(", ", run.rollouts().stream().map(RolloutDynamics::label).toList())));
        lines.add(String.format(Locale.ROOT, "States: the model's own, simulated from the zero state over each"
                + " rollout's inputs. Sensitivity: %d noisy copies per rollout, noise %s of each input feature's"
                + " spread, seed %d. The map is coloured by %s.", run.options().noiseTrials(),
                Double.toString(run.options().noise()), run.options().seed(),
                run.mapColour().isPc1() ? "PC1" : run.mapColour().neuron()));
        for (ModelDynamics m : run.models()) {
            lines.add(headline(m));
            for (String note : m.result().notes()) {
                lines.add("Note (" + m.label() + "): " + note);
            }
        }
        run.groups().forEach(g -> lines.add(headline(g)));
        return lines;
    }

    /**
     * A model's headline: PC1's share with how many neurons and whether motor neurons were kept, the median L_max and
     * the sensitivity (also the command line's summary line).
     */
    public static String headline(ModelDynamics m) {
        var r = m.result();
        return String.format(Locale.ROOT, "%s (%s): PC1 explains %.1f%% of the variance of %d neurons (%s);"
                        + " median L_max %s; sensitivity max %s, median %s", m.label(), r.cell(),
                100 * r.pca().pc1Share(), r.pca().neurons().length,
                r.pcaColumns(), g(m.medianLmax()),
                g(r.sensitivity().max()), g(r.sensitivity().median()));
    }

    /** A group's line: its members' PC1 share and median L_max, mean and range. */
    public static String headline(GroupSummary g) {
        double[] share = GroupSummary.meanMinMax(g.pc1Share());
        double[] lmax = GroupSummary.meanMinMax(g.medianLmax());
        return String.format(Locale.ROOT, "group %s (%d model(s)): PC1 share mean %.1f%% (%.1f-%.1f%%); median L_max"
                + " mean %s (%s-%s)", g.name(), g.members().size(), 100 * share[0], 100 * share[1], 100 * share[2],
                g(lmax[0]), g(lmax[1]), g(lmax[2]));
    }

    private static String g(double v) {
        // %.4g would print an exact 0 as 0.000, which reads as a rounded small number
        return Double.isNaN(v) ? "n/a" : v == 0 ? "0" : String.format(Locale.ROOT, "%.4g", v);
    }
}
