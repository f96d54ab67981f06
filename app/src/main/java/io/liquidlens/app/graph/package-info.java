/**
 * The wiring graph view: a loaded model's neurons and synapses laid out as the NCP paper draws them (inputs, inter,
 * command, motor, left to right), drawn with GraphStream's JavaFX viewer and animated from the workspace's activity at
 * the time cursor. {@link io.liquidlens.app.graph.WiringLayout} is the geometry and the names, {@link
 * io.liquidlens.app.graph.WiringGraph} the one place that speaks GraphStream's {@code ui.*} attributes and CSS classes,
 * {@link io.liquidlens.app.graph.GraphPainter} puts it on screen: {@link io.liquidlens.app.graph.SynapseLayer} draws
 * the synapses ({@link io.liquidlens.app.graph.SynapseRaster}) and the vertices ({@link
 * io.liquidlens.app.graph.VertexSprites}), {@link io.liquidlens.app.graph.VertexLabels} places the labels beside them.
 * {@link io.liquidlens.app.graph.WiringGraphView} is the JavaFX node that ties the parts together: {@link
 * io.liquidlens.app.graph.ActivityLevels} (levels at the cursor, scales in the background), {@link
 * io.liquidlens.app.graph.VertexHover} (hit test and hover text), {@link io.liquidlens.app.graph.GraphSelection} (click
 * to select, outlines), {@link io.liquidlens.app.graph.NeuronContextMenu} with its {@link
 * io.liquidlens.app.graph.ClampDialog}, {@link io.liquidlens.app.graph.ClampMarks}, {@link
 * io.liquidlens.app.graph.GraphLegend} and {@link io.liquidlens.app.graph.GraphExports} (PNG, SVG). {@link
 * io.liquidlens.app.graph.FrameProbe} measures frame intervals by hand. Depends on {@code app.workspace}, {@code
 * app.task} and {@code app.export} and, of {@code analysis}, {@code io}, {@code model}, {@code sim}, {@code spec}
 * (a baseline's layers) and {@code wiring}; no numerics of its own beyond mapping values to colours and widths.
 */
package io.liquidlens.app.graph;
