package io.liquidlens.app.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.traces.TraceChartsView.Chart;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.sim.Activity;
import io.liquidlens.wiring.Wiring;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.geom.Rectangle2D;
import javafx.scene.shape.Line;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The trace charts on Monocle: series follow the selection, markers follow the cursor, clicks move it. */
@ExtendWith(ApplicationExtension.class)
class TraceChartsViewTest {
    private static final int STEPS = 120;

    @TempDir
    Path tmp;

    private WorkspaceViewModel workspace;
    private TraceChartsView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("traces-test");
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(TestModels.ltcFixture(dir.resolve("model")));
        workspace.openRollout(rolloutWithActions(dir.resolve("r.npz"), STEPS, 8, 5));
        view = new TraceChartsView(workspace);
        stage.setScene(new Scene(view, 900, 720));
        stage.show();
    }

    /** Seeded Gaussian inputs and a recorded action column: the output chart draws it beside the output. */
    static Path rolloutWithActions(Path file, int steps, int features, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[steps * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] a = new float[steps];
        for (int t = 0; t < steps; t++) {
            a[t] = (float) Math.sin(t * 0.1);
        }
        Rollouts.write(file, new Rollout(NdArray.ofFloats(new int[] {steps, features}, x), null,
                NdArray.ofFloats(new int[] {steps, 1}, a), null, null, List.of(), null, null, Map.of()));
        return file;
    }

    private static List<String> seriesNames(TraceChartsView view, Chart c) {
        XYDataset data = view.chart(c).getXYPlot().getDataset();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            names.add(data.getSeriesKey(s).toString());
        }
        return names;
    }

    private Wiring wiring() {
        return workspace.modelProperty().get().network().connectivity().orElseThrow();
    }

    @Test
    void withNothingSelectedTheMotorNeuronIsDrawn() {
        assertThat(workspace.activityProperty().get()).isNotNull();
        assertThat(wiring().role(0).ncpsName()).isEqualTo("motor");
        assertThat(seriesNames(view, Chart.STATE)).containsExactly("motor 0 (id 0)");
        assertThat(seriesNames(view, Chart.TAU)).containsExactly("motor 0 (id 0)");
        assertThat(seriesNames(view, Chart.OUTPUT)).containsExactly("output 0", "action 0");
    }

    @Test
    void hoveringAStepShowsEveryShownSeriesValueThereOnEveryChart(FxRobot robot) {
        robot.interact(view::redrawPending);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.hoverAt(37.2));
        Activity a = workspace.activityProperty().get();

        assertThat(view.hoverText(Chart.OUTPUT)).startsWith("step 37\n")
                .contains(String.format(java.util.Locale.ROOT, "output 0: %.5g", a.output(37, 0)))
                .contains(String.format(java.util.Locale.ROOT, "action 0: %.5g", (float) Math.sin(3.7)));
        assertThat(view.hoverText(Chart.STATE)).contains(String.format(java.util.Locale.ROOT, "motor 0 (id 0): %.5g",
                a.state(37, 0)));
        robot.interact(() -> view.hoverAt(Double.NaN));
        assertThat(view.hoverText(Chart.TAU)).isNull();
    }

    @Test
    void aLegendClickHidesASeriesAndASecondShowsItAgain(FxRobot robot) {
        robot.interact(() -> view.toggleSeries(Chart.OUTPUT, "action 0"));
        assertThat(view.seriesShown(Chart.OUTPUT, "action 0")).isFalse();
        assertThat(view.seriesShown(Chart.OUTPUT, "output 0")).isTrue();
        var legend = view.chart(Chart.OUTPUT).getXYPlot().getLegendItems();
        assertThat(legend.getItemCount()).as("the hidden series keeps its entry").isEqualTo(2);
        assertThat(legend.get(1).getLabel()).isEqualTo("action 0 (hidden)");
        robot.interact(() -> view.hoverAt(5));
        assertThat(view.hoverText(Chart.OUTPUT)).doesNotContain("action 0");

        robot.interact(() -> view.toggleSeries(Chart.OUTPUT, "action 0"));
        assertThat(view.seriesShown(Chart.OUTPUT, "action 0")).isTrue();
    }

    @Test
    void outputAndRecordedActionDifferInColourAndPatternOnAWhitePlot() {
        XYPlot plot = view.chart(Chart.OUTPUT).getXYPlot();
        var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer();
        assertThat(plot.getBackgroundPaint()).isEqualTo(java.awt.Color.WHITE);
        assertThat(renderer.getSeriesPaint(0)).isNotEqualTo(renderer.getSeriesPaint(1));
        var output = (java.awt.BasicStroke) renderer.getSeriesStroke(0);
        var action = (java.awt.BasicStroke) renderer.getSeriesStroke(1);
        assertThat(output.getDashArray()).isNull();
        assertThat(action.getDashArray()).isNotNull();
    }

    @Test
    void zoomingShowsAWindowThatFollowsTheCursorAndWholeShowsEveryStepAgain(FxRobot robot) {
        robot.interact(() -> view.zoomWindow(0.5, 60));
        assertThat(view.shownSteps()).containsExactly(30, 90);
        for (Chart c : Chart.values()) {
            XYPlot plot = view.chart(c).getXYPlot();
            assertThat(plot.getDomainAxis().getRange().getLowerBound()).isEqualTo(30);
            XYDataset data = plot.getDataset();
            assertThat(data.getItemCount(0)).isEqualTo(60);
            assertThat(data.getXValue(0, 0)).isEqualTo(30);
        }
        Activity a = workspace.activityProperty().get();
        assertThat(view.chart(Chart.OUTPUT).getXYPlot().getDataset().getYValue(0, 5)).isEqualTo(a.output(35, 0));
        assertThat(robot.lookup("#" + TraceChartsView.WINDOW_LABEL_ID).queryLabeled().getText())
                .isEqualTo("steps 30-89 of 120");

        robot.interact(() -> workspace.cursor().moveTo(100));
        assertThat(view.shownSteps()[1]).as("the window followed the cursor").isGreaterThan(100);

        robot.clickOn("#" + TraceChartsView.WHOLE_ID);
        assertThat(view.shownSteps()).containsExactly(0, STEPS);
        assertThat(robot.lookup("#" + TraceChartsView.WINDOW_LABEL_ID).queryLabeled().getText())
                .isEqualTo("all 120 steps");
    }

    @Test
    void aRecordedActionTheWorldNamesIsCalledByThatName(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("traces-world");
        Path plain = rolloutWithActions(dir.resolve("plain.npz"), STEPS, 8, 5);
        Rollout r = io.liquidlens.io.Rollouts.read(plain);
        Path named = dir.resolve("named.npz");
        Rollouts.write(named, new Rollout(r.inputs(), null, r.actions(), null, r.actions(), List.of("executed_action"),
                null, null, Map.of()));
        robot.interact(() -> workspace.openRollout(named));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(seriesNames(view, Chart.OUTPUT)).containsExactly("output 0", "executed_action");
    }

    @Test
    void everyValueAxisSpansAllItsData(FxRobot robot) {
        robot.interact(() -> workspace.selection().selectOnly(6));
        for (Chart c : Chart.values()) {
            XYPlot plot = view.chart(c).getXYPlot();
            XYDataset data = plot.getDataset();
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    assertThat(plot.getRangeAxis().getRange().contains(data.getYValue(s, i)))
                            .as("%s series %d item %d", c, s, i).isTrue();
                }
            }
        }
    }

    @Test
    void aClampedNeuronsFlatTraceGetsAReadableRangeNotTenEqualTicks(FxRobot robot) {
        robot.interact(() -> {
            workspace.clamps().clamp(6, -0.4336f);
            workspace.selection().selectOnly(6);
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot plot = view.chart(Chart.STATE).getXYPlot();
        assertThat(plot.getDataset().getYValue(0, 50)).as("the test's premise: the trace is flat").isCloseTo(-0.4336,
                org.assertj.core.api.Assertions.within(1e-6));

        assertThat(plot.getRangeAxis().getRange().getLength()).isGreaterThanOrEqualTo(0.4336e-3);
        assertThat(plot.getRangeAxis().getRange().contains(-0.4336)).isTrue();
    }

    @Test
    void selectingANeuronAddsASeriesNamedAfterIt(FxRobot robot) {
        robot.interact(() -> workspace.selection().selectOnly(4));
        String name4 = "command 3 (id 4)"; // named as the graph names it: the fixture AutoNCP has commands 1-7
        assertThat(seriesNames(view, Chart.STATE)).containsExactly(name4);
        robot.interact(() -> workspace.selection().toggle(12));
        String name12 = "inter 4 (id 12)";
        assertThat(seriesNames(view, Chart.STATE)).containsExactly(name4, name12);
        assertThat(seriesNames(view, Chart.TAU)).containsExactly(name4, name12);
        XYDataset states = view.chart(Chart.STATE).getXYPlot().getDataset();
        Activity a = workspace.activityProperty().get();
        assertThat(states.getItemCount(1)).isEqualTo(STEPS);
        assertThat(states.getYValue(1, 77)).isEqualTo(a.state(77, 12));
        assertThat(view.chart(Chart.TAU).getXYPlot().getDataset().getYValue(0, 33)).isEqualTo(a.tau(33, 4));
    }

    @Test
    void movingTheCursorMovesEveryCursorLineAndKeepsTheDatasets(FxRobot robot) {
        XYDataset before = view.chart(Chart.STATE).getXYPlot().getDataset();
        robot.interact(() -> workspace.cursor().moveTo(42));
        WaitForAsyncUtils.waitForFxEvents();
        for (Chart c : Chart.values()) {
            XYPlot plot = view.chart(c).getXYPlot();
            assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).as("no marker in the chart itself").isNullOrEmpty();
            assertThat(plot.getDomainAxis().getRange().getUpperBound()).isEqualTo(STEPS - 1);
            assertLineAt(c, 42);
        }
        assertThat(view.chart(Chart.STATE).getXYPlot().getDataset()).isSameAs(before);
    }

    /** The cursor line of {@code c} is shown at the canvas x of {@code step}, spanning the data area. */
    private void assertLineAt(Chart c, int step) {
        Line line = view.cursorLine(c);
        ChartCanvas canvas = view.chartViewer(c).getCanvas();
        double x = view.xOf(c, step);
        assertThat(line.isVisible()).as("%s line shown", c).isTrue();
        Point2D start = canvas.sceneToLocal(line.localToScene(line.getStartX(), line.getStartY()));
        Point2D end = canvas.sceneToLocal(line.localToScene(line.getEndX(), line.getEndY()));
        // drawn on the centre of the pixel column that holds the step
        assertThat(start.getX()).as("%s line x", c).isCloseTo(x, within(0.51));
        assertThat(end.getX()).isEqualTo(start.getX());
        Rectangle2D area = view.chartViewer(c).getRenderingInfo().getPlotInfo().getDataArea();
        assertThat(start.getY()).isCloseTo(area.getMinY(), within(0.01));
        assertThat(end.getY()).isCloseTo(area.getMaxY(), within(0.01));
    }

    @Test
    void aCursorMoveRedrawsNoChart(FxRobot robot) {
        robot.interact(() -> workspace.cursor().moveTo(10));
        WaitForAsyncUtils.waitForFxEvents();
        Map<Chart, int[]> changes = new java.util.EnumMap<>(Chart.class);
        Map<Chart, int[]> draws = new java.util.EnumMap<>(Chart.class);
        for (Chart c : Chart.values()) {
            int[] changed = new int[1];
            int[] drawn = new int[1];
            changes.put(c, changed);
            draws.put(c, drawn);
            view.chart(c).addChangeListener(e -> changed[0]++);
            view.chart(c).addProgressListener(e -> {
                if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                    drawn[0]++;
                }
            });
        }
        robot.interact(() -> {
            workspace.cursor().moveTo(60);
            view.redrawPending();
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (Chart c : Chart.values()) {
            assertThat(changes.get(c)[0]).as("%s change events", c).isZero();
            assertThat(draws.get(c)[0]).as("%s draws", c).isZero();
            assertLineAt(c, 60);
        }
        // a selection change does redraw the neuron charts, and the lines stay on the cursor
        robot.interact(() -> {
            workspace.selection().selectOnly(5);
            view.redrawPending();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(draws.get(Chart.STATE)[0]).isEqualTo(1);
        assertThat(draws.get(Chart.TAU)[0]).isEqualTo(1);
        for (Chart c : Chart.values()) {
            assertLineAt(c, 60);
        }
    }

    @Test
    void aClickedDataPositionMovesTheCursorToTheNearestStep(FxRobot robot) {
        robot.interact(() -> view.moveCursorTo(17.4));
        assertThat(workspace.cursor().step()).isEqualTo(17);
        robot.interact(() -> view.moveCursorTo(1e9));
        assertThat(workspace.cursor().step()).isEqualTo(STEPS - 1);
    }

    @Test
    void aRobotClickOnAChartMovesTheCursorThere(FxRobot robot) {
        for (Chart c : Chart.values()) {
            ChartCanvas canvas = view.chartViewer(c).getCanvas();
            int target = 30 + 20 * c.ordinal();
            double x = view.xOf(c, target);
            assertThat(x).isFinite();
            // the middle of the data area, where the cursor line lies over the chart too
            Rectangle2D area = view.chartViewer(c).getRenderingInfo().getPlotInfo().getDataArea();
            Point2D screen = canvas.localToScreen(x, area.getCenterY());
            robot.clickOn(screen);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(workspace.cursor().step()).as("%s click", c).isBetween(target - 1, target + 1);
            assertLineAt(c, workspace.cursor().step());
        }
    }

    @Test
    void tauTicksAreLabelledAtLeastThriceOnAShortLogRange() {
        assertThat(SpanTickAxis.tickValues(0.43, 0.72, 8)).hasSizeBetween(3, 8)
                .allSatisfy(v -> assertThat(v).isBetween(0.43, 0.72));
        assertThat(SpanTickAxis.tickValues(0.01, 50, 12)).contains(0.01, 0.1, 1.0, 10.0);
        assertThat(SpanTickAxis.tickValues(1e-6, 1e6, 4)).hasSizeBetween(2, 4);
        assertThat(SpanTickAxis.label(0.5)).isEqualTo("0.5");
        assertThat(SpanTickAxis.label(2e-5)).isEqualTo("2E-5");
    }

    @Test
    void everyChartIsDrawnBigEnoughToRead() {
        for (Chart c : Chart.values()) {
            Rectangle2D area = view.chartViewer(c).getRenderingInfo().getPlotInfo().getDataArea();
            assertThat(area.getHeight()).as("%s plot height", c).isGreaterThan(100);
            assertThat(area.getWidth()).as("%s plot width", c).isGreaterThan(150);
        }
    }

    @Test
    void pngAndSvgExportsAreReadableAndCsvHoldsTheActivity(FxRobot robot) throws Exception {
        robot.interact(() -> {
            workspace.selection().selectOnly(3);
            workspace.cursor().moveTo(50);
        });
        Path png = tmp.resolve("state.png");
        Path svg = tmp.resolve("tau.svg");
        Path csv = tmp.resolve("traces.csv");
        robot.interact(() -> {
            view.exportPng(Chart.STATE, png);
            view.exportSvg(Chart.TAU, svg);
            view.exportCsv(csv);
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(100);
        assertThat(distinctColours(image)).isGreaterThan(10);
        assertThat(cursorColumns(image)).as("the exported chart shows the cursor line").isNotEmpty();
        assertThat(Files.readString(svg)).contains("rgb(220,30,30)");
        Path jpeg = tmp.resolve("output.jpg");
        robot.interact(() -> view.exportJpeg(Chart.OUTPUT, jpeg));
        assertThat(ImageIO.read(jpeg.toFile()).getWidth()).isGreaterThan(100);
        Files.delete(jpeg);
        // the right-click menu exports through the same code, so its files show the cursor too
        assertThat(view.chartViewer(Chart.STATE).getContextMenu().getItems()).extracting(i -> i.getText())
                .containsExactly("Export as PNG...", "Export as JPEG...", "Export as SVG...");

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the SVG 1.1 doctype names a DTD on w3.org; the test must not go online for it
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = xml.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThan(0);
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");

        List<String> lines = Files.readAllLines(csv);
        String name = "command 2 (id 3)";
        assertThat(lines.get(0)).isEqualTo("step," + name + " state," + name + " tau,output 0,action 0");
        assertThat(lines).hasSize(STEPS + 1);
        Activity a = workspace.activityProperty().get();
        NdArray actions = workspace.rolloutProperty().get().actions();
        for (int t = 0; t < STEPS; t++) {
            String[] cells = lines.get(t + 1).split(",");
            assertThat(cells).hasSize(5);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(t);
            assertThat(Float.parseFloat(cells[1])).isEqualTo(a.state(t, 3));
            assertThat(Float.parseFloat(cells[2])).isEqualTo(a.tau(t, 3));
            assertThat(Float.parseFloat(cells[3])).isEqualTo(a.output(t, 0));
            assertThat(Float.parseFloat(cells[4])).isEqualTo(actions.floatsView()[t]);
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("state.png", "tau.svg", "traces.csv");
        }
    }

    /** Columns where at least 20 pixels have the cursor line's red (no series is drawn in it). */
    static List<Integer> cursorColumns(BufferedImage image) {
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            int red = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 170 && g < 70 && b < 70) {
                    red++;
                }
            }
            if (red >= 20) {
                columns.add(x);
            }
        }
        return columns;
    }

    static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
