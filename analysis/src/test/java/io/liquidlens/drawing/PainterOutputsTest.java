package io.liquidlens.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** One painter, two outputs: the same text and size in the SVG element and on the PDF page. */
class PainterOutputsTest {
    private static final String TEXT = "a,b \"c\" <d> & e";

    private static final Painter PAINTER = new Painter() {
        @Override
        public double width() {
            return 200;
        }

        @Override
        public double height() {
            return 80;
        }

        @Override
        public void paint(Graphics2D g) {
            g.setColor(Color.ORANGE);
            g.fill(new Rectangle2D.Double(10, 10, 50, 20));
            g.setColor(Color.BLACK);
            g.setFont(Fonts.plain(10));
            g.drawString(TEXT, 10f, 50f);
        }
    };

    @Test
    void theSvgElementIsWellFormedXmlHoldingTheEscapedText() throws Exception {
        String svg = Svg.element(PAINTER, "x-");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("id")).isEqualTo("x-svg");
        assertThat(doc.getDocumentElement().getTextContent()).contains(TEXT);
        assertThat(Svg.document(PAINTER)).startsWith("<?xml").doesNotContain("<!DOCTYPE");
    }

    @Test
    void thePdfPageHasThePaintersSizeAndRealText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument()) {
            pdf.page(PAINTER);
            pdf.page(PAINTER);
            pdf.describe("title", "subject", "test", java.util.Map.of("k", "v"));
            pdf.save(out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(200f);
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(80f);
            assertThat(new PDFTextStripper().getText(doc)).contains(TEXT);
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("k")).isEqualTo("v");
        }
    }
}
