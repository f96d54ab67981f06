package io.liquidlens.app.graph;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.Locale;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * "Clamp to value...": asks for the value to hold a neuron at, offering its range over the rollout; the workspace
 * checks what was typed.
 */
final class ClampDialog {
    private ClampDialog() {
    }

    /** Asks for the value to hold {@code vertex} at and clamps it in {@code workspace}; {@code owner} may be null. */
    static void ask(WorkspaceViewModel workspace, WiringLayout.Vertex vertex, Window owner) {
        float[] range = workspace.clamps().rangeOf(vertex.id());
        TextInputDialog dialog = new TextInputDialog(
                range == null ? "0" : String.format(Locale.ROOT, "%.4f", range[1]));
        dialog.setTitle("Clamp " + vertex.name());
        dialog.setHeaderText(range == null ? "Hold " + vertex.name() + " at:" : String.format(Locale.ROOT,
                "Hold %s at (its range over the rollout: %.4f .. %.4f):", vertex.name(), range[0], range[1]));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.showAndWait().ifPresent(text -> workspace.clamps().clamp(vertex.id(), text));
    }
}
