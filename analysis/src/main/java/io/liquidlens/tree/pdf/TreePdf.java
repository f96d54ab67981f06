package io.liquidlens.tree.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.tree.NeuronExports;
import io.liquidlens.tree.NeuronLevelResult;
import io.liquidlens.tree.NeuronTree;
import io.liquidlens.tree.TreeArtifact;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeResult;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * {@code tree.pdf}: the tree on page 1 (vector, real text in embedded DejaVu Sans, the page as large as the tree
 * needs) and, when the result has a sweep, the sweep chart on page 2. The provenance goes into the document's
 * information ({@code liquidlens.provenance}).
 */
public final class TreePdf {
    /** PDF viewers (Acrobat) refuse pages over 200 inches; larger drawings are scaled down to this. */
    static final float MAX_PAGE = 14_400;

    private TreePdf() {
    }

    /** {@code tree.pdf}, and {@code sweep.svg} when {@code sweep} is true: the drawings this package makes. */
    public static List<TreeArtifact> artifacts(boolean sweep) {
        List<TreeArtifact> a = new ArrayList<>();
        a.add(TreeArtifact.of("tree.pdf", TreePdf::write));
        if (sweep) {
            a.add(TreeArtifact.of("sweep.svg", SweepSvg::write));
        }
        return a;
    }

    /** Writes the PDF of {@code r}. */
    public static void write(TreeResult r, OutputStream out) throws IOException {
        PdfSetup.ensure();
        try (PDDocument doc = new PDDocument()) {
            PdfBoxGraphics2DFontTextDrawer fonts = fonts(doc);
            List<String> caption = TreeCaption.lines(r);
            TreeDrawing tree = new TreeDrawing(r.tree(), caption, r.data().bins());
            page(doc, fonts, (float) tree.width(), (float) tree.height(), tree::draw);
            if (!r.sweep().isEmpty()) {
                SweepChart chart = sweepChart(r);
                page(doc, fonts, (float) SweepChart.WIDTH, (float) SweepChart.HEIGHT, chart::draw);
            }
            describe(doc, "Decision tree: " + caption.get(0), caption, r.provenance());
            doc.save(out);
        }
        out.flush();
    }

    /**
     * Writes {@code neurons.pdf}: one page per neuron's tree (world columns to its response), each captioned with
     * how it was made (inputs, the neuron, its classes, fidelity, leaves, concentration).
     */
    public static void writeNeurons(NeuronLevelResult r, OutputStream out) throws IOException {
        PdfSetup.ensure();
        try (PDDocument doc = new PDDocument()) {
            PdfBoxGraphics2DFontTextDrawer fonts = fonts(doc);
            String inputs = TreeCaption.inputs(r.provenance());
            for (NeuronTree t : r.neurons()) {
                List<String> caption = new ArrayList<>();
                caption.add(inputs);
                caption.addAll(NeuronExports.header(r, t));
                TreeDrawing tree = new TreeDrawing(t.tree(), caption, t.bins());
                page(doc, fonts, (float) tree.width(), (float) tree.height(), tree::draw);
            }
            describe(doc, "Neuron-level decision trees: " + r.neurons().size() + " neurons", List.of(inputs),
                    r.provenance());
            doc.save(out);
        }
        out.flush();
    }

    private static PdfBoxGraphics2DFontTextDrawer fonts(PDDocument doc) throws IOException {
        PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
        register(doc, fonts, Fonts.PLAIN_TTF, Fonts.plain(10).getFontName());
        register(doc, fonts, Fonts.BOLD_TTF, Fonts.bold(10).getFontName());
        return fonts;
    }

    private static void describe(PDDocument doc, String title, List<String> subject, Provenance provenance) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(String.join("\n", subject));
        info.setCreator("LiquidLens " + provenance.version());
        info.setCustomMetadataValue("liquidlens.provenance", provenance.toJson().toString());
    }

    /** The sweep chart of {@code r} (tree.pdf's second page and sweep.svg). */
    static SweepChart sweepChart(TreeResult r) {
        return new SweepChart(r.sweep(), "Minimum-leaf sweep: fidelity against leaves", String.format(Locale.ROOT,
                "%d trees, one per minimum leaf size m; the tree drawn (tree.pdf): m = %d, %d leaves, held-out"
                        + " fidelity %.4f",
                r.sweep().size(), r.options().j48().minLeaf(), r.tree().leaves(), r.fidelity()));
    }

    /** Embeds a shipped font (subset) under the name Java2D gives it, so the drawer writes text, not outlines. */
    private static void register(PDDocument doc, PdfBoxGraphics2DFontTextDrawer fonts, String ttf, String awtName)
            throws IOException {
        try (InputStream in = Fonts.open(ttf)) {
            fonts.registerFont(awtName, PDType0Font.load(doc, in, true));
        }
    }

    /** A page of {@code w} x {@code h} points drawn by {@code draw}, scaled down when beyond {@link #MAX_PAGE}. */
    private static void page(PDDocument doc, PdfBoxGraphics2DFontTextDrawer fonts, float w, float h,
                             Consumer<Graphics2D> draw) throws IOException {
        float scale = Math.min(1f, MAX_PAGE / Math.max(w, h));
        PDPage page = new PDPage(new PDRectangle(w * scale, h * scale));
        doc.addPage(page);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
        g.setFontTextDrawer(fonts);
        try {
            draw.accept(g);
        } finally {
            g.dispose();
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            if (scale < 1f) {
                cs.transform(Matrix.getScaleInstance(scale, scale));
            }
            cs.drawForm(g.getXFormObject());
        }
    }
}
