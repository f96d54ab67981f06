package io.liquidlens.drawing;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF made of {@link Painter}s, one page each (vector, real text in subset-embedded DejaVu Sans). Close it after
 * saving.
 */
public final class PdfDocument implements AutoCloseable {
    /** PDF viewers (Acrobat) refuse pages over 200 inches; larger drawings are scaled down to this. */
    public static final float MAX_PAGE = 14_400;

    private final PDDocument doc;
    private final PdfBoxGraphics2DFontTextDrawer fonts;

    /**
     * An empty document with the fonts registered.
     *
     * @throws IOException when the shipped fonts cannot be embedded
     */
    public PdfDocument() throws IOException {
        PdfSetup.ensure();
        doc = new PDDocument();
        try {
            fonts = new PdfBoxGraphics2DFontTextDrawer();
            register(Fonts.PLAIN_TTF, Fonts.plain(10).getFontName());
            register(Fonts.BOLD_TTF, Fonts.bold(10).getFontName());
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
    }

    /**
     * Adds a page of the painter's size, scaled down when beyond {@link #MAX_PAGE}.
     *
     * @param painter the page's drawing
     * @throws IOException when the page cannot be written
     */
    public void page(Painter painter) throws IOException {
        float w = (float) painter.width();
        float h = (float) painter.height();
        float scale = Math.min(1f, MAX_PAGE / Math.max(w, h));
        PDPage page = new PDPage(new PDRectangle(w * scale, h * scale));
        doc.addPage(page);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
        g.setFontTextDrawer(fonts);
        try {
            painter.paint(g);
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

    /**
     * Sets the document information, and the file identifier from it: PDFBox would otherwise draw the identifier
     * from the clock, so that the same report made twice (or by another engine) differed in those bytes alone.
     * The information holds the provenance, so documents made from other inputs or options get other identifiers.
     *
     * @param title   the title
     * @param subject the subject
     * @param creator the creating program
     * @param custom  further entries (e.g. {@code liquidlens.provenance} with the provenance JSON)
     */
    public void describe(String title, String subject, String creator, Map<String, String> custom) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator(creator);
        custom.forEach(info::setCustomMetadataValue);
        byte[] id = identifier(title, subject, creator, custom);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().setDocumentID(ids);
    }

    /** The first 16 bytes of the SHA-256 of the information, entries in name order. */
    private static byte[] identifier(String title, String subject, String creator, Map<String, String> custom) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {title, subject, creator}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            new TreeMap<>(custom).forEach((k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Writes the document to {@code out} and flushes it.
     *
     * @param out the stream (left open)
     * @throws IOException when writing fails
     */
    public void save(OutputStream out) throws IOException {
        doc.save(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    /** Embeds a shipped font (subset) under the name Java2D gives it, so the drawer writes text, not outlines. */
    private void register(String ttf, String awtName) throws IOException {
        try (InputStream in = Fonts.open(ttf)) {
            fonts.registerFont(awtName, PDType0Font.load(doc, in, true));
        }
    }
}
