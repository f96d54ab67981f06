package io.liquidlens.app.graph;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.Label;

/** The clamped neurons on the graph: each ringed, and a line under the legend saying what is clamped. */
final class ClampMarks {
    /** Node id of the line saying what is clamped. */
    static final String LINE_ID = "wiring-graph-clamps";

    private final WorkspaceViewModel workspace;
    private final WiringGraph graph;
    private final Label line = new Label();

    /** Marks on {@code graph} what is clamped in {@code workspace}. */
    ClampMarks(WorkspaceViewModel workspace, WiringGraph graph) {
        this.workspace = workspace;
        this.graph = graph;
        line.setId(LINE_ID);
        line.setStyle("-fx-font-size: 11px; -fx-text-fill: " + ActivityColors.hex(ActivityColors.CLAMPED) + ";");
        line.setWrapText(true);
        line.setPadding(new Insets(0, 10, 3, 10));
    }

    /** The line saying what is clamped (hidden while nothing is). */
    Label line() {
        return line;
    }

    /** Shows the workspace's clamps; true when the graph's rings changed and want a repaint. */
    boolean show() {
        String text = workspace.clamps().describe();
        line.setText(text.isEmpty() ? "" : "Clamped (traces: dotted = output without clamps): "
                + text.substring("clamp ".length()));
        line.setVisible(!text.isEmpty());
        line.setManaged(!text.isEmpty());
        graph.clearClamps();
        WiringLayout layout = graph.layout();
        if (layout == null) {
            return false;
        }
        for (var c : workspace.clampsProperty().get()) {
            if (c.neuron() >= 0 && c.neuron() < layout.neurons()) {
                graph.setClamped(layout.inputs() + c.neuron(), true);
            }
        }
        return true;
    }
}
