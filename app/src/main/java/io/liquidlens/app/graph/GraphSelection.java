package io.liquidlens.app.graph;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import javafx.collections.SetChangeListener;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The workspace's neuron selection on the graph: a click selects a neuron (shift-click toggles it, a click on
 * empty space clears), and selected neurons are outlined whichever view selected them.
 */
final class GraphSelection {
    private final WorkspaceViewModel workspace;
    private final WiringGraph graph;
    private final SetChangeListener<Integer> onChange = change -> {
        if (change.wasAdded()) {
            outline(change.getElementAdded(), true);
        }
        if (change.wasRemoved()) {
            outline(change.getElementRemoved(), false);
        }
    };

    /** Follows {@code workspace}'s selection on {@code graph} until {@link #stop()}. */
    GraphSelection(WorkspaceViewModel workspace, WiringGraph graph) {
        this.workspace = workspace;
        this.graph = graph;
        workspace.selection().selected().addListener(onChange);
    }

    /** Makes a primary click on {@code panel} select the neuron {@code hits} finds there. */
    void clicksOn(Region panel, VertexHover hits) {
        panel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                click(hits.vertexAt(e.getX(), e.getY()), e.isShiftDown());
            }
        });
    }

    /** Outlines every selected neuron (the graph was drawn anew). */
    void outlineAll() {
        for (Integer id : workspace.selection().selected()) {
            outline(id, true);
        }
    }

    /** What a click on vertex {@code v} does (-1: on empty space): select the neuron, or toggle it with shift. */
    void click(int v, boolean shift) {
        WiringLayout layout = graph.layout();
        if (layout == null || v < 0 || v >= layout.vertices().size()) {
            if (!shift) {
                workspace.selection().clear();
            }
            return;
        }
        WiringLayout.Vertex vertex = layout.vertices().get(v);
        if (vertex.sensory()) {
            return;
        }
        if (shift) {
            workspace.selection().toggle(vertex.id());
        } else {
            workspace.selection().selectOnly(vertex.id());
        }
    }

    /** Stops following the selection. */
    void stop() {
        workspace.selection().selected().removeListener(onChange);
    }

    private void outline(Integer neuron, boolean on) {
        WiringLayout layout = graph.layout();
        if (layout != null && neuron != null && neuron >= 0 && neuron < layout.neurons()) {
            graph.setSelected(layout.inputs() + neuron, on);
        }
    }
}
