package io.liquidlens.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PdfDocumentTest {

    private static byte[] made(String provenance) throws IOException {
        try (PdfDocument doc = new PdfDocument()) {
            doc.page(new Painter() {
                @Override
                public double width() {
                    return 200;
                }

                @Override
                public double height() {
                    return 100;
                }

                @Override
                public void paint(Graphics2D g) {
                    g.setColor(Color.BLUE);
                    g.fillRect(10, 10, 50, 50);
                    g.setFont(Fonts.plain(10));
                    g.drawString("crashes", 70, 40);
                }
            });
            doc.describe("A report", "what it says", "LiquidLens test", Map.of("liquidlens.provenance", provenance));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void theSameDocumentMadeTwiceIsTheSameBytes() throws Exception {
        byte[] first = made("{\"seed\":0}");
        Thread.sleep(5);
        assertThat(made("{\"seed\":0}")).isEqualTo(first);
    }

    @Test
    void documentsOfOtherProvenanceGetOtherIdentifiers() throws IOException {
        String a = new String(made("{\"seed\":0}"), java.nio.charset.StandardCharsets.ISO_8859_1);
        String b = new String(made("{\"seed\":1}"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(idOf(a)).isNotEqualTo(idOf(b));
    }

    private static String idOf(String pdf) {
        int at = pdf.lastIndexOf("/ID [<");
        assertThat(at).as("the trailer names an identifier").isPositive();
        return pdf.substring(at, pdf.indexOf(']', at));
    }
}
