package io.liquidlens.drawing;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/** A {@link Painter} rendered through JFreeSVG (images are embedded as base64 PNG data). */
public final class Svg {
    private Svg() {
    }

    /**
     * The {@code <svg>} element of {@code painter}, without XML declaration or DOCTYPE (JFreeSVG's DOCTYPE names an
     * external DTD that makes XML readers fetch it from w3.org), ready to be inlined in HTML or written as a file.
     *
     * @param painter the drawing
     * @return the element as text
     */
    public static String element(Painter painter) {
        return element(painter, "");
    }

    /**
     * The {@code <svg>} element of {@code painter} with its internal ids (clip paths, gradients) prefixed, so that
     * several drawings can be inlined in one HTML page without their ids colliding.
     *
     * @param painter  the drawing
     * @param idPrefix prepended to every id the element defines (letters, digits, {@code -} and {@code _})
     * @return the element as text
     */
    public static String element(Painter painter, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(painter.width(), painter.height(), SVGUnits.PT);
        g.setDefsKeyPrefix(idPrefix);
        painter.paint(g);
        return g.getSVGElement(idPrefix.isEmpty() ? null : idPrefix + "svg");
    }

    /**
     * A standalone SVG document of {@code painter}: XML declaration and element.
     *
     * @param painter the drawing
     * @return the document as text
     */
    public static String document(Painter painter) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(painter) + "\n";
    }
}
