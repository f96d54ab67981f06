package io.liquidlens.app.graph;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.SynapseActivity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.graphstream.ui.fx_viewer.FxDefaultView;

/**
 * The loaded model's wiring, animated at the time cursor: inputs, inter, command and motor neurons left to
 * right; each vertex filled with its state at the cursor (each neuron against its own range over the
 * rollout), each synapse as opaque and wide as the current it carries. Hover shows a vertex's name, role,
 * state and tau; a click selects the neuron in the workspace (shift-click toggles), and selected neurons are
 * outlined whichever view selected them.
 *
 * <p>Changes only mark what is stale; an {@link AnimationTimer} applies them once per pulse and repaints at once,
 * instead of waiting for the viewer's own 40 ms timer, so playback can reach the display's frame rate; a pulse in
 * which the step, the levels and the selection did not change draws nothing. The parts: {@link GraphPainter}
 * draws the graph, {@link ActivityLevels} turns the activity at the cursor into levels (its scales computed in
 * the background through the {@link TaskExecutor}), {@link VertexHover} finds and describes the vertex under
 * the pointer, {@link GraphSelection} selects and outlines neurons, {@link NeuronContextMenu} clamps them and
 * {@link ClampMarks} shows the clamps, {@link GraphLegend} explains shapes and colours.
 *
 * <p>Call {@link #close()} when the window closes: it stops the timer and the viewer.
 */
public final class WiringGraphView extends BorderPane {
    /** Node id of the view, for tests and style sheets (its parts name their own nodes). */
    public static final String ID = "wiring-graph";

    private final WorkspaceViewModel workspace;
    private final WiringGraph graph = new WiringGraph();
    private final GraphPainter painter;
    private final VertexHover hover;
    private final ActivityLevels levels;
    private final GraphSelection selection;
    private final NeuronContextMenu neuronMenu;
    private final ClampMarks clamps;
    private final GraphLegend legend = new GraphLegend();
    private final Label placeholder = new Label("No model loaded");
    private final AnimationTimer pulse;
    /** What {@link #close()} runs to stop listening to the workspace. */
    private final List<Runnable> unwatch = new ArrayList<>();

    private boolean structureStale = true;
    /** The drawing's width over height, following the pane's. */
    private double aspect = WiringLayout.ASPECT;
    /** About the padding the viewer keeps beside and above the drawing, in pixels. */
    private static final double PAD_X = 60;
    private static final double PAD_Y = 30;
    private boolean stepStale = true;
    private boolean closed;
    /**
     * Receives, for each pulse that changed something, the nanoseconds spent applying the changes to the graph
     * and then repainting it (measurements only).
     */
    WorkProbe workProbe = (update, repaint) -> { };

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
        setId(ID);
        painter = new GraphPainter(graph);
        FxDefaultView panel = painter.panel();
        hover = new VertexHover(workspace, graph, painter.layer(), panel);
        levels = new ActivityLevels(workspace, graph, executor, () -> stepStale = true);
        selection = new GraphSelection(workspace, graph);
        unwatch.add(selection::stop);
        neuronMenu = new NeuronContextMenu(workspace, graph, () -> getScene() == null ? null : getScene().getWindow());
        clamps = new ClampMarks(workspace, graph);
        hover.follow(panel);
        selection.clicksOn(panel, hover);
        neuronMenu.opensOn(panel, hover);
        placeholder.setStyle("-fx-text-fill: #666666; -fx-font-size: 14px;");
        placeholder.setMouseTransparent(true);
        StackPane area = new StackPane(panel, painter.labels(), placeholder, hover.label());
        area.setMinSize(0, 0);
        setCenter(area);
        // the drawing takes the pane's shape, so it fills the pane instead of a 1.6:1 box inside it
        area.widthProperty().addListener((o, a, b) -> reshape(area.getWidth(), area.getHeight()));
        area.heightProperty().addListener((o, a, b) -> reshape(area.getWidth(), area.getHeight()));
        VBox bottom = new VBox(legend.node(), clamps.line());
        bottom.setStyle("-fx-background-color: white;");
        setBottom(bottom);

        watch(workspace.modelProperty(), obs -> structureStale = true);
        watch(workspace.synapsesProperty(), obs -> {
            structureStale = true;
            levels.rescale();
        });
        watch(workspace.activityProperty(), obs -> levels.rescale());
        watch(workspace.cursor().stepProperty(), obs -> stepStale = true);
        watch(workspace.clampsProperty(), obs -> showClamps());
        showClamps();
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                boolean changed = update();
                long updated = System.nanoTime();
                painter.pulse();
                if (changed) {
                    workProbe.pulse(updated - start, System.nanoTime() - updated);
                }
            }
        };
        levels.rescale();
        pulse.start();
    }

    private void watch(Observable source, InvalidationListener listener) {
        source.addListener(listener);
        unwatch.add(() -> source.removeListener(listener));
    }

    /** Stops playback drawing and closes the GraphStream viewer; the view is dead afterwards. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unwatch.forEach(Runnable::run);
        pulse.stop();
        levels.cancel();
        painter.close();
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
        return GraphExports.png(this, this::refreshNow);
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
        return GraphExports.svg(this, graph, this::refreshNow);
    }

    /** Applies whatever is stale and repaints now, without waiting for the next pulse. */
    void refreshNow() {
        update();
        painter.paint(false);
    }

    /** The synapse layer (tests: how often it drew and rasterised). */
    SynapseLayer synapseLayer() {
        return painter.layer();
    }

    /** The vertex labels (tests). */
    VertexLabels labels() {
        return painter.labels();
    }

    /** The graph model (tests). */
    WiringGraph graph() {
        return graph;
    }

    /** The GraphStream view (tests: positions of vertices in pixels). */
    FxDefaultView panel() {
        return painter.panel();
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
            levels.apply();
            hover.refresh();
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
                layout = WiringLayout.of(model, synapses, aspect);
            } catch (LiquidLensException e) {
                placeholder.setText(e.getMessage());
            } catch (RuntimeException e) {
                placeholder.setText("Cannot draw this model's wiring: " + e.getMessage());
            }
        }
        levels.drawn(layout == null ? null : synapses, layout == null ? 0 : layout.links().size());
        graph.show(layout, ActivityLevels.IDLE_LINK_LEVEL);
        legend.show(GraphLegend.Key.of(layout));
        painter.relayout(layout);
        placeholder.setVisible(layout == null);
        hover.clear();
        selection.outlineAll();
        showClamps();
        stepStale = true;
    }

    /**
     * Lays the graph out again when the pane's shape moved more than a tenth from the drawing's; the padding the
     * viewer keeps around the drawing (labels, vertex size) is taken off first.
     */
    private void reshape(double width, double height) {
        if (width < 50 || height < 50) {
            return;
        }
        double target = Math.max(WiringLayout.MIN_ASPECT, Math.min(WiringLayout.MAX_ASPECT,
                (width - 2 * PAD_X) / Math.max(1, height - 2 * PAD_Y)));
        if (Math.abs(target - aspect) / aspect > 0.1) {
            aspect = target;
            structureStale = true;
        }
    }

    private void showClamps() {
        if (clamps.show()) {
            painter.repaintSoon();
        }
    }

    /** Adds {@code item} at the end of the neuron context menu (its action may read {@link #menuNeuron()}). */
    public void addNeuronMenuItem(MenuItem item) {
        neuronMenu.add(item);
    }

    /** The wiring id the neuron menu was last opened on, or -1. */
    public int menuNeuron() {
        return neuronMenu.neuron();
    }

    /**
     * Fills the neuron menu for vertex {@code v} (-1: empty space); false when there is nothing to offer there
     * (an input, empty space, or no activity to clamp).
     */
    boolean openNeuronMenu(int v) {
        return neuronMenu.fillFor(v);
    }

    /** The neuron context menu (tests). */
    ContextMenu neuronMenu() {
        return neuronMenu.menu();
    }

    /** The vertex drawn at panel coordinates (x, y), or -1 (see {@link VertexHover#vertexAt}). */
    int vertexAt(double x, double y) {
        return hover.vertexAt(x, y);
    }
}
