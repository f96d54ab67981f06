package io.liquidlens.app;

import io.liquidlens.app.saliency.SaliencyPanelView;
import io.liquidlens.app.saliency.StepMaps;
import io.liquidlens.app.tree.TreePanelView;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench never freezes: on the camera sample, headless, the JavaFX thread is never busy for more than
 * {@link #LIMIT} at a time while a model loads, a rollout is simulated, a tree is extracted, saliency is computed,
 * any item of the Export menu writes its file, or a causality report runs.
 *
 * <p>Each operation runs once first, measured and reported but not held to the limit (class loading and the JIT's
 * first compilations happen once per session, not per click), then is measured again in a window of its own, up to
 * {@link #ATTEMPTS} times (see {@link FxWatchdog#calmestOf}); what is checked is a block's own time, without the
 * time its threads waited for a core on a busy machine ({@link FxWatchdog.Block#ownNanos()}). Every figure is
 * printed at the end, so the test is also how they are measured:
 * {@code mvn -o -q -pl app -am test -Dtest=WorkbenchNeverFreezesTest -Dsurefire.failIfNoSpecifiedTests=false};
 * add {@code -Dwatchdog.stacks=true} to print where the JavaFX thread was in each operation's longest block.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchNeverFreezesTest {
    static final Duration LIMIT = Duration.ofMillis(100);
    private static final int ATTEMPTS = 3;
    private static final int WAIT_SECONDS = 60;
    /** Operation to "first run / calmest run" in milliseconds, printed once every test has run. */
    private static final Map<String, String> FIGURES = new ConcurrentSkipListMap<>();

    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicReference<Path> chosen = new AtomicReference<>();
    private WorkbenchApp app;
    private FxWatchdog watchdog;
    private FxRobot robot;
    private final SoftAssertions softly = new SoftAssertions();

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(LaunchOptions.none());
        app.start(stage);
        // each export writes a new file, so the test can wait for the one it asked for
        app.setSaveChooser((title, extension) -> {
            Path file = tmp.resolve("export-" + files.incrementAndGet() + "." + extension);
            chosen.set(file);
            return file;
        });
        app.setReportOpener(index -> { });
    }

    @BeforeEach
    void watch(FxRobot robot) throws Exception {
        this.robot = robot;
        watchdog = FxWatchdog.start();
    }

    @AfterEach
    void stop() throws Exception {
        watchdog.close();
        Workbenches.close(robot, app);
    }

    @AfterAll
    static void printFigures() {
        StringBuilder table = new StringBuilder("Longest block of the JavaFX thread, ms, without the time its threads"
                + " waited for a core: first run / calmest of " + ATTEMPTS + " measured runs (the same with that"
                + " waiting; CPU used in the calmest):");
        FIGURES.forEach((op, figure) -> table.append(String.format(Locale.ROOT, "%n  %-34s %s", op, figure)));
        System.out.println(table);
    }

    @Test
    void loadingAModelAndSimulatingARolloutNeverBlocksTheWindow() throws Exception {
        measure("open model and rollout", () -> {
            robot.interact(() -> app.workspace().open(TestModels.CAMERA_SAMPLE, TestModels.CAMERA_EPISODE));
            awaitNewActivity(null);
        });
        measure("load model (and simulate)", () -> {
            LoadedModel before = app.workspace().modelProperty().get();
            robot.interact(() -> app.workspace().openModel(TestModels.CAMERA_SAMPLE));
            await(() -> app.workspace().modelProperty().get() != before
                    && app.workspace().activityProperty().get() != null);
        });
        measure("simulate rollout", () -> {
            Activity before = app.workspace().activityProperty().get();
            robot.interact(() -> app.workspace().openRollout(TestModels.CAMERA_EPISODE));
            awaitNewActivity(before);
        });
        measure("simulate with a clamp", () -> {
            Activity before = app.workspace().activityProperty().get();
            float value = 0.1f * files.incrementAndGet();
            robot.interact(() -> app.workspace().clamps().clamp(3, value));
            awaitNewActivity(before);
        });
        softly.assertAll();
    }

    @Test
    void extractingATreeNeverBlocksTheWindow() throws Exception {
        openSample();
        TreePanelView panel = showTab(2, TreePanelView.ID, TreePanelView.class);
        Button extract = robot.lookup("#" + TreePanelView.EXTRACT_ID).queryAs(Button.class);
        measure("extract tree", () -> {
            Object before = panel.model().resultProperty().get();
            robot.interact(extract::fire);
            await(() -> panel.model().resultProperty().get() != before);
        });
        softly.assertAll();
    }

    @Test
    void computingSaliencyNeverBlocksTheWindow() throws Exception {
        openSample();
        SaliencyPanelView panel = showTab(3, SaliencyPanelView.ID, SaliencyPanelView.class);
        AtomicInteger step = new AtomicInteger(10);
        measure("compute saliency", () -> {
            int at = step.addAndGet(17);
            robot.interact(() -> app.workspace().cursor().moveTo(at));
            await(() -> {
                StepMaps m = panel.model().mapsProperty().get();
                return m != null && m.step() == at && !panel.model().computingProperty().get();
            });
        });
        softly.assertAll();
    }

    @Test
    void everyExportNeverBlocksTheWindow() throws Exception {
        openSample();
        TreePanelView tree = showTab(2, TreePanelView.ID, TreePanelView.class);
        robot.interact(() -> robot.lookup("#" + TreePanelView.EXTRACT_ID).queryAs(Button.class).fire());
        await(() -> tree.model().resultProperty().get() != null);
        List<MenuItem> exports = exportItems();
        softly.assertThat(exports).extracting(MenuItem::getText).contains("Window as PNG...", "Wiring graph as PNG...",
                "Wiring graph as SVG...", "Chart Neuron state as PNG...", "Chart Liquid time constant as SVG...", "Traces as CSV...",
                "Input frame as PNG...", "Tree as DOT...", "Tree as PDF...");
        for (MenuItem item : exports) {
            measure("export " + item.getText().replace("...", ""), () -> {
                robot.interact(item::fire);
                Path written = chosen.get();
                await(() -> Files.isRegularFile(written));
            });
        }
        softly.assertAll();
    }

    @Test
    void anExportThatSleepsOnTheFxThreadIsCaughtInTheSameWayEveryOperationIsMeasured() throws Exception {
        openSample();
        robot.interact(() -> app.addExport("Slow export...", file -> {
            try {
                // the mistake the watchdog is there for: slow work in the capture, on the JavaFX thread
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return progress -> Files.writeString(file, "late");
        }, "txt"));
        MenuItem slow = exportItems().stream().filter(i -> i.getText().equals("Slow export...")).findFirst()
                .orElseThrow();
        FxWatchdog.ThrowingRunnable export = () -> {
            robot.interact(slow::fire);
            Path written = chosen.get();
            await(() -> Files.isRegularFile(written));
        };
        watchdog.during(export);

        FxWatchdog.Block calmest = watchdog.calmestOf(ATTEMPTS, LIMIT, export);

        org.assertj.core.api.Assertions.assertThat(calmest.ownMillis()).isGreaterThanOrEqualTo(290);
        org.assertj.core.api.Assertions.assertThat(calmest.stack()).contains("Thread.sleep");
    }

    @Test
    void startingACausalityReportNeverBlocksTheWindow() throws Exception {
        openSample();
        var report = app.report();
        robot.interact(() -> {
            report.models().setAll(TestModels.CAMERA_SAMPLE);
            report.rolloutsProperty().set(TestModels.CAMERA_EPISODE);
            report.perturbationsProperty().set("noise=0.1");
            report.framesProperty().set(3);
            report.episodesProperty().set(1);
            report.episodeStepsProperty().set(20);
            report.interventionsProperty().set(false);
        });
        measure("causality report (start to written)", () -> {
            Path out = tmp.resolve("report-" + files.incrementAndGet());
            robot.interact(() -> {
                report.outProperty().set(out);
                report.run();
            });
            await(() -> report.writtenProperty().get() != null || report.errorProperty().get() != null);
            softly.assertThat(report.errorProperty().get()).as("report error").isNull();
        });
        softly.assertAll();
    }

    /** Runs {@code operation} once (reported only), then measures it again; records both and checks the limit. */
    private void measure(String name, FxWatchdog.ThrowingRunnable operation) throws Exception {
        FxWatchdog.Block first = watchdog.during(operation);
        FxWatchdog.Block calmest = watchdog.calmestOf(ATTEMPTS, LIMIT, operation);
        FIGURES.put(name, String.format(Locale.ROOT, "%4d / %4d     (%4d / %4d; CPU: JavaFX thread %d, renderer %d)",
                first.ownMillis(), calmest.ownMillis(), first.millis(), calmest.millis(),
                TimeUnit.NANOSECONDS.toMillis(calmest.cpuNanos()), TimeUnit.NANOSECONDS.toMillis(calmest.renderCpuNanos())));
        if (Boolean.getBoolean("watchdog.stacks")) {
            System.out.println("== " + name + " first: " + first + "\n== calmest: " + calmest);
        }
        softly.assertThat(calmest.ownNanos()).as("%s: longest block of the JavaFX thread %s", name, calmest)
                .isLessThanOrEqualTo(LIMIT.toNanos());
    }

    private void openSample() throws Exception {
        robot.interact(() -> app.workspace().open(TestModels.CAMERA_SAMPLE, TestModels.CAMERA_EPISODE));
        awaitNewActivity(null);
    }

    private <T extends javafx.scene.Node> T showTab(int index, String id, Class<T> type) {
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
        return robot.lookup("#" + id).queryAs(type);
    }

    private void awaitNewActivity(Activity before) throws Exception {
        await(() -> {
            Activity now = app.workspace().activityProperty().get();
            return now != null && now != before;
        });
    }

    private static void await(BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, done::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<MenuItem> exportItems() {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> WorkbenchApp.EXPORT_MENU_ID.equals(m.getId()))
                .flatMap(m -> m.getItems().stream()).toList();
    }
}
