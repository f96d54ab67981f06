package io.liquidlens.drawing;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of the drawings: DejaVu Sans and DejaVu Sans Bold, shipped as resources (licence beside them), so text
 * is measured with exactly the glyphs that get embedded, whatever fonts the machine has.
 */
public final class Fonts {
    /** The resource names, relative to this class. */
    static final String PLAIN_TTF = "DejaVuSans.ttf";
    static final String BOLD_TTF = "DejaVuSans-Bold.ttf";

    /** Measures text as it will be drawn: no transform, anti-aliased, fractional metrics. */
    public static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private static final Font PLAIN = load(PLAIN_TTF);
    private static final Font BOLD = load(BOLD_TTF);

    private Fonts() {
    }

    /** DejaVu Sans at {@code size} points. */
    public static Font plain(float size) {
        return PLAIN.deriveFont(size);
    }

    /** DejaVu Sans Bold at {@code size} points. */
    public static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** The width of {@code text} in {@code font}, in points. */
    public static double width(Font font, String text) {
        return font.getStringBounds(text, MEASURE).getWidth();
    }

    /** A font resource's bytes as a stream (the caller closes it). */
    /** {@code text}, shortened with an ellipsis when wider than {@code width} points in {@code font}. */
    public static String fitted(Font font, String text, double width) {
        if (width(font, text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && width(font, t + "\u2026") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }

    static InputStream open(String ttf) {
        InputStream in = Fonts.class.getResourceAsStream(ttf);
        if (in == null) {
            throw new IllegalStateException("font resource " + ttf + " is missing from the build");
        }
        return in;
    }

    private static Font load(String ttf) {
        try (InputStream in = open(ttf)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("font resource " + ttf, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font resource " + ttf + " is not a TrueType font", e);
        }
    }
}
