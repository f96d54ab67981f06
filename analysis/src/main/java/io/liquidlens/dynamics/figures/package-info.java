/**
 * The figures of a dynamics result, drawn by LiquidLens itself with Java2D: the scree, the PC1-PC2 trajectory,
 * the drive coloured by PC1 or a neuron, each neuron against the output by steering class, L_max sorted on a log
 * scale, the time constants, and several models compared. Each figure is a {@link io.liquidlens.drawing.Painter},
 * so {@code io.liquidlens.drawing} makes both its SVG file and its page of {@code dynamics.pdf} from one drawing.
 *
 * <p>Depends on {@code io.liquidlens.dynamics}, {@code io.liquidlens.sim} (the activity each result carries),
 * {@code io.liquidlens.drawing}, {@code io.liquidlens.provenance} (printed on the last page) and {@code java.awt}.
 */
package io.liquidlens.dynamics.figures;
