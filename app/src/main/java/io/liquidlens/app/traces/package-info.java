/**
 * The traces under the graph: the selected neurons' states and liquid time constants and the model's outputs against
 * the recorded actions, on one time axis with the workspace's cursor ({@link io.liquidlens.app.traces.TraceChartsView},
 * JFreeChart-FX). {@link io.liquidlens.app.traces.TraceDataset} reads the activity's arrays in place and draws a long
 * trace from its per-run extremes; {@link io.liquidlens.app.traces.CursorLine} is the cursor as an overlay, so moving
 * it repaints a strip, not the chart, and {@code HoverReadout} the step under the pointer with its values the same way;
 * {@code TraceStyles} the colour-blind-safe palette and the output / action / unclamped line styles; {@code
 * TimeWindow} the steps shown (zoom, pan, follow the cursor) and {@code TraceOverview} the whole recording in a strip
 * with that window framed; {@code TauChart} what the middle chart shows for the model's kind of time constant;
 * {@link io.liquidlens.app.traces.TraceTable} is what the CSV export writes.
 * Depends on {@code app.workspace}, {@code app.task} and {@code app.export} and, of {@code analysis}, {@code sim},
 * {@code model}, {@code io}, {@code spec} (which kind of cell has which time constants) and {@code wiring}.
 */
package io.liquidlens.app.traces;
