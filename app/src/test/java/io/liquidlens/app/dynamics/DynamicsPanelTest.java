package io.liquidlens.app.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.TestModels;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.RolloutDynamics;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Dynamics tab in the whole window on the camera sample: computed when shown, marks that follow the cursor. */
@ExtendWith(ApplicationExtension.class)
class DynamicsPanelTest {
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    @TempDir
    Path tmp;
    private WorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(new LaunchOptions(TestModels.CAMERA_SAMPLE, TestModels.CAMERA_EPISODE, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    private DynamicsPanelView showTab(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        Workbenches.showSideTab(robot, "Dynamics");
        return robot.lookup("#" + DynamicsPanelView.ID).queryAs(DynamicsPanelView.class);
    }

    private static DynamicsResult awaitResult(DynamicsPanelView panel) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.model().resultProperty().get() != null
                && panel.trajectoryChart().markerOnCanvas() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return panel.model().resultProperty().get();
    }

    @Test
    void theTabComputesTheSamplesDynamicsWhenShownAndSaysPc1sShare(FxRobot robot) throws Exception {
        DynamicsPanelView panel = showTab(robot);
        DynamicsResult d = awaitResult(panel);

        String share = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * d.pca().pc1Share());
        assertThat(robot.lookup("#" + DynamicsPanelView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("PC1 explains " + share + " of the variance of 18 neurons (motor neurons left out)"
                        + " over 600 steps");
        assertThat(panel.screeChart().chart().getTitle().getText()).isEqualTo("Scree: PC1 explains " + share);
        assertThat(panel.screeChart().chart().getXYPlot().getDataset().getItemCount(0))
                .isEqualTo(d.pca().explainedVarianceRatio().length);
        assertThat(panel.mapChart().chart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(600);
        assertThat(panel.mapMissingLabel().isVisible()).isFalse();
    }

    @Test
    void aCursorMoveMovesTheMarksToItsStepAndRedrawsNoChart(FxRobot robot) throws Exception {
        DynamicsPanelView panel = showTab(robot);
        RolloutDynamics r = awaitResult(panel).rollouts().get(0);
        AtomicInteger drawn = new AtomicInteger();
        for (MarkedChart c : new MarkedChart[] {panel.trajectoryChart(), panel.screeChart(), panel.mapChart(),
                panel.scatterChart()}) {
            c.chart().addProgressListener(e -> {
                if (e.getType() == ChartProgressEvent.DRAWING_STARTED) {
                    drawn.incrementAndGet();
                }
            });
        }
        Point2D before = panel.trajectoryChart().markerOnCanvas();

        robot.interact(() -> app.workspace().cursor().moveTo(300));
        WaitForAsyncUtils.waitForFxEvents();

        Point2D after = panel.trajectoryChart().markerOnCanvas();
        assertThat(after).isNotEqualTo(before);
        Point2D expected = panel.trajectoryChart().canvasPoint(r.pc1()[300], r.pc2()[300]);
        assertThat(after.getX()).isCloseTo(expected.getX(), within(0.5));
        assertThat(after.getY()).isCloseTo(expected.getY(), within(0.5));
        Point2D car = panel.mapChart().markerOnCanvas();
        Point2D where = panel.mapChart().canvasPoint(r.x()[300], r.y()[300]);
        assertThat(car.getX()).isCloseTo(where.getX(), within(0.5));
        assertThat(car.getY()).isCloseTo(where.getY(), within(0.5));
        ScatterSeries s = panel.model().scatterProperty().get();
        Point2D dot = panel.scatterChart().markerOnCanvas();
        assertThat(dot.getY()).isCloseTo(panel.scatterChart().canvasPoint(s.x()[300], s.output()[300]).getY(),
                within(0.5));
        assertThat(drawn.get()).as("charts drawn again for a cursor move").isZero();

        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        javafx.scene.shape.Circle mark = panel.trajectoryChart().marker();
        Point2D at300 = new Point2D(mark.getCenterX(), mark.getCenterY());
        robot.interact(() -> {
            tabs.getSelectionModel().select(0);
            app.workspace().cursor().moveTo(100);
        });
        assertThat(new Point2D(mark.getCenterX(), mark.getCenterY())).as("a hidden tab's mark waits")
                .isEqualTo(at300);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D at100 = panel.trajectoryChart().canvasPoint(r.pc1()[100], r.pc2()[100]);
        assertThat(panel.trajectoryChart().markerOnCanvas().distance(at100)).as("shown again, it is at the cursor")
                .isLessThan(0.5);
    }

    @Test
    void aClickOnAPointOfTheMapOrTheTrajectoryMovesTheCursorToItsStep(FxRobot robot) throws Exception {
        DynamicsPanelView panel = showTab(robot);
        RolloutDynamics r = awaitResult(panel).rollouts().get(0);
        Point2D at400 = panel.mapChart().canvasPoint(r.x()[400], r.y()[400]);

        robot.interact(() -> panel.mapChart().pick(at400.getX(), at400.getY()));
        assertThat(app.workspace().cursor().step()).isEqualTo(400);

        Point2D at250 = panel.trajectoryChart().canvasPoint(r.pc1()[250], r.pc2()[250]);
        robot.interact(() -> panel.trajectoryChart().pick(at250.getX() + 0.4, at250.getY() - 0.4));
        int t = app.workspace().cursor().step();
        Point2D landed = panel.trajectoryChart().canvasPoint(r.pc1()[t], r.pc2()[t]);
        assertThat(landed.distance(at250)).as("a step drawn where the click fell").isLessThan(1.0);

        robot.interact(() -> panel.mapChart().pick(-500, -500));
        assertThat(app.workspace().cursor().step()).as("a click far from every point moves nothing").isEqualTo(t);
    }

    @Test
    void selectingANeuronColoursTheMapByItsStateAndTheChoiceByItsTimeConstant(FxRobot robot) throws Exception {
        DynamicsPanelView panel = showTab(robot);
        DynamicsResult d = awaitResult(panel);
        JFreeChart map = panel.mapChart().chart();
        PaintScaleLegend bar = (PaintScaleLegend) map.getSubtitle(0);
        ColourSeries pc1 = panel.model().coloursProperty().get();
        assertThat(map.getTitle().getText()).isEqualTo("Drive by PC1 (none selected)");
        assertThat(bar.getScale().getLowerBound()).isEqualTo(pc1.min());
        assertThat(bar.getScale().getUpperBound()).isEqualTo(pc1.max());

        robot.interact(() -> app.workspace().selection().selectOnly(4));
        String name = d.neurons().get(4).label();
        assertThat(map.getTitle().getText()).isEqualTo("Drive by state of " + name);
        float[] state = d.rollouts().get(0).activity().stateSeries(4);
        ColourSeries states = panel.model().coloursProperty().get();
        assertThat(bar.getScale().getLowerBound()).isEqualTo(states.min()).isNotEqualTo(pc1.min());
        assertThat(bar.getScale().getUpperBound()).isEqualTo(states.max());
        assertThat(map.getXYPlot().getDataset()).isInstanceOfSatisfying(org.jfree.data.xy.XYZDataset.class,
                z -> assertThat(z.getZValue(0, 123)).isEqualTo(state[123]));
        assertThat(panel.scatterChart().chart().getTitle().getText()).isEqualTo("state of " + name + " vs output");

        robot.interact(() -> panel.model().mapColourProperty().set(MapColour.TAU));
        assertThat(map.getTitle().getText()).isEqualTo("Drive by tau of " + name);
        assertThat(bar.getScale().getUpperBound()).isEqualTo(panel.model().coloursProperty().get().max());
    }

    @Test
    void aRolloutWithoutXAndYSaysWhichColumnsTheMapMisses(FxRobot robot) throws Exception {
        DynamicsPanelView panel = showTab(robot);
        awaitResult(panel);
        Path model = TestModels.ltcFixture(tmp.resolve("model"));
        Path rollout = TestModels.rollout(tmp.resolve("noise.npz"), 40, 8, 3);
        robot.interact(() -> app.workspace().open(model, rollout));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.model().resultProperty().get() != null
                && panel.model().resultProperty().get().rollouts().get(0).label().equals("noise.npz"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(panel.mapMissingLabel().isVisible()).isTrue();
        assertThat(panel.mapMissingLabel().getText())
                .isEqualTo("noise.npz has no world columns x, y, so its drive cannot be drawn on the map");
        assertThat(panel.mapChart().markerOnCanvas()).isNull();
        assertThat(panel.trajectoryChart().chart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(40);
    }

    @Test
    void cancelStopsTheComputationAndComputeStartsItAgain(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        DynamicsPanelView panel = robot.lookup("#" + DynamicsPanelView.ID).queryAs(DynamicsPanelView.class);
        Button cancel = robot.lookup("#" + DynamicsPanelView.CANCEL_ID).queryAs(Button.class);
        Button compute = robot.lookup("#" + DynamicsPanelView.COMPUTE_ID).queryAs(Button.class);
        // shown and cancelled in one turn of the FX thread: the task cannot have finished in between
        robot.interact(() -> {
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
            assertThat(panel.model().computingProperty().get()).isTrue();
            assertThat(cancel.isDisabled()).isFalse();
            cancel.fire();
        });
        assertThat(panel.model().statusProperty().get()).startsWith("Cancelled.");
        assertThat(compute.isDisabled()).isFalse();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.model().resultProperty().get()).as("the cancelled run's result is dropped").isNull();

        robot.interact(compute::fire);
        awaitResult(panel);
        assertThat(panel.model().statusProperty().get()).startsWith("PC1 explains");
        assertThat(compute.isDisabled()).isTrue();
    }
}
