package io.liquidlens.tree.pdf;

import io.liquidlens.drawing.PdfDocument;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.tree.NeuronExports;
import io.liquidlens.tree.NeuronLevelResult;
import io.liquidlens.tree.NeuronTree;
import io.liquidlens.tree.TreeArtifact;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tree.pdf}: the tree on page 1 (vector, real text in embedded DejaVu Sans, the page as large as the tree
 * needs) and, when the result has a sweep, the sweep chart on page 2. The provenance goes into the document's
 * information ({@code liquidlens.provenance}).
 */
public final class TreePdf {
    /** {@code tree.pdf}. */
    public static final TreeArtifact PDF = TreeArtifact.of("tree.pdf", TreePdf::write);

    private TreePdf() {
    }

    /** {@code tree.pdf}, and {@code sweep.svg} when {@code sweep} is true: the drawings this package makes. */
    public static List<TreeArtifact> artifacts(boolean sweep) {
        List<TreeArtifact> a = new ArrayList<>();
        a.add(PDF);
        if (sweep) {
            a.add(TreeArtifact.of("sweep.svg", SweepSvg::write));
        }
        return a;
    }

    /** Writes the PDF of {@code r}. */
    public static void write(TreeResult r, OutputStream out) throws IOException {
        try (PdfDocument doc = new PdfDocument()) {
            List<String> caption = TreeCaption.lines(r);
            doc.page(new TreeDrawing(r.tree(), caption, r.data().bins()));
            if (!r.sweep().isEmpty()) {
                doc.page(sweepChart(r));
            }
            describe(doc, "Decision tree: " + caption.get(0), caption, r.provenance());
            doc.save(out);
        }
    }

    /**
     * Writes {@code neurons.pdf}: one page per neuron's tree (world columns to its response), each captioned with
     * how it was made (inputs, the neuron, its classes, fidelity, leaves, concentration).
     */
    public static void writeNeurons(NeuronLevelResult r, OutputStream out) throws IOException {
        try (PdfDocument doc = new PdfDocument()) {
            String inputs = TreeCaption.inputs(r.provenance());
            for (NeuronTree t : r.neurons()) {
                List<String> caption = new ArrayList<>();
                caption.add(inputs);
                caption.addAll(NeuronExports.header(r, t));
                doc.page(new TreeDrawing(t.tree(), caption, t.bins()));
            }
            describe(doc, "Neuron-level decision trees: " + r.neurons().size() + " neurons", List.of(inputs),
                    r.provenance());
            doc.save(out);
        }
    }

    private static void describe(PdfDocument doc, String title, List<String> subject, Provenance provenance) {
        doc.describe(title, String.join("\n", subject), "LiquidLens " + provenance.version(),
                Map.of("liquidlens.provenance", provenance.toJson().toString()));
    }

    /** The sweep chart of {@code r} (tree.pdf's second page and sweep.svg). */
    static SweepChart sweepChart(TreeResult r) {
        return new SweepChart(r.sweep(), "Minimum-leaf sweep: fidelity against leaves", String.format(Locale.ROOT,
                "%d trees, one per minimum leaf size m; the tree drawn (tree.pdf)%s: m = %d, %d leaves, held-out %s",
                r.sweep().size(), r.chosen() ? ", the smallest within the best's 95% interval" : "", r.minLeaf(),
                r.tree().leaves(), TreeCaption.fidelity(r)));
    }
}
