/**
 * Figures drawn once with Java2D and written twice: a {@link io.liquidlens.drawing.Painter} paints onto any
 * {@code Graphics2D}, {@link io.liquidlens.drawing.Svg} renders it as an SVG element (JFreeSVG) and
 * {@link io.liquidlens.drawing.PdfDocument} as a PDF page (PDFBox with pdfbox-graphics2d), so an SVG figure and
 * its PDF page always show the same drawing. Text is DejaVu Sans ({@link io.liquidlens.drawing.Fonts}, shipped as
 * resources), measured with the glyphs that get embedded, so PDF text stays real, searchable text.
 *
 * <p>The only package that uses PDFBox or JFreeSVG. Depends on {@code java.awt}, {@code org.apache.pdfbox},
 * {@code de.rototor.pdfbox} and {@code org.jfree.svg}, and on nothing else of LiquidLens; used by
 * {@code tree.pdf} and {@code report}.
 */
package io.liquidlens.drawing;
