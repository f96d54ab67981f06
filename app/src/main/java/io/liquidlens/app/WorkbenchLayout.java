package io.liquidlens.app;

import io.liquidlens.app.workspace.ModelPanelView;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import java.util.List;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The middle of the window: the wiring graph (left) beside a tab pane of the input, the model panel, the Tree, the
 * Saliency and the Dynamics tab (right), the traces below behind a divider. Each view lives in a named slot that shows a
 * placeholder until the view is put in.
 */
final class WorkbenchLayout {
    /**
     * One flat fill for the split panes. Their default two-fill background (border, then inset body) is drawn
     * on the software pipeline by stretching a cached image over the whole pane, and the whole window lies
     * over these panes: every frame of playback paid for it wherever anything moved.
     */
    private static final String FLAT_SPLIT_STYLE = "-fx-background-color: -fx-box-border; -fx-background-insets: 0;";

    final StackPane graph = slot(WorkbenchApp.GRAPH_SLOT_ID, "Wiring graph");
    final StackPane traces = slot(WorkbenchApp.TRACES_SLOT_ID, "Neuron traces");
    final StackPane input = slot(WorkbenchApp.INPUT_SLOT_ID, "Input at the cursor");
    final StackPane tree = slot(WorkbenchApp.TREE_SLOT_ID, "Decision tree");
    final StackPane saliency = slot(WorkbenchApp.SALIENCY_SLOT_ID, "Saliency maps");
    /** The Saliency tab, whose selection says whether saliency is computed. */
    final Tab saliencyTab = new Tab("Saliency", saliency);
    final StackPane dynamics = slot(WorkbenchApp.DYNAMICS_SLOT_ID, "Dynamics");
    /** The Dynamics tab, whose selection says whether the dynamics are computed. */
    final Tab dynamicsTab = new Tab("Dynamics", dynamics);
    private final Node root;
    private final List<SplitPane> splits;

    /** The layout around {@code workspace}'s model panel, every other slot still empty. */
    WorkbenchLayout(WorkspaceViewModel workspace) {
        TabPane side = new TabPane(new Tab("Input", input), new Tab("Model", new ModelPanelView(workspace)),
                new Tab("Tree", tree), saliencyTab, dynamicsTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("side-tabs");
        SplitPane top = new SplitPane(graph, side);
        top.setDividerPositions(0.6);
        top.setStyle(FLAT_SPLIT_STYLE);
        SplitPane main = new SplitPane(top, traces);
        main.setId(WorkbenchApp.MAIN_SPLIT_ID);
        main.setOrientation(Orientation.VERTICAL);
        // the traces get nearly half: three charts side by side need that height to read their axes
        main.setDividerPositions(0.57);
        main.setStyle(FLAT_SPLIT_STYLE);
        root = main;
        splits = List.of(main, top);
    }

    /** The split panes whose dividers the user may drag: the main one (graph over traces), then the top one. */
    List<SplitPane> splits() {
        return splits;
    }

    /** The layout's root node, for the centre of the window. */
    Node root() {
        return root;
    }

    /** Puts the graph, traces and input views into their slots; a null view leaves its slot's placeholder. */
    void placeViews(Node graphView, Node tracesView, Node inputView) {
        fill(graph, graphView);
        fill(traces, tracesView);
        fill(input, inputView);
    }

    /** Puts {@code view} into {@code slot} in place of what it showed; a null view leaves the slot as it is. */
    static void fill(StackPane slot, Node view) {
        if (view != null) {
            slot.getChildren().setAll(view);
        }
    }

    private static StackPane slot(String id, String placeholder) {
        Label hint = new Label(placeholder);
        hint.setStyle("-fx-text-fill: #8a8a8a; -fx-font-size: 15px;");
        StackPane pane = new StackPane(hint);
        pane.setId(id);
        pane.setMinSize(120, 80);
        pane.setStyle("-fx-background-color: #f6f7f9;");
        return pane;
    }
}
