package io.liquidlens.app.graph;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The menu a secondary click on a neuron opens: clamp it to its minimum, its maximum or a typed value, release
 * its clamp or every clamp, then whatever the window added (e.g. driving with the clamps).
 */
final class NeuronContextMenu {
    /** The menu's own items; each node id is "clamp-" and the name, e.g. "clamp-release-all". */
    enum Item {
        MIN, MAX, VALUE, RELEASE, RELEASE_ALL;

        /** The item's node id. */
        String id() {
            return "clamp-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final ContextMenu menu = new ContextMenu();
    private final WorkspaceViewModel workspace;
    private final WiringGraph graph;
    private final Supplier<Window> owner;
    private final List<MenuItem> extraItems = new ArrayList<>();
    /** Wiring id of the neuron the menu was last opened on. */
    private int neuron = -1;

    /** The menu for {@code graph}'s neurons, clamping in {@code workspace}; {@code owner} owns the value dialog. */
    NeuronContextMenu(WorkspaceViewModel workspace, WiringGraph graph, Supplier<Window> owner) {
        this.workspace = workspace;
        this.graph = graph;
        this.owner = owner;
    }

    /** Makes a secondary click on {@code panel} open the menu for the neuron {@code hits} finds there. */
    void opensOn(Region panel, VertexHover hits) {
        // a secondary click rather than CONTEXT_MENU_REQUESTED: Monocle (the tests' headless platform) sends none
        panel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && fillFor(hits.vertexAt(e.getX(), e.getY()))) {
                menu.show(panel, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /**
     * Fills the menu for vertex {@code v} (-1: empty space); false when there is nothing to offer there (an input,
     * empty space, or no activity to clamp).
     */
    boolean fillFor(int v) {
        WiringLayout layout = graph.layout();
        if (layout == null || v < 0 || v >= layout.vertices().size() || layout.vertices().get(v).sensory()
                || workspace.unclampedActivityProperty().get() == null) {
            return false;
        }
        WiringLayout.Vertex vertex = layout.vertices().get(v);
        int id = vertex.id();
        neuron = id;
        float[] range = workspace.clamps().rangeOf(id);
        MenuItem min = item(Item.MIN,
                String.format(Locale.ROOT, "Clamp %s to min (%.4f)", vertex.name(), range[0]),
                () -> workspace.clamps().clampToMin(id));
        MenuItem max = item(Item.MAX,
                String.format(Locale.ROOT, "Clamp %s to max (%.4f)", vertex.name(), range[1]),
                () -> workspace.clamps().clampToMax(id));
        MenuItem value = item(Item.VALUE, "Clamp to value...",
                () -> ClampDialog.ask(workspace, vertex, owner.get()));
        MenuItem release = item(Item.RELEASE, "Release clamp", () -> workspace.clamps().release(id));
        release.setDisable(!workspace.clamps().isClamped(id));
        MenuItem all = item(Item.RELEASE_ALL, "Release all", workspace.clamps()::releaseAll);
        all.setDisable(workspace.clampsProperty().get().isEmpty());
        menu.getItems().setAll(min, max, value, new SeparatorMenuItem(), release, all);
        if (!extraItems.isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(extraItems);
        }
        return true;
    }

    /** Adds {@code item} at the end of the menu, below the clamps. */
    void add(MenuItem item) {
        extraItems.add(item);
    }

    /** The wiring id the menu was last opened on, or -1. */
    int neuron() {
        return neuron;
    }

    /** The menu itself. */
    ContextMenu menu() {
        return menu;
    }

    private static MenuItem item(Item which, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(which.id());
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }
}
