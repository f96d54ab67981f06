package io.liquidlens.app;

import io.liquidlens.app.traces.TraceChartsView;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.jfree.data.xy.XYDataset;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What every test of the whole window does around it: wait for the session's simulation, close the window. */
public final class Workbenches {
    private Workbenches() {
    }

    /** Waits (10 s at most) until the opened model has been simulated over the opened rollout. */
    public static void awaitSimulated(WorkbenchApp app) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().activityProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Stops the application and closes its stages; the stage TestFX hands every test class gets back its freedom
     * to take any size (the workbench gives it a minimum and an explicit size), and the placement the workbench
     * remembered on stopping is forgotten, so each test's window opens at the first size (WindowPlacementTest covers
     * remembering).
     */
    public static void close(FxRobot robot, WorkbenchApp app) throws TimeoutException {
        robot.interact(() -> {
            app.stop();
            app.stage().setMaximized(false);
            app.stage().setMinWidth(0);
            app.stage().setMinHeight(0);
            try {
                WindowPlacement.preferences().removeNode();
            } catch (java.util.prefs.BackingStoreException e) {
                throw new IllegalStateException(e);
            }
        });
        FxToolkit.cleanupStages();
        // the workbench sizes its window after showing it (window managers ignore the size it was shown with),
        // which JavaFX then keeps for the stage's next scenes; asked while hidden, it sizes to the next scene again
        robot.interact(() -> app.stage().sizeToScene());
    }

    /** The names of chart {@code c}'s series, in order (the traces' neurons, outputs and actions). */
    public static List<String> seriesNames(TraceChartsView view,
                                                     TraceChartsView.Chart c) {
        XYDataset data = view.chart(c).getXYPlot().getDataset();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            names.add(data.getSeriesKey(s).toString());
        }
        return names;
    }

    /**
     * Saves the whole window as a PNG at {@code file} (pictures for the docs), after a moment for the last
     * frame's drawing to settle.
     */
    public static void screenshot(FxRobot robot, WorkbenchApp app, Path file) throws Exception {
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = app.stage().getScene().snapshot(null));
        var pixels = img[0].getPixelReader();
        BufferedImage out = new BufferedImage((int) img[0].getWidth(),
                (int) img[0].getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }

    /**
     * Shows the side tab titled {@code title} ("Tree", "Saliency", "Dynamics"), found by its title, not its place;
     * returns the tab pane.
     */
    public static javafx.scene.control.TabPane showSideTab(FxRobot robot, String title) {
        javafx.scene.control.TabPane tabs = robot.lookup("#side-tabs").queryAs(javafx.scene.control.TabPane.class);
        javafx.scene.control.Tab tab = tabs.getTabs().stream().filter(t -> title.equals(t.getText())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no side tab titled " + title));
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        return tabs;
    }
}
