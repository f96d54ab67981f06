/**
 * Drawings of a tree result made by LiquidLens itself with Java2D: {@code tree.pdf} (the tree laid out tidily, one
 * tree per page, with its caption; the minimum-leaf sweep as a chart on a second page) through PDFBox with the
 * DejaVu Sans fonts embedded, so the text stays text, and {@code sweep.svg} through JFreeSVG. The only package that
 * uses PDFBox or JFreeSVG.
 *
 * <p>Depends on {@code io.liquidlens.tree}, {@code java.awt}, {@code org.apache.pdfbox}, {@code de.rototor.pdfbox}
 * and {@code org.jfree.svg}.
 */
package io.liquidlens.tree.pdf;
