/**
 * Exports that never freeze the window: an {@link io.liquidlens.app.export.Export} takes on the JavaFX thread only what
 * must be read there (a snapshot of a node, a copy of a chart or of the graph as drawn at the cursor) and hands back
 * the encoding and writing, which the {@link io.liquidlens.app.export.Exporter} runs as a background task with progress
 * and cancel; {@link io.liquidlens.app.export.ExportFiles} writes images and text through the atomic writer so a
 * cancelled or failed export leaves the target as it was. Depends on {@code app.task} and, of {@code analysis}, {@code
 * io}; no controls.
 */
package io.liquidlens.app.export;
