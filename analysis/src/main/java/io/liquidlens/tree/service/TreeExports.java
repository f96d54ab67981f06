package io.liquidlens.tree.service;

import io.liquidlens.io.AtomicFiles;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.tree.DotExport;
import io.liquidlens.tree.NeuronExports;
import io.liquidlens.tree.NeuronLevelResult;
import io.liquidlens.tree.RuleExport;
import io.liquidlens.tree.TreeArtifact;
import io.liquidlens.tree.TreeJson;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.pdf.TreePdf;
import io.liquidlens.tree.weka.ArffExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a tree analysis, for every caller: the output folders of {@code liquidlens tree} and the single
 * files the workbench saves. The writers live beside their formats ({@code tree}: DOT, rules and JSON;
 * {@code tree.pdf}: the drawings; {@code tree.weka}: ARFF); this is the one place that says which file is which.
 */
public final class TreeExports {
    /** {@code tree.dot}: the tree for Graphviz. */
    public static final TreeArtifact DOT = TreeArtifact.of("tree.dot", DotExport::write);

    /** {@code tree.pdf}: the tree drawn with its caption of how it was made (and the sweep chart, if any). */
    public static final TreeArtifact PDF = TreePdf.PDF;

    private TreeExports() {
    }

    /**
     * The policy level's files, in the order they are written: tree.dot, rules.txt, tree.json, tree.pdf and
     * data.arff, with a sweep also sweep.csv and sweep.svg.
     *
     * @param relation the ARFF relation's name (Weka's Explorer shows it)
     */
    public static List<TreeArtifact> policyFiles(boolean sweep, String relation) {
        List<TreeArtifact> files = new ArrayList<>(List.of(DOT, TreeArtifact.of("rules.txt", RuleExport::write),
                TreeArtifact.of("tree.json", TreeJson::write)));
        if (sweep) {
            files.add(TreeArtifact.of("sweep.csv", TreeJson::writeSweepCsv));
        }
        files.addAll(TreePdf.artifacts(sweep));
        files.add(TreeArtifact.of("data.arff", (r, o) -> ArffExport.write(r.data(), relation, o)));
        return files;
    }

    /**
     * Writes the policy level's folder ({@link #policyFiles}); {@code out} is replaced only once every file is
     * written.
     *
     * @param command   what writes it (e.g. {@code liquidlens tree}), named in errors and, with the model's name, in
     *                  the ARFF relation
     * @param modelName the model's name (its model.json's {@code name})
     */
    public static void writePolicyFolder(Path out, String command, TreeResult result, String modelName) {
        List<TreeArtifact> files = policyFiles(!result.options().sweep().isEmpty(), command + ": " + modelName);
        AtomicFolders.write(out, command, dir -> {
            for (TreeArtifact a : files) {
                AtomicFiles.write(dir.resolve(a.fileName()), o -> a.write(result, o));
            }
        });
    }

    /**
     * Writes the neuron level's folder: neurons.json, neuron-rules.txt, neurons/LABEL.dot per neuron and
     * neurons.pdf (a page per neuron); {@code out} is replaced only once every file is written.
     *
     * @param command what writes it (e.g. {@code liquidlens tree --level neuron}), named in errors
     */
    public static void writeNeuronFolder(Path out, String command, NeuronLevelResult result) {
        Map<String, NeuronExports.Body> files = new LinkedHashMap<>(NeuronExports.files(result));
        files.put("neurons.pdf", o -> TreePdf.writeNeurons(result, o));
        AtomicFolders.write(out, command, dir -> {
            Files.createDirectories(dir.resolve("neurons"));
            for (Map.Entry<String, NeuronExports.Body> f : files.entrySet()) {
                AtomicFiles.write(dir.resolve(f.getKey()), o -> f.getValue().write(o));
            }
        });
    }
}
