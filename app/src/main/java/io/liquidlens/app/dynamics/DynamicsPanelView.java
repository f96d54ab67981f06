package io.liquidlens.app.dynamics;

import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.RolloutDynamics;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Dynamics tab: the PC1-PC2 trajectory, the scree, the drive on the map coloured by a neuron (or PC1), and a
 * neuron against the output by steering class, each with the time cursor's point marked. The charts are drawn when
 * the result, the selection or the colour choice change; a cursor move only moves the marks ({@link MarkedChart}). A
 * click on a point of the trajectory, the map or the scatter moves the cursor to that point's step.
 */
public final class DynamicsPanelView extends BorderPane {
    /** Node ids, for tests. */
    public static final String ID = "dynamics-panel";
    public static final String STATUS_ID = ID + "-status";
    public static final String MAP_MISSING_ID = ID + "-map-missing";
    public static final String COLOUR_ID = ID + "-colour";
    public static final String COMPUTE_ID = ID + "-compute";
    public static final String CANCEL_ID = ID + "-cancel";

    /** How near a click must fall to a step's point, in pixels, to move the cursor there. */
    private static final double PICK_RADIUS = 8;

    private final DynamicsPanelViewModel model;
    private final MarkedChart trajectory = new MarkedChart(ID + "-trajectory", DynamicsCharts.trajectory());
    private final MarkedChart scree = new MarkedChart(ID + "-scree", DynamicsCharts.scree());
    private final MarkedChart map = new MarkedChart(ID + "-map", DynamicsCharts.map());
    private final MarkedChart scatter = new MarkedChart(ID + "-scatter", DynamicsCharts.scatter());
    private final Label mapMissing = new Label();
    private final Tooltip rule = new Tooltip();

    /** The tab's view of {@code model}. */
    public DynamicsPanelView(DynamicsPanelViewModel model) {
        this.model = model;
        setId(ID);
        setTop(toolBar());
        setCenter(grid());
        setBottom(lines());
        rule.setWrapText(true);
        rule.setMaxWidth(420);
        rule.setText("Steps are classed by the network's output: left (positive), straight (a dead band around"
                + " zero) or right.");
        Tooltip.install(scatter, rule);
        trajectory.onPick((x, y) -> {
            RolloutDynamics r = current();
            pick(trajectory, x, y, r == null ? null : r.pc1(), r == null ? null : r.pc2());
        });
        map.onPick((x, y) -> {
            RolloutDynamics r = current();
            pick(map, x, y, r == null || !r.hasMap() ? null : r.x(), r == null ? null : r.y());
        });
        scatter.onPick((x, y) -> {
            ScatterSeries s = model.scatterProperty().get();
            pick(scatter, x, y, s == null ? null : s.x(), s == null ? null : s.output());
        });
        model.resultProperty().addListener((obs, old, now) -> showResult(now));
        model.coloursProperty().addListener((obs, old, now) -> showColours(now));
        model.scatterProperty().addListener((obs, old, now) -> showScatter(now));
        model.mapMissingProperty().addListener((obs, old, now) -> showMissing(now));
        // a hidden tab's marks wait: playback with another tab shown pays nothing here
        model.workspace().cursor().stepProperty().addListener((obs, old, now) -> {
            if (model.activeProperty().get()) {
                mark();
            }
        });
        model.activeProperty().addListener((obs, old, now) -> mark());
        showResult(model.resultProperty().get());
        showColours(model.coloursProperty().get());
        showScatter(model.scatterProperty().get());
        showMissing(model.mapMissingProperty().get());
    }

    private ToolBar toolBar() {
        ChoiceBox<MapColour> colour = new ChoiceBox<>(FXCollections.observableArrayList(MapColour.values()));
        colour.setId(COLOUR_ID);
        colour.valueProperty().bindBidirectional(model.mapColourProperty());
        colour.setTooltip(new Tooltip("What colours the drive on the map: the selected neuron's state or time"
                + " constant (the neuron clicked last), or PC1; PC1 when no neuron is selected"));
        Button compute = new Button("Compute");
        compute.setId(COMPUTE_ID);
        compute.setTooltip(new Tooltip("Compute the dynamics again (they are computed when the tab is shown)"));
        compute.disableProperty().bind(model.computingProperty().or(model.resultProperty().isNotNull()));
        compute.setOnAction(e -> model.compute());
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.disableProperty().bind(model.computingProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ToolBar bar = new ToolBar(new Label("Map colour"), colour, compute, cancel);
        bar.setPadding(new Insets(2, 6, 2, 6));
        return bar;
    }

    private GridPane grid() {
        mapMissing.setId(MAP_MISSING_ID);
        mapMissing.setWrapText(true);
        mapMissing.setMaxWidth(Double.MAX_VALUE);
        mapMissing.setAlignment(Pos.CENTER);
        mapMissing.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-padding: 6;");
        mapMissing.setVisible(false);
        StackPane mapPane = new StackPane(map, mapMissing);
        mapPane.setMinSize(0, 0);
        GridPane grid = new GridPane();
        grid.add(trajectory, 0, 0);
        grid.add(scree, 1, 0);
        grid.add(mapPane, 0, 1);
        grid.add(scatter, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        return grid;
    }

    private VBox lines() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(2, status, error);
        box.setPadding(new Insets(4, 6, 4, 6));
        return box;
    }

    private void showResult(DynamicsResult d) {
        RolloutDynamics r = d == null ? null : d.rollouts().get(0);
        set(trajectory.chart(), r == null ? new DefaultXYDataset() : DynamicsCharts.trajectoryData(r.pc1(), r.pc2()),
                null);
        set(scree.chart(), d == null ? new XYSeriesCollection()
                : DynamicsCharts.screeData(d.pca().explainedVarianceRatio()), d == null ? "Scree"
                : String.format(Locale.ROOT, "Scree: PC1 explains %.1f%%", 100 * d.pca().pc1Share()));
        mark();
    }

    private void showColours(ColourSeries c) {
        RolloutDynamics r = current();
        JFreeChart chart = map.chart();
        chart.setNotify(false);
        if (c != null && r != null && r.hasMap()) {
            DynamicsCharts.colourScale(chart, c);
            chart.getXYPlot().setDataset(DynamicsCharts.mapData(r.x(), r.y(), c));
        } else {
            chart.getXYPlot().setDataset(new DefaultXYZDataset());
        }
        chart.setNotify(true);
        mark();
    }

    private void showScatter(ScatterSeries s) {
        JFreeChart chart = scatter.chart();
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(s == null ? new DefaultXYDataset() : DynamicsCharts.scatterData(s, plot));
        chart.setTitle(s == null ? "Neuron against output" : s.xLabel() + " vs output");
        chart.setNotify(true);
        if (s != null) {
            rule.setText(s.rule());
        }
        mark();
    }

    private void showMissing(String line) {
        mapMissing.setText(line == null ? "" : line);
        mapMissing.setVisible(line != null);
    }

    private static void set(JFreeChart chart, XYDataset data, String title) {
        chart.setNotify(false);
        chart.getXYPlot().setDataset(data);
        if (title != null) {
            chart.setTitle(title);
        }
        chart.setNotify(true);
    }

    private RolloutDynamics current() {
        DynamicsResult d = model.resultProperty().get();
        return d == null ? null : d.rollouts().get(0);
    }

    /** A click on {@code chart}: the cursor goes to the step drawn nearest it, if one is within a few pixels. */
    private void pick(MarkedChart chart, double x, double y, float[] xs, float[] ys) {
        if (xs == null || ys == null) {
            return;
        }
        int t = chart.nearest(x, y, xs, ys, PICK_RADIUS);
        if (t >= 0) {
            model.workspace().cursor().moveTo(t);
        }
    }

    /** Moves the marks to the cursor's step: the only work a cursor move does here. */
    private void mark() {
        RolloutDynamics r = current();
        int t = model.workspace().cursor().step();
        if (r == null || t >= r.pc1().length) {
            trajectory.mark(Double.NaN, Double.NaN);
            map.mark(Double.NaN, Double.NaN);
            scatter.mark(Double.NaN, Double.NaN);
            return;
        }
        trajectory.mark(r.pc1()[t], r.pc2()[t]);
        map.mark(r.hasMap() && model.coloursProperty().get() != null ? r.x()[t] : Double.NaN,
                r.hasMap() ? r.y()[t] : Double.NaN);
        ScatterSeries s = model.scatterProperty().get();
        scatter.mark(s == null || t >= s.x().length ? Double.NaN : s.x()[t],
                s == null || t >= s.output().length ? Double.NaN : s.output()[t]);
    }

    /** The view model. */
    public DynamicsPanelViewModel model() {
        return model;
    }

    /** The trajectory chart with its mark (tests). */
    MarkedChart trajectoryChart() {
        return trajectory;
    }

    /** The scree chart (tests). */
    MarkedChart screeChart() {
        return scree;
    }

    /** The map chart with its mark (tests). */
    MarkedChart mapChart() {
        return map;
    }

    /** The scatter chart with its mark (tests). */
    MarkedChart scatterChart() {
        return scatter;
    }

    /** The line shown over the map when it cannot be drawn (tests). */
    Label mapMissingLabel() {
        return mapMissing;
    }
}
