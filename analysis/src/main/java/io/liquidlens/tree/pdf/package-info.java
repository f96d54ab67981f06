/**
 * Drawings of a tree result made by LiquidLens itself with Java2D: {@code tree.pdf} (the tree laid out tidily, one
 * tree per page, with its caption; the minimum-leaf sweep as a chart on a second page) with the DejaVu Sans fonts
 * embedded, so the text stays text, and {@code sweep.svg}. Each drawing is a {@link io.liquidlens.drawing.Painter};
 * {@code io.liquidlens.drawing} turns it into a PDF page or SVG, so this package itself uses neither PDFBox nor
 * JFreeSVG.
 *
 * <p>Depends on {@code io.liquidlens.tree}, {@code io.liquidlens.drawing},
 * {@code io.liquidlens.provenance} (a tree's provenance printed on its page), {@code io.liquidlens.stats} (the
 * sweep's fidelity intervals, drawn as bars) and {@code java.awt}.
 */
package io.liquidlens.tree.pdf;
