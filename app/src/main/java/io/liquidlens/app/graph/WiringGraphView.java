package io.liquidlens.app.graph;

import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.LiquidLensException;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ActivityScales;
import io.liquidlens.sim.SynapseActivity;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.Viewer;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;
import org.graphstream.ui.view.util.ShortcutManager;

/**
 * The loaded model's wiring, animated at the time cursor: inputs, inter, command and motor neurons left to
 * right; each vertex filled with its state at the cursor (each neuron against its own range over the
 * rollout), each synapse as opaque and wide as the current it carries. Hover shows a vertex's name, role,
 * state and tau; a click selects the neuron in the workspace (shift-click toggles), and selected neurons are
 * outlined whichever view selected them.
 *
 * <p>Drawing: GraphStream's JavaFX viewer (graph in the UI thread, no auto layout) holds the structure and fits
 * the camera; {@link SynapseLayer} draws synapses and vertices on its back layer, {@link VertexLabels} lays the
 * labels over it. Changes only mark what is stale; an {@link AnimationTimer} applies them once per pulse and
 * repaints at once, instead of waiting for the viewer's own 40 ms timer, so playback can reach the display's
 * frame rate; a pulse in which the step, the levels and the selection did not change draws nothing. The drawing
 * scales of a rollout are computed once in the background through the {@link TaskExecutor}.
 *
 * <p>Call {@link #close()} when the window closes: it stops the timer and the viewer.
 */
public final class WiringGraphView extends BorderPane {
    static {
        // GraphStream picks its UI toolkit from this property; the JavaFX viewer is the one embedded here
        System.setProperty("org.graphstream.ui", "javafx");
    }

    /** Node id of the view, for tests and style sheets. */
    public static final String ID = "wiring-graph";
    /** Node id of the legend strip under the graph. */
    public static final String LEGEND_ID = "wiring-graph-legend";
    /** Node id of the line under the graph saying what is clamped. */
    public static final String CLAMP_LINE_ID = "wiring-graph-clamps";
    /** Ids of the context menu's items. */
    public static final String CLAMP_MIN_ID = "clamp-min";
    public static final String CLAMP_MAX_ID = "clamp-max";
    public static final String CLAMP_VALUE_ID = "clamp-value";
    public static final String CLAMP_RELEASE_ID = "clamp-release";
    public static final String CLAMP_RELEASE_ALL_ID = "clamp-release-all";
    /** Node id of the hover label. */
    public static final String HOVER_ID = "wiring-graph-hover";
    /** Synapse level drawn while there is no activity to show. */
    private static final int IDLE_LINK_LEVEL = ActivityColors.SYNAPSE_LEVELS / 3;

    private final WorkspaceViewModel workspace;
    private final TaskExecutor executor;
    private final WiringGraph graph = new WiringGraph();
    private final FxViewer viewer;
    private final FxDefaultView panel;
    private final SynapseLayer synapseLayer;
    private final VertexLabels labels = new VertexLabels();
    private int labelsPlacedAt = -1;
    private final Label hover = new Label();
    private final Label placeholder = new Label("No model loaded");
    private final Label clampLine = new Label();
    private final ContextMenu neuronMenu = new ContextMenu();
    /** Wiring id of the neuron the context menu was opened on. */
    private int menuNeuron = -1;
    /** Extra items for the neuron menu (e.g. driving with the clamps), added by the window. */
    private final java.util.List<MenuItem> extraMenuItems = new java.util.ArrayList<>();
    private final AnimationTimer pulse;

    private boolean structureStale = true;
    private boolean stepStale = true;
    private SynapseActivity shownSynapses;
    private ActivityScales scales;
    private SynapseActivity scalesSynapses;
    private Activity scalesActivity;
    private BackgroundTask scaling = BackgroundTask.DONE;
    private float[] synapseBuffer = new float[0];
    private int hovered = -1;
    private boolean closed;
    private int repaints;
    /**
     * Receives, for each pulse that changed something, the nanoseconds spent applying the changes to the graph
     * and then repainting it (measurements only).
     */
    WorkProbe workProbe = (update, repaint) -> { };

    private final InvalidationListener onModel = obs -> structureStale = true;
    private final InvalidationListener onSynapses = obs -> {
        structureStale = true;
        rescale();
    };
    private final InvalidationListener onActivity = obs -> rescale();
    private final InvalidationListener onStep = obs -> stepStale = true;
    private final InvalidationListener onClamps = obs -> showClamps();
    private final SetChangeListener<Integer> onSelection = change -> {
        if (change.wasAdded()) {
            outline(change.getElementAdded(), true);
        }
        if (change.wasRemoved()) {
            outline(change.getElementRemoved(), false);
        }
    };

    /** See {@link #workProbe}. */
    interface WorkProbe {
        void pulse(long updateNanos, long repaintNanos);
    }

    /**
     * A view of {@code workspace}'s model and activity; {@code executor} computes the drawing scales of each
     * new rollout in the background.
     */
    public WiringGraphView(WorkspaceViewModel workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
        setId(ID);
        viewer = new FxViewer(graph.graph(), Viewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        panel = (FxDefaultView) viewer.addDefaultView(false);
        // clicks select neurons and arrow keys move the time cursor: GraphStream's own managers would drag
        // nodes and pan the view instead
        panel.setMouseManager(new InertMouse());
        panel.setShortcutManager(new InertKeys());
        panel.setMinSize(0, 0);
        synapseLayer = new SynapseLayer(graph);
        panel.setBackLayerRenderer(synapseLayer);
        // the synapse layer places itself with the camera of the previous frame: after a resize, draw twice
        panel.widthProperty().addListener((obs, old, now) -> repaints = 2);
        panel.heightProperty().addListener((obs, old, now) -> repaints = 2);
        panel.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        panel.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        panel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                click(vertexAt(e.getX(), e.getY()), e.isShiftDown());
            }
        });

        hover.setId(HOVER_ID);
        hover.setMouseTransparent(true);
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-border-color: #888888; "
                + "-fx-padding: 4 6 4 6; -fx-font-size: 12px;");
        placeholder.setStyle("-fx-text-fill: #666666; -fx-font-size: 14px;");
        placeholder.setMouseTransparent(true);
        // a secondary click rather than CONTEXT_MENU_REQUESTED: Monocle (the tests' headless platform) sends none
        panel.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && openNeuronMenu(vertexAt(e.getX(), e.getY()))) {
                neuronMenu.show(panel, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        StackPane area = new StackPane(panel, labels, placeholder, hover);
        area.setMinSize(0, 0);
        setCenter(area);
        clampLine.setId(CLAMP_LINE_ID);
        clampLine.setStyle("-fx-font-size: 11px; -fx-text-fill: " + ActivityColors.hex(ActivityColors.CLAMPED) + ";");
        clampLine.setWrapText(true);
        clampLine.setPadding(new Insets(0, 10, 3, 10));
        VBox bottom = new VBox(legend(), clampLine);
        bottom.setStyle("-fx-background-color: white;");
        setBottom(bottom);

        workspace.modelProperty().addListener(onModel);
        workspace.synapsesProperty().addListener(onSynapses);
        workspace.activityProperty().addListener(onActivity);
        workspace.cursor().stepProperty().addListener(onStep);
        workspace.selection().selected().addListener(onSelection);
        workspace.clampsProperty().addListener(onClamps);
        showClamps();
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                boolean changed = update();
                long updated = System.nanoTime();
                paint(repaints > 0);
                repaints = Math.max(0, repaints - 1);
                if (changed) {
                    workProbe.pulse(updated - start, System.nanoTime() - updated);
                }
            }
        };
        rescale();
        pulse.start();
    }

    /** Stops playback drawing and closes the GraphStream viewer; the view is dead afterwards. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workspace.modelProperty().removeListener(onModel);
        workspace.synapsesProperty().removeListener(onSynapses);
        workspace.activityProperty().removeListener(onActivity);
        workspace.cursor().stepProperty().removeListener(onStep);
        workspace.selection().selected().removeListener(onSelection);
        workspace.clampsProperty().removeListener(onClamps);
        pulse.stop();
        scaling.cancel();
        viewer.close();
    }

    /**
     * Writes what the view shows (graph and legend) to {@code file} as PNG; the file is replaced atomically.
     * Call on the JavaFX thread; the workbench runs {@link #pngExport()} instead, which writes in the background.
     *
     * @throws LiquidLensException naming the file when it cannot be written
     */
    public void exportPng(Path file) {
        Export.now(pngExport(), file);
    }

    /** The PNG export: the view's snapshot is taken on the JavaFX thread, converted and encoded off it. */
    public Export pngExport() {
        return file -> {
            refreshNow();
            WritableImage shot = snapshot(null, null);
            return progress -> ExportFiles.writePng(file, progress, shot);
        };
    }

    /**
     * Writes the graph as shown (positions, colours and widths at the cursor, selection, labels, legend) to
     * {@code file} as SVG vector art, each vertex a group titled with its full name; the file is replaced
     * atomically. Call on the JavaFX thread; the workbench runs {@link #svgExport()} instead.
     *
     * @throws LiquidLensException naming the file when it cannot be written
     */
    public void exportSvg(Path file) {
        Export.now(svgExport(), file);
    }

    /**
     * The SVG export: the levels and selection at the cursor are copied on the JavaFX thread (the graph changes
     * there at every step); the document is drawn and written off it.
     */
    public Export svgExport() {
        return file -> {
            refreshNow();
            int width = Math.max(900, (int) Math.ceil(getWidth()));
            int height = Math.max(600, (int) Math.ceil(getHeight()));
            WiringSvgWriter.Shown shown = WiringSvgWriter.Shown.of(graph);
            return progress -> ExportFiles.writeText(file, progress, WiringSvgWriter.svg(shown, width, height));
        };
    }

    /** Applies whatever is stale and repaints now, without waiting for the next pulse. */
    void refreshNow() {
        update();
        paint(false);
    }

    /**
     * Lets the viewer repaint what changed in the graph (structure, selection), and repaints for it when only
     * levels changed (the synapse layer draws vertices and synapses; GraphStream does not see levels) or when
     * {@code force}d. Nothing is drawn when nothing changed.
     */
    private void paint(boolean force) {
        GraphicGraph shown = viewer.getGraphicGraph();
        if (shown == null) {
            return;
        }
        boolean viewerPaints = shown.graphChangedFlag();
        viewer.actionPerformed();
        boolean levels = graph.takeLevelsChanged();
        if (!viewerPaints && (levels || force)) {
            panel.display(shown, true);
        }
        if (synapseLayer.isPlaced() && synapseLayer.geometryVersion() != labelsPlacedAt) {
            labels.place(synapseLayer);
            labelsPlacedAt = synapseLayer.geometryVersion();
        }
    }

    /** The synapse layer (tests: how often it drew and rasterised). */
    SynapseLayer synapseLayer() {
        return synapseLayer;
    }

    /** The vertex labels (tests). */
    VertexLabels labels() {
        return labels;
    }

    /** The graph model (tests). */
    WiringGraph graph() {
        return graph;
    }

    /** The GraphStream view (tests: positions of vertices in pixels). */
    FxDefaultView panel() {
        return panel;
    }

    /** Brings the graph up to date; true if anything was applied. */
    private boolean update() {
        if (closed) {
            return false;
        }
        boolean changed = false;
        if (structureStale) {
            structureStale = false;
            rebuild();
            changed = true;
        }
        if (stepStale) {
            stepStale = false;
            applyStep();
            changed = true;
        }
        return changed;
    }

    private void rebuild() {
        LoadedModel model = workspace.modelProperty().get();
        SynapseActivity synapses = workspace.synapsesProperty().get();
        WiringLayout layout = null;
        placeholder.setText("No model loaded");
        if (model != null && synapses != null) {
            try {
                layout = WiringLayout.of(model, synapses);
            } catch (RuntimeException e) {
                placeholder.setText("Cannot draw this model's wiring: " + e.getMessage());
            }
        }
        shownSynapses = layout == null ? null : synapses;
        graph.show(layout, IDLE_LINK_LEVEL);
        labels.show(layout, graph.isLarge());
        labelsPlacedAt = -1;
        repaints = 2;
        placeholder.setVisible(layout == null);
        synapseBuffer = new float[layout == null ? 0 : layout.links().size()];
        hovered = -1;
        hover.setVisible(false);
        for (Integer id : workspace.selection().selected()) {
            outline(id, true);
        }
        showClamps();
        stepStale = true;
    }

    /** Rings the clamped neurons and says in the line under the legend what is clamped. */
    private void showClamps() {
        String text = workspace.describeClamps();
        clampLine.setText(text.isEmpty() ? "" : "Clamped (traces: dashed grey = output without clamps): "
                + text.substring("clamp ".length()));
        clampLine.setVisible(!text.isEmpty());
        clampLine.setManaged(!text.isEmpty());
        graph.clearClamps();
        WiringLayout layout = graph.layout();
        if (layout == null) {
            return;
        }
        for (var c : workspace.clampsProperty().get()) {
            if (c.neuron() >= 0 && c.neuron() < layout.neurons()) {
                graph.setClamped(layout.inputs() + c.neuron(), true);
            }
        }
        repaints = Math.max(repaints, 1);
    }

    /** Adds {@code item} at the end of the neuron context menu (its action may read {@link #menuNeuron()}). */
    public void addNeuronMenuItem(MenuItem item) {
        extraMenuItems.add(item);
    }

    /** The wiring id the neuron menu was last opened on, or -1. */
    public int menuNeuron() {
        return menuNeuron;
    }

    /**
     * Fills the neuron menu for vertex {@code v} (-1: empty space); false when there is nothing to offer there
     * (an input, empty space, or no activity to clamp).
     */
    boolean openNeuronMenu(int v) {
        WiringLayout layout = graph.layout();
        if (layout == null || v < 0 || v >= layout.vertices().size() || layout.vertices().get(v).sensory()
                || workspace.unclampedActivityProperty().get() == null) {
            return false;
        }
        WiringLayout.Vertex vertex = layout.vertices().get(v);
        int id = vertex.id();
        menuNeuron = id;
        float[] range = workspace.rangeOf(id);
        MenuItem min = item(CLAMP_MIN_ID, String.format(Locale.ROOT, "Clamp %s to min (%.4f)", vertex.name(), range[0]),
                () -> workspace.clampToMin(id));
        MenuItem max = item(CLAMP_MAX_ID, String.format(Locale.ROOT, "Clamp %s to max (%.4f)", vertex.name(), range[1]),
                () -> workspace.clampToMax(id));
        MenuItem value = item(CLAMP_VALUE_ID, "Clamp to value...", () -> askValue(vertex));
        MenuItem release = item(CLAMP_RELEASE_ID, "Release clamp", () -> workspace.releaseClamp(id));
        release.setDisable(!workspace.isClamped(id));
        MenuItem all = item(CLAMP_RELEASE_ALL_ID, "Release all", workspace::releaseAllClamps);
        all.setDisable(workspace.clampsProperty().get().isEmpty());
        neuronMenu.getItems().setAll(min, max, value, new SeparatorMenuItem(), release, all);
        if (!extraMenuItems.isEmpty()) {
            neuronMenu.getItems().add(new SeparatorMenuItem());
            neuronMenu.getItems().addAll(extraMenuItems);
        }
        return true;
    }

    /** The neuron context menu (tests). */
    ContextMenu neuronMenu() {
        return neuronMenu;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void askValue(WiringLayout.Vertex vertex) {
        float[] range = workspace.rangeOf(vertex.id());
        TextInputDialog dialog = new TextInputDialog(range == null ? "0" : String.format(Locale.ROOT, "%.4f", range[1]));
        dialog.setTitle("Clamp " + vertex.name());
        dialog.setHeaderText(range == null ? "Hold " + vertex.name() + " at:" : String.format(Locale.ROOT,
                "Hold %s at (its range over the rollout: %.4f .. %.4f):", vertex.name(), range[0], range[1]));
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(text -> workspace.clamp(vertex.id(), text));
    }

    /** Starts computing the drawing scales of the current activity (nothing is animated until they arrive). */
    private void rescale() {
        scaling.cancel();
        scales = null;
        stepStale = true;
        Activity activity = workspace.activityProperty().get();
        SynapseActivity synapses = workspace.synapsesProperty().get();
        if (activity == null || synapses == null || closed) {
            return;
        }
        scaling = executor.execute("Scaling the activity for the wiring graph",
                () -> ActivityScales.of(activity, synapses), done -> {
                    if (activity == workspace.activityProperty().get()
                            && synapses == workspace.synapsesProperty().get()) {
                        scales = done;
                        scalesActivity = activity;
                        scalesSynapses = synapses;
                        stepStale = true;
                    }
                }, error -> scales = null);
    }

    /** Sets every vertex's fill and every synapse's width and opacity from the activity at the cursor. */
    private void applyStep() {
        WiringLayout layout = graph.layout();
        if (layout == null) {
            return;
        }
        Activity a = workspace.activityProperty().get();
        ActivityScales sc = scales;
        boolean live = a != null && sc != null && a == scalesActivity && shownSynapses == scalesSynapses
                && a.steps() > 0 && a.neurons() == layout.neurons() && a.features() == layout.inputs();
        if (!live) {
            for (int v = 0; v < layout.vertices().size(); v++) {
                graph.setVertexLevel(v, ActivityColors.NEUTRAL);
            }
            for (int k = 0; k < synapseBuffer.length; k++) {
                graph.setLinkLevel(k, IDLE_LINK_LEVEL);
            }
            showHover();
            return;
        }
        int t = Math.min(workspace.cursor().step(), a.steps() - 1);
        int inputs = layout.inputs();
        for (int s = 0; s < inputs; s++) {
            graph.setVertexLevel(s, ActivityColors.stateLevel(a.input(t, s), sc.inputMin(s), sc.inputMax(s)));
        }
        for (int id = 0; id < layout.neurons(); id++) {
            graph.setVertexLevel(inputs + id,
                    ActivityColors.stateLevel(a.state(t, id), sc.stateMin(id), sc.stateMax(id)));
        }
        shownSynapses.at(a, t, synapseBuffer);
        for (int k = 0; k < synapseBuffer.length; k++) {
            float scale = layout.links().get(k).sensory() ? sc.sensorySynapseScale() : sc.synapseScale();
            graph.setLinkLevel(k, ActivityColors.synapseLevel(synapseBuffer[k], scale));
        }
        showHover();
    }

    private void outline(Integer neuron, boolean on) {
        WiringLayout layout = graph.layout();
        if (layout != null && neuron != null && neuron >= 0 && neuron < layout.neurons()) {
            graph.setSelected(layout.inputs() + neuron, on);
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

    /**
     * The vertex drawn at panel coordinates (x, y), or -1: the nearest one whose shape's box (a pixel more) holds
     * the point, from where the synapse layer drew it (GraphStream's vertices are hidden, so it finds none).
     */
    int vertexAt(double x, double y) {
        WiringLayout layout = graph.layout();
        if (layout == null || x < 0 || y < 0 || !synapseLayer.isPlaced()) {
            return -1;
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (WiringLayout.Vertex v : layout.vertices()) {
            double reach = WiringGraph.vertexSizePx(v.role(), graph.isLarge()) / 2.0 + 1;
            double dx = Math.abs(x - synapseLayer.x(v.index()));
            double dy = Math.abs(y - synapseLayer.y(v.index()));
            if (dx <= reach && dy <= reach && dx * dx + dy * dy < bestDistance) {
                best = v.index();
                bestDistance = dx * dx + dy * dy;
            }
        }
        return best;
    }

    private void hoverAt(double x, double y) {
        hovered = vertexAt(x, y);
        if (hovered >= 0) {
            // beside the pointer, kept inside the graph area
            hover.relocate(Math.min(x + 14, Math.max(0, panel.getWidth() - 280)),
                    Math.min(y + 14, Math.max(0, panel.getHeight() - 50)));
        }
        showHover();
    }

    private void showHover() {
        WiringLayout layout = graph.layout();
        if (hovered < 0 || layout == null || hovered >= layout.vertices().size()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(describe(layout.vertices().get(hovered)));
        hover.autosize();
        hover.setVisible(true);
    }

    /** The hover text of {@code v}: name, role, and its state and tau (or input value) at the cursor. */
    String describe(WiringLayout.Vertex v) {
        Activity a = workspace.activityProperty().get();
        WiringLayout layout = graph.layout();
        boolean fits = a != null && a.steps() > 0 && a.neurons() == layout.neurons()
                && a.features() == layout.inputs();
        int t = fits ? Math.min(workspace.cursor().step(), a.steps() - 1) : 0;
        if (v.sensory()) {
            return v.name() + " (input " + v.id() + ")\nsensory"
                    + (fits ? String.format(Locale.ROOT, "  value %.4f at step %d", a.input(t, v.id()), t) : "");
        }
        return v.name() + "\n" + v.role().ncpsName() + (fits
                ? String.format(Locale.ROOT, "  state %.4f  tau %.4f at step %d", a.state(t, v.id()),
                        a.tau(t, v.id()), t)
                : "");
    }

    /**
     * The legend strip: the role shapes and synapse colours on one row, the state scale and what a synapse's
     * opacity and width mean on the next. Each row wraps rather than eliding a word when the view is narrow,
     * since every label keeps its full width.
     */
    private static Node legend() {
        FlowPane glyphs = legendRow();
        for (NeuronRole role : NeuronRole.values()) {
            glyphs.getChildren().add(legendEntry(roleShape(role), role.ncpsName()));
        }
        for (int polarity : new int[] {1, -1}) {
            Line line = new Line(0, 0, 24, 0);
            line.setStrokeWidth(3);
            line.setStroke(ActivityColors.synapse(polarity, ActivityColors.SYNAPSE_LEVELS - 1));
            glyphs.getChildren().add(legendEntry(line, polarity > 0 ? "excitatory" : "inhibitory"));
        }
        Stop[] stops = new Stop[ActivityColors.STATE_LEVELS];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = new Stop(i / (double) (stops.length - 1), ActivityColors.state(i));
        }
        Rectangle bar = new Rectangle(100, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.setStroke(Color.web("#999999"));
        HBox states = new HBox(4, legendLabel("state: low"), bar, legendLabel("high (per neuron)"));
        states.setAlignment(Pos.CENTER_LEFT);
        FlowPane scales = legendRow();
        scales.getChildren().addAll(states, legendLabel("synapse opacity, width: current w\u00b7\u03c3(x)"));
        VBox box = new VBox(3, glyphs, scales);
        box.setId(LEGEND_ID);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.setStyle("-fx-background-color: white; -fx-border-color: #dddddd transparent transparent transparent;");
        box.setMouseTransparent(true);
        return box;
    }

    private static FlowPane legendRow() {
        FlowPane row = new FlowPane(18, 3);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(0);
        row.setPrefWrapLength(200);
        return row;
    }

    private static HBox legendEntry(Node glyph, String text) {
        HBox entry = new HBox(4, glyph, legendLabel(text));
        entry.setAlignment(Pos.CENTER_LEFT);
        return entry;
    }

    /** A legend label that is never elided: it keeps the width of its text and the row wraps instead. */
    private static Label legendLabel(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 11px;");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Shape roleShape(NeuronRole role) {
        Shape s = switch (role) {
            case SENSORY -> new Polygon(6, 0, 12, 11, 0, 11);
            case INTER -> new Circle(6);
            case COMMAND -> new Polygon(7, 0, 14, 7, 7, 14, 0, 7);
            case MOTOR -> new Rectangle(11, 11);
        };
        s.setFill(Color.WHITE);
        s.setStroke(ActivityColors.stroke(role));
        s.setStrokeWidth(role == NeuronRole.COMMAND ? 2.5 : 1.5);
        return s;
    }

    /** Leaves the mouse to this view's own handlers: no dragging of vertices, no rubber-band selection. */
    private static final class InertMouse implements MouseManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }

    /** Leaves the keyboard to the window (arrow keys move the time cursor, not the camera). */
    private static final class InertKeys implements ShortcutManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }
    }
}
