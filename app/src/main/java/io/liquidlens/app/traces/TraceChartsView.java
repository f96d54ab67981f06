package io.liquidlens.app.traces;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.Exporter;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.Rollout;
import io.liquidlens.sim.Activity;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import java.util.function.BiFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The traces of the workspace's activity on one time axis: the shown neurons' states, their liquid time
 * constants (a CT-RNN's constant ones; for torch layers, which have none, a note in the chart's place: {@link
 * TauChart}), and the model's outputs against the rollout's recorded actions, side by side in a split pane
 * the user can resize. A vertical line over every chart follows the time cursor; a click on a chart moves
 * the cursor to the clicked step.
 *
 * <p>The shown neurons are the selected ones, or the motor neurons when nothing is selected. Datasets are
 * rebuilt only when the activity, the model or the selection changes (the output chart only for the first
 * two), and the charts redraw once per frame at most, however many changes the frame brought. A cursor move
 * redraws no chart: the cursor is a {@link CursorLine} node over each chart's data area, so playback costs
 * three thin strips per frame instead of three full chart renders. The datasets read the activity in place and
 * draw a long trace from its extremes per pixel column ({@link TraceDataset}), so a million steps draw as fast as
 * a few thousand.
 */
public final class TraceChartsView extends BorderPane {
    /** Node id of this view, for tests and style sheets. */
    public static final String ID = "trace-charts";
    /** Node ids of the Whole button and the window's label, for tests. */
    public static final String WHOLE_ID = ID + "-whole";
    public static final String WINDOW_LABEL_ID = ID + "-window";
    /** Node id of the note shown instead of the tau chart for a model without time constants, for tests. */
    public static final String TAU_NOTE_ID = ID + "-tau-note";
    /** The sample world's name for the action a rollout recorded (a world column of its rollouts). */
    static final String EXECUTED_ACTION = "executed_action";

    private static final Font TITLE_FONT = new Font("SansSerif", Font.BOLD, 12);
    private static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 10);
    private static final int EXPORT_WIDTH = 900;
    private static final int EXPORT_HEIGHT = 320;

    /** The three charts. */
    public enum Chart {
        STATE("Neuron state", "state"),
        TAU("Liquid time constant", "tau"),
        OUTPUT("Output and recorded action", "output");

        private final String title;
        private final String stem;

        Chart(String title, String stem) {
            this.title = title;
            this.stem = stem;
        }

        /** The chart's title. */
        public String title() {
            return title;
        }

        /** The file name stem of its exports. */
        public String fileStem() {
            return stem;
        }
    }

    private final WorkspaceViewModel workspace;
    private final Exporter exporter;
    /** The window's Export menu names the CSV export so. */
    public static final String CSV_TITLE = "Traces as CSV...";
    private BiFunction<String, String, Path> saveAs;
    private final Map<Chart, JFreeChart> charts = new EnumMap<>(Chart.class);
    private final Map<Chart, ChartViewer> viewers = new EnumMap<>(Chart.class);
    private final Map<Chart, CursorLine> cursors = new EnumMap<>(Chart.class);
    private final Map<Chart, HoverReadout> hovers = new EnumMap<>(Chart.class);
    private final NumberAxis linearTau = new NumberAxis("tau");
    private final SpanTickAxis logTau = new SpanTickAxis("tau (log)");
    private final Set<Chart> pending = EnumSet.noneOf(Chart.class);
    private final AnimationTimer redraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            redrawPending();
        }
    };
    private final TimeWindow window = new TimeWindow();
    private final TraceOverview overview = new TraceOverview(step -> {
        if (window.centreOn(step)) {
            drawWindow();
        }
    });
    private final Label windowLabel = new Label();
    private final Label tauNote = new Label();
    private TauChart tau = TauChart.LIQUID;
    private double dragX = Double.NaN;
    private int dragFrom;
    private List<TraceNeuron> shown = List.of();
    private TraceTable table;
    private int steps;

    /**
     * A view of {@code workspace}'s traces whose own export menus write on the calling thread (the view on its own,
     * tests); the workbench gives it its background {@link Exporter}.
     */
    public TraceChartsView(WorkspaceViewModel workspace) {
        this(workspace, new Exporter(TaskExecutor.sameThread(), TraceChartsView::exportFailed));
    }

    /** A view of {@code workspace}'s traces; it follows the workspace from here on and exports through {@code exporter}. */
    public TraceChartsView(WorkspaceViewModel workspace, Exporter exporter) {
        this.workspace = workspace;
        this.exporter = exporter;
        setId(ID);
        linearTau.setAutoRangeIncludesZero(false);
        logTau.setSmallestValue(1e-6);
        for (ValueAxis axis : new ValueAxis[] {linearTau, logTau}) {
            axis.setLabelFont(LABEL_FONT);
            axis.setTickLabelFont(TICK_FONT);
        }
        SplitPane side = new SplitPane();
        side.setId(ID + "-split");
        // one flat fill: the default two-fill background is drawn by stretching a cached image over the whole
        // pane on every repaint, which the software pipeline pays for in full whenever the cursor line moves
        side.setStyle("-fx-background-color: -fx-box-border; -fx-background-insets: 0;");
        for (Chart c : Chart.values()) {
            side.getItems().add(chartPane(c));
        }
        side.setDividerPositions(1 / 3.0, 2 / 3.0);
        Button whole = new Button("Whole");
        whole.setId(WHOLE_ID);
        whole.setFocusTraversable(false);
        whole.setTooltip(new Tooltip("Show every step (the wheel over a chart zooms about the pointer, a drag pans,"
                + " the strip below moves the window)"));
        whole.setOnAction(e -> {
            if (window.showWhole()) {
                drawWindow();
            }
        });
        windowLabel.setId(WINDOW_LABEL_ID);
        ToolBar bar = new ToolBar(exportMenu(), whole, windowLabel);
        bar.setPadding(new Insets(2, 6, 2, 6));
        setTop(bar);
        setCenter(side);
        setBottom(overview);

        workspace.activityProperty().addListener((obs, old, now) -> rebuild());
        workspace.modelProperty().addListener((obs, old, now) -> {
            showTau(TauChart.of(now));
            rebuild();
        });
        workspace.rolloutProperty().addListener((obs, old, now) -> rebuild());
        workspace.selection().selected().addListener((SetChangeListener<Integer>) change -> selectionChanged());
        workspace.cursor().stepProperty().addListener((obs, old, now) -> {
            if (window.follow(now.intValue())) {
                drawWindow();
            } else {
                placeCursors();
                overview.mark(window.from(), window.to(), now.intValue());
            }
        });
        showTau(TauChart.of(workspace.modelProperty().get()));
        rebuild();
    }

    /** Chart {@code c}'s viewer with its cursor line laid over it. */
    private StackPane chartPane(Chart c) {
        ChartViewer viewer = viewer(c);
        CursorLine cursor = new CursorLine();
        cursors.put(c, cursor);
        // the canvas has just drawn the chart: its data area may have moved (new data, new size)
        charts.get(c).addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                placeCursor(c);
            }
        });
        HoverReadout hover = new HoverReadout();
        hovers.put(c, hover);
        viewer.setOnMouseExited(e -> hoverAt(Double.NaN));
        StackPane pane = new StackPane(viewer, cursor, hover);
        pane.setMinSize(0, 0);
        if (c == Chart.TAU) {
            tauNote.setId(TAU_NOTE_ID);
            tauNote.setVisible(false);
            tauNote.setWrapText(true);
            tauNote.setPadding(new Insets(8));
            // the chart's white, so the note reads as the chart's content rather than a gap between charts
            tauNote.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tauNote.setAlignment(javafx.geometry.Pos.CENTER);
            tauNote.setStyle("-fx-background-color: white;");
            pane.getChildren().add(tauNote);
        }
        return pane;
    }

    private ChartViewer viewer(Chart c) {
        NumberAxis steps = new NumberAxis("step");
        steps.setAutoRange(false);
        steps.setLabelFont(LABEL_FONT);
        steps.setTickLabelFont(TICK_FONT);
        ValueAxis range = c == Chart.TAU ? linearTau : new NumberAxis(c.stem);
        if (range instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(TraceStyles.OUTPUT);
        XYPlot plot = new XYPlot(new TraceDataset(0, List.of()), steps, range, renderer);
        plot.setNoDataMessage("Open a model and a rollout to see the traces");
        JFreeChart chart = new JFreeChart(c.title, TITLE_FONT, plot, true);
        ChartFactory.getChartTheme().apply(chart);
        TraceStyles.plot(plot);
        // a hidden series keeps its legend entry (a click shows it again), named so
        renderer.setLegendItemLabelGenerator((dataset, series) -> dataset.getSeriesKey(series)
                + (Boolean.FALSE.equals(renderer.getSeriesLinesVisible(series)) ? " (hidden)" : ""));
        // the theme's fonts are sized for a chart filling a window; three share the bottom strip here
        chart.getTitle().setFont(TITLE_FONT);
        range.setLabelFont(LABEL_FONT);
        range.setTickLabelFont(TICK_FONT);
        steps.setLabelFont(LABEL_FONT);
        steps.setTickLabelFont(TICK_FONT);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TICK_FONT);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 2));
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(ID + "-" + c.fileStem());
        viewer.setMinSize(160, 120);
        ChartCanvas canvas = viewer.getCanvas();
        // the step axis is shared by the three charts and a click means "go to this step": no zooming
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        MouseHandlerFX scroll = canvas.getMouseHandler("scroll");
        if (scroll != null) {
            canvas.removeMouseHandler(scroll);
        }
        // the viewer's own export items would draw the chart without the cursor line, which is not in it
        viewer.getContextMenu().getItems().setAll(chartExportItems(c));
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof LegendItemEntity item) {
                    toggleSeries(c, item.getSeriesKey());
                    return;
                }
                if (!event.getTrigger().isStillSincePress()) {
                    return; // the end of a drag that panned the window
                }
                double step = stepAt(c, event.getTrigger().getX());
                if (!Double.isNaN(step)) {
                    moveCursorTo(step);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                hoverAt(stepAt(c, event.getTrigger().getX()));
            }
        });
        viewer.addEventFilter(ScrollEvent.SCROLL, e -> {
            double about = stepAt(c, e.getX());
            if (window.zoom(Math.exp(-e.getDeltaY() * 0.003),
                    Double.isNaN(about) ? (window.from() + window.to()) / 2.0 : about)) {
                drawWindow();
            }
            e.consume();
        });
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragFrom = window.from();
        });
        viewer.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> panBy(c, e.getX()));
        viewer.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        charts.put(c, chart);
        viewers.put(c, viewer);
        return viewer;
    }

    /**
     * Hides series {@code key} of chart {@code c}, or shows it again: its line goes, its legend entry stays (marked
     * hidden) so that a second click brings it back.
     */
    public void toggleSeries(Chart c, Comparable<?> key) {
        XYPlot plot = charts.get(c).getXYPlot();
        int series = plot.getDataset().indexOf(key);
        if (series < 0) {
            return;
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        boolean shown = !Boolean.FALSE.equals(renderer.getSeriesLinesVisible(series));
        redrawLater(c);
        renderer.setSeriesLinesVisible(series, !shown);
    }

    /** True when series {@code key} of chart {@code c} is drawn. */
    public boolean seriesShown(Chart c, Comparable<?> key) {
        XYPlot plot = charts.get(c).getXYPlot();
        int series = plot.getDataset().indexOf(key);
        return series >= 0 && !Boolean.FALSE.equals(((XYLineAndShapeRenderer) plot.getRenderer())
                .getSeriesLinesVisible(series));
    }

    /** Shows the step nearest {@code step} on every chart with the values there; NaN hides the readouts. */
    public void hoverAt(double step) {
        int t = (int) Math.round(step);
        for (Chart c : Chart.values()) {
            HoverReadout hover = hovers.get(c);
            ChartRenderingInfo info = viewers.get(c).getRenderingInfo();
            if (Double.isNaN(step) || t < 0 || t >= steps || info == null || info.getPlotInfo() == null) {
                hover.hide();
                continue;
            }
            Rectangle2D area = info.getPlotInfo().getDataArea();
            hover.show(viewers.get(c).getCanvas(), xOf(c, t), area.getMinY(), area.getMaxY(), area.getMinX(),
                    area.getMaxX(), hoverText(c, t));
        }
    }

    /** What the hover box of chart {@code c} says (null while hidden; tests). */
    String hoverText(Chart c) {
        return hovers.get(c).text();
    }

    private String hoverText(Chart c, int t) {
        XYPlot plot = charts.get(c).getXYPlot();
        TraceDataset data = (TraceDataset) plot.getDataset();
        StringBuilder sb = new StringBuilder("step ").append(t);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            if (seriesShown(c, data.getSeriesKey(k))) {
                sb.append('\n').append(data.getSeriesKey(k)).append(": ")
                        .append(String.format(java.util.Locale.ROOT, "%.5g", data.valueAt(k, t)));
            }
        }
        return sb.toString();
    }

    /** Pans the window with a drag over chart {@code c} that is now at canvas x {@code x}. */
    private void panBy(Chart c, double x) {
        ChartRenderingInfo info = viewers.get(c).getRenderingInfo();
        if (Double.isNaN(dragX) || window.whole() || info == null || info.getPlotInfo() == null) {
            return;
        }
        double width = info.getPlotInfo().getDataArea().getWidth();
        if (width > 0 && window.moveTo(dragFrom - (x - dragX) / width * window.width())) {
            drawWindow();
        }
    }

    /** Zooms every chart's window by {@code factor} about {@code step} (tests; the wheel does this). */
    public void zoomWindow(double factor, double step) {
        if (window.zoom(factor, step)) {
            drawWindow();
        }
    }

    /** The first step shown and one past the last (tests). */
    public int[] shownSteps() {
        return new int[] {window.from(), window.to()};
    }

    /** The chart drawn in the {@code c} panel. */
    public JFreeChart chart(Chart c) {
        return charts.get(c);
    }

    /** The line that shows the time cursor over chart {@code c} (in the chart pane's coordinates). */
    javafx.scene.shape.Line cursorLine(Chart c) {
        return cursors.get(c).line();
    }

    /** The viewer that draws chart {@code c}. */
    public ChartViewer chartViewer(Chart c) {
        return viewers.get(c);
    }

    /** The neurons currently drawn (selected ones, or the motor neurons). */
    public List<TraceNeuron> shownNeurons() {
        return shown;
    }

    /** The table the CSV export writes (null until an activity exists). */
    public TraceTable table() {
        return table;
    }

    /**
     * The step (data x) under canvas x-coordinate {@code x} of chart {@code c}, or NaN outside its data area
     * or before the chart was drawn.
     */
    public double stepAt(Chart c, double x) {
        ChartRenderingInfo info = viewers.get(c).getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return Double.NaN;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (area.getWidth() <= 0 || x < area.getMinX() || x > area.getMaxX()) {
            return Double.NaN;
        }
        XYPlot plot = charts.get(c).getXYPlot();
        return plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    }

    /** The canvas x-coordinate of {@code step} on chart {@code c} (NaN before it was drawn). */
    public double xOf(Chart c, double step) {
        ChartRenderingInfo info = viewers.get(c).getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return Double.NaN;
        }
        XYPlot plot = charts.get(c).getXYPlot();
        return plot.getDomainAxis().valueToJava2D(step, info.getPlotInfo().getDataArea(), plot.getDomainAxisEdge());
    }

    /** Moves the time cursor to the step nearest {@code step} (clamped by the cursor). */
    public void moveCursorTo(double step) {
        workspace.cursor().moveTo((int) Math.round(step));
    }

    private void selectionChanged() {
        Activity a = workspace.activityProperty().get();
        if (a == null) {
            return;
        }
        List<TraceNeuron> now = TraceNeuron.shownIn(workspace.selection().selected(), workspace.modelProperty().get(), a.neurons());
        if (!now.equals(shown)) {
            showNeurons(a, now);
        }
    }

    /** New datasets for all three charts: the activity, the model or the rollout changed. */
    private void rebuild() {
        Activity a = workspace.activityProperty().get();
        Rollout r = workspace.rolloutProperty().get();
        int n = a != null ? a.steps() : r != null ? r.steps() : 0;
        if (n != steps || n != window.steps()) {
            steps = n;
            window.reset(steps, workspace.cursor().step());
        }
        drawWindow();
        overview.show(a == null || a.outputs() == 0 ? null : t -> a.output(t, 0), steps);
        overview.mark(window.from(), window.to(), workspace.cursor().step());
    }

    /** Datasets of the window for all three charts: the window, the activity, the model or the rollout changed. */
    private void drawWindow() {
        Activity a = workspace.activityProperty().get();
        showNeurons(a, a == null ? List.of() : TraceNeuron.shownIn(workspace.selection().selected(), workspace.modelProperty().get(),
                a.neurons()));
        List<TraceDataset.Trace> outputs = new ArrayList<>();
        TraceTable t = table;
        int unclamped = 0;
        if (t != null) {
            for (int k = 0; k < t.outputNames().size(); k++) {
                int m = k;
                outputs.add(new TraceDataset.Trace("output " + t.outputNames().get(k), s -> a.output(s, m)));
            }
            String recorded = recordedActionName(t);
            for (int k = 0; k < t.actionNames().size(); k++) {
                int m = k;
                outputs.add(new TraceDataset.Trace(recorded != null ? recorded : "action " + t.actionNames().get(k),
                        s -> t.action(s, m)));
            }
            // with clamps the model's own output stays beside the clamped one, for comparison
            Activity own = workspace.unclampedActivityProperty().get();
            if (!workspace.clampsProperty().get().isEmpty() && own != null && own != a && own.steps() == steps) {
                for (int k = 0; k < t.outputNames().size(); k++) {
                    int m = k;
                    outputs.add(new TraceDataset.Trace("output " + t.outputNames().get(k) + " (no clamp)",
                            s -> own.output(s, m)));
                    unclamped++;
                }
            }
        }
        TraceDataset data = new TraceDataset(window.from(), window.to(), outputs);
        if (t != null) {
            TraceStyles.outputs((XYLineAndShapeRenderer) charts.get(Chart.OUTPUT).getXYPlot().getRenderer(),
                    t.outputNames().size(), t.actionNames().size(), unclamped, !data.reduced());
        }
        set(Chart.OUTPUT, data);
    }

    /**
     * The rollout's own name for its one recorded action, when its world columns name it ({@code executed_action}
     * in the sample world), so the chart and the world line below the frame call it the same; else null.
     */
    private String recordedActionName(TraceTable t) {
        Rollout r = workspace.rolloutProperty().get();
        if (r == null || t.actionNames().size() != 1 || r.worldNames() == null) {
            return null;
        }
        return r.worldNames().contains(EXECUTED_ACTION) ? EXECUTED_ACTION : null;
    }

    /** New state and tau datasets for {@code neurons}; the output chart does not depend on them. */
    private void showNeurons(Activity a, List<TraceNeuron> neurons) {
        shown = neurons;
        table = a == null ? null : TraceTable.of(a, shown, workspace.modelProperty().get(),
                workspace.rolloutProperty().get());
        List<TraceDataset.Trace> states = new ArrayList<>();
        List<TraceDataset.Trace> taus = new ArrayList<>();
        for (TraceNeuron n : shown) {
            int id = n.id();
            states.add(new TraceDataset.Trace(n.name(), s -> a.state(s, id)));
            taus.add(new TraceDataset.Trace(n.name(), s -> a.tau(s, id)));
        }
        TraceStyles.neurons((XYLineAndShapeRenderer) charts.get(Chart.STATE).getXYPlot().getRenderer(), states.size());
        TraceStyles.neurons((XYLineAndShapeRenderer) charts.get(Chart.TAU).getXYPlot().getRenderer(), taus.size());
        set(Chart.STATE, new TraceDataset(window.from(), window.to(), states));
        TraceDataset tauData = new TraceDataset(window.from(), window.to(), taus);
        // a log axis spreads taus over decades, but only positive ones (a CfC's time gate can be negative); the
        // drawn points hold each run's lowest value, so they answer for every step
        boolean tauPositive = true;
        for (int k = 0; k < tauData.getSeriesCount(); k++) {
            for (int i = 0; i < tauData.getItemCount(k); i++) {
                tauPositive &= tauData.getYValue(k, i) > 0;
            }
        }
        redrawLater(Chart.TAU);
        charts.get(Chart.TAU).getXYPlot().setRangeAxis(tauPositive && !shown.isEmpty() ? logTau : linearTau);
        set(Chart.TAU, tauData);
    }

    private void set(Chart c, TraceDataset data) {
        redrawLater(c);
        XYPlot plot = charts.get(c).getXYPlot();
        // the step range first: the value axis fits itself to the data inside the step range
        plot.getDomainAxis().setRange(window.from(), Math.max(window.from() + 1, window.to() - 1));
        if (plot.getRangeAxis() instanceof NumberAxis values) {
            values.setAutoRangeMinimumSize(smallestRange(data));
        }
        plot.setDataset(data);
        windowLabel.setText(window.whole() ? "all " + steps + " steps"
                : String.format(java.util.Locale.ROOT, "steps %,d-%,d of %,d", window.from(), window.to() - 1, steps));
        overview.mark(window.from(), window.to(), workspace.cursor().step());
    }

    /**
     * The narrowest value range drawn for {@code data}: a thousandth of its largest magnitude. A constant trace (a
     * clamped neuron) otherwise got a range of 1e-8 and ten tick labels all reading -4.335856E-1.
     */
    static double smallestRange(TraceDataset data) {
        double largest = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double y = Math.abs(data.getYValue(s, i));
                largest = Double.isFinite(y) ? Math.max(largest, y) : largest;
            }
        }
        return largest > 0 ? largest * 1e-3 : 1e-3;
    }

    private void placeCursors() {
        for (Chart c : Chart.values()) {
            placeCursor(c);
        }
    }

    /** Puts chart {@code c}'s cursor line at the cursor step, over the data area the chart last drew. */
    private void placeCursor(Chart c) {
        CursorLine cursor = cursors.get(c);
        if (cursor == null) {
            return;
        }
        ChartRenderingInfo info = viewers.get(c).getRenderingInfo();
        double x = steps < 1 ? Double.NaN : xOf(c, workspace.cursor().step());
        if (Double.isNaN(x) || info.getPlotInfo() == null) {
            cursor.place(viewers.get(c).getCanvas(), Double.NaN, 0, 0);
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        cursor.place(viewers.get(c).getCanvas(), x, area.getMinY(), area.getMaxY());
    }

    /**
     * Holds back chart {@code c}'s redraws until the next frame. Datasets and markers change at once (so
     * anyone reading them sees the new state), but several changes within one frame - the two events of a
     * new single selection, a fast scrub - cost one redraw.
     */
    private void redrawLater(Chart c) {
        if (pending.add(c)) {
            charts.get(c).setNotify(false);
            redraw.start();
        }
    }

    /** Draws every chart that changed since the last frame (called by the frame timer; tests may call it). */
    void redrawPending() {
        redraw.stop();
        for (Chart c : pending) {
            charts.get(c).setNotify(true);
        }
        pending.clear();
    }

    /**
     * Titles the tau chart for the model's kind of time constant, or puts a note in its place when the model has none
     * (torch layers): an empty plot would look like a failure to compute them.
     */
    private void showTau(TauChart now) {
        tau = now;
        charts.get(Chart.TAU).setTitle(now.title());
        charts.get(Chart.TAU).getTitle().setFont(TITLE_FONT);
        for (javafx.scene.Node n : List.of(viewers.get(Chart.TAU), cursors.get(Chart.TAU), hovers.get(Chart.TAU))) {
            n.setVisible(now.drawn());
        }
        tauNote.setText(now.drawn() ? "" : now.absent());
        tauNote.setVisible(!now.drawn());
    }

    /** What the tau chart shows for the open model: its title, or the note in its place. */
    public TauChart tauChart() {
        return tau;
    }

    /** Writes chart {@code c} and its cursor line as PNG at its size on screen (or 900 x 320 when not shown). */
    public void exportPng(Chart c, Path file) {
        Export.now(pngExport(c), file);
    }

    /** Writes chart {@code c} and its cursor line as SVG at its size on screen (or 900 x 320 when not shown). */
    public void exportSvg(Chart c, Path file) {
        Export.now(svgExport(c), file);
    }

    /** Writes chart {@code c} and its cursor line as JPEG at its size on screen (or 900 x 320 when not shown). */
    public void exportJpeg(Chart c, Path file) {
        Export.now(jpegExport(c), file);
    }

    /** The PNG export of chart {@code c}: the chart is copied on the JavaFX thread, drawn and encoded off it. */
    public Export pngExport(Chart c) {
        return file -> ChartExports.png(drawn(c, file), exportWidth(c), exportHeight(c), exportedCursor(), file);
    }

    /** The SVG export of chart {@code c}, as {@link #pngExport}. */
    public Export svgExport(Chart c) {
        return file -> ChartExports.svg(drawn(c, file), exportWidth(c), exportHeight(c), exportedCursor(), file);
    }

    /** The JPEG export of chart {@code c}, as {@link #pngExport}. */
    public Export jpegExport(Chart c) {
        return file -> ChartExports.jpeg(drawn(c, file), exportWidth(c), exportHeight(c), exportedCursor(), file);
    }

    /** Chart {@code c} to export to {@code file}, refused in one line when it is not drawn for this model. */
    private JFreeChart drawn(Chart c, Path file) {
        if (c == Chart.TAU && !tau.drawn()) {
            throw new LiquidLensException(file, tau.absent());
        }
        return charts.get(c);
    }

    private double exportedCursor() {
        return steps < 1 ? Double.NaN : workspace.cursor().step();
    }

    /**
     * Writes the traces of the shown neurons as CSV, on the calling thread.
     *
     * @throws LiquidLensException naming {@code file} when there is no activity yet or it cannot be written
     */
    public void exportCsv(Path file) {
        Export.now(csvExport(), file);
    }

    /**
     * The CSV export: the table of the neurons shown now is taken on the JavaFX thread (it reads the activity in
     * place, and activities are never changed), and written off it.
     *
     * @throws LiquidLensException from the capture, naming the file, when there is no activity yet
     */
    public Export csvExport() {
        return file -> {
            TraceTable shownNow = table;
            if (shownNow == null) {
                throw new LiquidLensException(file, "no traces to export: open a model and a rollout first");
            }
            return progress -> shownNow.write(file, progress);
        };
    }

    private int exportWidth(Chart c) {
        double w = viewers.get(c).getWidth();
        return w >= 50 ? (int) Math.round(w) : EXPORT_WIDTH;
    }

    private int exportHeight(Chart c) {
        double h = viewers.get(c).getHeight();
        return h >= 50 ? (int) Math.round(h) : EXPORT_HEIGHT;
    }

    /** The chart's right-click menu: PNG, JPEG and SVG, each with the cursor line. */
    private List<MenuItem> chartExportItems(Chart c) {
        MenuItem png = new MenuItem("Export as PNG...");
        png.setOnAction(e -> choose(exportTitle(c, "PNG"), c.fileStem() + ".png", "PNG image", "png", pngExport(c)));
        MenuItem jpeg = new MenuItem("Export as JPEG...");
        jpeg.setOnAction(e -> choose(exportTitle(c, "JPEG"), c.fileStem() + ".jpg", "JPEG image", "jpg",
                jpegExport(c)));
        MenuItem svg = new MenuItem("Export as SVG...");
        svg.setOnAction(e -> choose(exportTitle(c, "SVG"), c.fileStem() + ".svg", "SVG drawing", "svg", svgExport(c)));
        return List.of(png, jpeg, svg);
    }

    private MenuButton exportMenu() {
        MenuButton menu = new MenuButton("Export");
        menu.setId(ID + "-export");
        for (Chart c : Chart.values()) {
            MenuItem png = new MenuItem(c.title + " as PNG...");
            png.setOnAction(e -> choose(exportTitle(c, "PNG"), c.fileStem() + ".png", "PNG image", "png",
                    pngExport(c)));
            MenuItem svg = new MenuItem(c.title + " as SVG...");
            svg.setOnAction(e -> choose(exportTitle(c, "SVG"), c.fileStem() + ".svg", "SVG drawing", "svg",
                    svgExport(c)));
            menu.getItems().addAll(png, svg);
        }
        MenuItem csv = new MenuItem("Traces as CSV...");
        csv.setOnAction(e -> choose(CSV_TITLE, "traces.csv", "CSV table", "csv", csvExport()));
        menu.getItems().addAll(new SeparatorMenuItem(), csv);
        return menu;
    }

    /** The window's Export menu names a chart's export so ("Chart Neuron state as PNG..."). */
    public static String exportTitle(Chart chart, String format) {
        return "Chart " + chart.title() + " as " + format + "...";
    }

    /**
     * Asks {@code chooser} (title, extension to a path or null) where this view's Export menu saves: the window's
     * dialogs, which start in the last export folder and suggest a name from the model. Without one (the view on
     * its own) a plain save dialog asks.
     */
    public void askWhereToSave(BiFunction<String, String, Path> chooser) {
        this.saveAs = chooser;
    }

    private void choose(String title, String name, String what, String extension, Export export) {
        Path target;
        if (saveAs != null) {
            target = saveAs.apply(title, extension);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, "*." + extension));
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            target = file == null ? null : file.toPath();
        }
        if (target != null) {
            exporter.export("Exporting " + target.getFileName(), export, target);
        }
    }

    private static void exportFailed(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Export failed");
        alert.show();
    }
}
