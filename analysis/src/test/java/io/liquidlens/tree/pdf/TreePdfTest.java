package io.liquidlens.tree.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.provenance.Provenance;
import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.SyntheticData;
import io.liquidlens.tree.TreeArtifact;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeDataset;
import io.liquidlens.tree.TreeExtraction;
import io.liquidlens.tree.TreeNode;
import io.liquidlens.tree.TreeOptions;
import io.liquidlens.tree.TreeProgress;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.weka.J48Learner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** tree.pdf and sweep.svg from a real J48 tree, read back with PDFBox: text, pages, fonts. No golden files. */
class TreePdfTest {
    /** A leaf's title as drawn: its class and J48's (rows/errors). */
    private static final Pattern LEAF = Pattern.compile("(right|straight|left) \\(\\d+/\\d+\\)");
    /** A node's counts line. */
    private static final Pattern COUNTS = Pattern.compile("right \\d+ / straight \\d+ / left \\d+");

    private static TreeResult plain;
    private static TreeResult swept;

    @BeforeAll
    static void extract() {
        TreeDataset data = diagonal(8, 300);
        TreeOptions o = TreeOptions.defaults();
        TreeOptions bushy = new TreeOptions(o.features(), o.label(), J48Options.defaults().withMinLeaf(5), 0.25, 4,
                1, List.of());
        TreeOptions sweep = new TreeOptions(o.features(), o.label(), bushy.j48(), 0.25, 4, 1, List.of(2, 5, 20, 100));
        Provenance p = Provenance.of("liquidlens tree").option("seed", 1).build();
        plain = new TreeExtraction(new J48Learner()).run(data, bushy, p, TreeProgress.NONE);
        swept = new TreeExtraction(new J48Learner()).run(data, sweep, p, TreeProgress.NONE);
        assertThat(plain.tree().leaves()).as("a tree worth drawing").isGreaterThan(5);
    }

    /**
     * Two features on a grid in [-1, 1] and a class that changes along the diagonal (bands of f0 + f1), which
     * axis-parallel splits can only follow as a staircase: a tree of many leaves, as a real controller gives.
     */
    static TreeDataset diagonal(int episodes, int steps) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        int n = episodes * steps;
        double[] v = new double[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = (rng.nextInt(41) - 20) * 0.05;
            v[2 * i + 1] = (rng.nextInt(41) - 20) * 0.05;
            double sum = v[2 * i] + v[2 * i + 1];
            labels[i] = sum < -0.4 ? 0 : sum <= 0.4 ? 1 : 2;
        }
        return SyntheticData.table(List.of("command 0 (id 1)", "command 1 (id 2)"), v, labels, episodes, steps);
    }

    private static byte[] pdf(TreeResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TreePdf.write(r, out);
        return out.toByteArray();
    }

    private static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> splitNeurons(DecisionTree tree) {
        List<String> out = new ArrayList<>();
        collect(tree.root(), out);
        return out;
    }

    private static void collect(TreeNode n, List<String> out) {
        if (n instanceof TreeNode.Split s) {
            out.add(s.featureName());
            collect(s.below(), out);
            collect(s.above(), out);
        }
    }

    @Test
    void theTreePageIsTextThatNamesEverySplitAndTheFidelity() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(plain))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = text(doc, 1);
            assertThat(text).contains(splitNeurons(plain.tree()));
            assertThat(text).contains(String.format(Locale.ROOT, "fidelity %.4f", plain.fidelity()))
                    .contains(plain.tree().leaves() + " leaves, size " + plain.tree().size())
                    .contains("J48 min leaf 5, confidence 0.25").contains("right: v <= -0.5");
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("liquidlens.provenance"))
                    .contains("\"seed\":\"1\"");
        }
    }

    @Test
    void everyNodeIsDrawn() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(plain))) {
            String text = text(doc, 1);
            assertThat(count(LEAF, text)).as("leaf titles").isEqualTo(plain.tree().leaves());
            assertThat(count(COUNTS, text)).as("counts lines, one per node").isEqualTo(plain.tree().size());
            int splits = plain.tree().size() - plain.tree().leaves();
            Pattern edge = Pattern.compile("(<=|>) -?\\d");
            // the caption and the legend state the class ranges with the same signs
            String words = String.join("\n", TreeCaption.lines(plain)) + "\n"
                    + String.join("\n", plain.data().bins().ranges());
            assertThat(count(edge, text)).as("edge labels").isEqualTo(2 * splits + count(edge, words));
        }
    }

    @Test
    void theTextIsInTheEmbeddedDejaVuFontsNotOutlines() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(plain))) {
            List<String> fonts = new ArrayList<>();
            PDPage page = doc.getPage(0);
            for (COSName x : page.getResources().getXObjectNames()) {
                PDXObject form = page.getResources().getXObject(x);
                if (form instanceof PDFormXObject f) {
                    for (COSName n : f.getResources().getFontNames()) {
                        PDFont font = f.getResources().getFont(n);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        fonts.add(font.getName());
                    }
                }
            }
            assertThat(fonts).anyMatch(n -> n.endsWith("DejaVuSans")).anyMatch(n -> n.endsWith("DejaVuSans-Bold"));
        }
    }

    @Test
    void aSweepAddsItsChartAsASecondPageAndAsSvg() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf(swept))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String chart = text(doc, 2);
            assertThat(chart).contains("Minimum-leaf sweep", "85 %", "held-out fidelity", "training fidelity");
            for (int m : List.of(2, 5, 20, 100)) {
                assertThat(chart).contains("m=" + m);
            }
        }
        List<TreeArtifact> artifacts = TreePdf.artifacts(true);
        assertThat(artifacts).extracting(TreeArtifact::fileName).containsExactly("tree.pdf", "sweep.svg");
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        artifacts.get(1).write(swept, svg);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.toByteArray()));
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(svg.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("m=100", "85 %");
        assertThat(TreePdf.artifacts(false)).extracting(TreeArtifact::fileName).containsExactly("tree.pdf");
    }
}
