package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.workspace.ModelPanelView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench window on Monocle (headless), started without arguments. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(LaunchOptions.none());
        app.start(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void windowOpensWithAStatusLineAndThreeEmptySlots(FxRobot robot) {
        Label status = robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).contains("No model loaded");
        assertThat(robot.window(0).isShowing()).isTrue();
        for (String id : new String[] {WorkbenchApp.GRAPH_SLOT_ID, WorkbenchApp.TRACES_SLOT_ID,
                WorkbenchApp.INPUT_SLOT_ID}) {
            assertThat(robot.lookup("#" + id).queryAs(StackPane.class).getChildren()).hasSize(1);
        }
    }

    @Test
    void theDefaultWindowFitsASmallLaptopScreenAndShowsEveryChartReadably(FxRobot robot) {
        var scene = app.stage().getScene();
        // with a title bar (about 30 px) and a desktop panel (about 40 px) on a 1366 x 768 screen
        assertThat(scene.getWidth()).isLessThanOrEqualTo(1366);
        assertThat(scene.getHeight()).isLessThanOrEqualTo(768 - 70);
        var traces = robot.lookup("#" + io.liquidlens.app.traces.TraceChartsView.ID)
                .queryAs(io.liquidlens.app.traces.TraceChartsView.class);
        WaitForAsyncUtils.waitForFxEvents();
        for (var c : io.liquidlens.app.traces.TraceChartsView.Chart.values()) {
            var area = traces.chartViewer(c).getRenderingInfo().getPlotInfo().getDataArea();
            assertThat(area.getHeight()).as("%s plot height", c).isGreaterThan(100);
            assertThat(area.getWidth()).as("%s plot width", c).isGreaterThan(200);
        }
        assertThat(robot.lookup("#" + WorkbenchApp.MAIN_SPLIT_ID).queryAs(javafx.scene.control.SplitPane.class)
                .getDividers()).as("a divider the user can drag").hasSize(1);
    }

    @Test
    void placedViewsFillTheirSlots(FxRobot robot) {
        Region graph = new Region();
        Region input = new Region();
        robot.interact(() -> app.placeViews(graph, null, input));
        assertThat(robot.lookup("#" + WorkbenchApp.GRAPH_SLOT_ID).queryAs(StackPane.class).getChildren())
                .containsExactly(graph);
        assertThat(robot.lookup("#" + WorkbenchApp.INPUT_SLOT_ID).queryAs(StackPane.class).getChildren())
                .containsExactly(input);
        assertThat(robot.lookup("#" + WorkbenchApp.TRACES_SLOT_ID).queryAs(StackPane.class).getChildren().get(0))
                .as("a null view leaves the slot as it was: the trace charts")
                .isInstanceOf(io.liquidlens.app.traces.TraceChartsView.class);
    }

    @Test
    void openingAModelShowsItsSizeTableWithoutBlockingTheWindow(FxRobot robot) throws Exception {
        Path folder = TestModels.ltcFixture(tmp.resolve("m"));
        robot.interact(() -> app.workspace().openModel(folder));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + ModelPanelView.SUMMARY_ID).queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TextArea summary = robot.lookup("#" + ModelPanelView.SUMMARY_ID).queryAs(TextArea.class);
        assertThat(summary.getText()).contains("11 inter, 7 command, 1 motor").contains("Size table");
        assertThat(robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class).getText()).contains("fixture NCP");
    }

    @Test
    void aBadModelShowsAnErrorDialogAndKeepsTheLoadedModel(FxRobot robot) throws Exception {
        Path folder = TestModels.ltcFixture(tmp.resolve("m"));
        robot.interact(() -> app.workspace().openModel(folder));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().modelProperty().get() != null);
        var loaded = app.workspace().modelProperty().get();
        robot.interact(() -> app.workspace().openModel(tmp.resolve("not-a-model")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("not-a-model");
        assertThat(dialog.getHeaderText()).isEqualTo("Not opened");
        assertThat(app.workspace().modelProperty().get()).isSameAs(loaded);
    }

    @Test
    void anErrorDialogSaysWhatFailedAndLetsAPathWrapBetweenFolders(FxRobot robot) throws Exception {
        robot.interact(() -> app.workspace().clamps().clamp(0, "lots"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);

        assertThat(dialog.getHeaderText()).isEqualTo("Invalid clamp value");
        assertThat(dialog.getContentText()).contains("\"lots\" is not a number");
        assertThat(WorkbenchApp.breakablePaths("/home/me/models/my-ncp: no model.json"))
                .isEqualTo("/\u200Bhome/\u200Bme/\u200Bmodels/\u200Bmy-ncp: no model.json");
    }

    @Test
    void anExportAddedByAViewAppearsInTheExportMenuAndWritesTheChosenFileOffTheFxThread(FxRobot robot) throws Exception {
        Path target = tmp.resolve("out.csv");
        app.setSaveChooser((title, extension) -> target);
        var onFxThread = new java.util.concurrent.atomic.AtomicIntegerArray(2);
        robot.interact(() -> app.addExport("Test export...", path -> {
            onFxThread.set(0, javafx.application.Platform.isFxApplicationThread() ? 1 : 0);
            return progress -> {
                onFxThread.set(1, javafx.application.Platform.isFxApplicationThread() ? 1 : 0);
                Files.writeString(path, "step,x\n");
            };
        }, "csv"));
        MenuItem item = exportItem(robot, "Test export...");
        robot.interact(item::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(target));
        assertThat(target).hasContent("step,x");
        assertThat(new int[] {onFxThread.get(0), onFxThread.get(1)}).as("captured on the JavaFX thread (1), written off it (0)")
                .containsExactly(1, 0);
    }

    @Test
    void theWindowRendersToAPngThatIsNotBlank(FxRobot robot) throws Exception {
        Path png = tmp.resolve("window.png");
        app.setSaveChooser((title, extension) -> png);
        robot.interact(() -> exportItem(robot, "Window as PNG...").fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).hasSizeGreaterThan(8);
    }

    @Test
    void thePanesOwnExportControlsAskTheWindowsDialogsWithTheMenusTitles(FxRobot robot) throws Exception {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path png = tmp.resolve("pane.png");
        app.setSaveChooser((title, extension) -> {
            asked.add(title + "|" + extension);
            return png;
        });
        javafx.scene.control.MenuButton traces = robot.lookup("#" + io.liquidlens.app.traces.TraceChartsView.ID
                + "-export").queryAs(javafx.scene.control.MenuButton.class);
        MenuItem first = traces.getItems().get(0);
        robot.interact(first::fire);
        javafx.scene.control.Button input = robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class)
                .stream().filter(b -> "Export PNG...".equals(b.getText())).findFirst().orElseThrow();
        robot.interact(input::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> asked.size() == 2);
        assertThat(asked).containsExactly(
                io.liquidlens.app.traces.TraceChartsView.exportTitle(
                        io.liquidlens.app.traces.TraceChartsView.Chart.values()[0], "PNG") + "|png",
                io.liquidlens.app.input.InputFrameView.EXPORT_TITLE + "|png");
        assertThat(FileDialogs.suggestedName("ncp-lanekeeping", asked.get(1).split("\\|")[0], "png"))
                .isEqualTo("ncp-lanekeeping-input-frame.png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(png));
    }

    private static MenuItem exportItem(FxRobot robot, String label) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> WorkbenchApp.EXPORT_MENU_ID.equals(m.getId()))
                .flatMap(m -> m.getItems().stream()).filter(i -> label.equals(i.getText())).findFirst().orElseThrow();
    }
}
