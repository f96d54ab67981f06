package io.liquidlens.app;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.drive.DriveViewModel;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.Exporter;
import io.liquidlens.app.importing.ImportFormViewModel;
import io.liquidlens.app.playback.Playback;
import io.liquidlens.app.playback.PlaybackBar;
import io.liquidlens.app.playback.PlaybackKeys;
import io.liquidlens.app.report.CausalReportViewModel;
import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.workspace.RecentFiles;
import io.liquidlens.app.workspace.SampleFolders;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The LiquidLens workbench window. Layout: menu bar and the playback toolbar on top; the wiring graph
 * (left) beside a tab pane holding the input view, the model panel, the Tree tab and the Saliency tab (right);
 * the traces below, behind a divider the user can drag; a status line with progress and cancel at the bottom.
 *
 * <p>This class puts the window together and owns what lives as long as it: the workspace, the executor and
 * the view models of the Report menu. The parts are {@link WorkbenchMenus} (with File &gt; Open...'s {@link
 * OpenPairDialog}), {@link WorkbenchLayout} (the named slots), {@link WorkbenchViews} (the views in them and their
 * exports), {@link StatusBar}, {@link FileDrop}, {@link CausalityReportAction}, {@link DriveWithClampAction} and
 * {@link ProbeMode}. The workspace is told where the shipped sample models are, to offer them for a rollout the
 * loaded model cannot run on.
 *
 * <p>Arguments: {@code [MODEL_DIR [ROLLOUT.npz]] [--probe SECONDS] [--speed X]} (see {@link LaunchOptions}).
 */
public final class WorkbenchApp extends Application {
    /** Node id of the status line, for tests. */
    public static final String STATUS_ID = "status";
    /** Node ids of the three view slots (StackPanes). */
    public static final String GRAPH_SLOT_ID = "graph-slot";
    public static final String TRACES_SLOT_ID = "traces-slot";
    public static final String INPUT_SLOT_ID = "input-slot";
    public static final String TREE_SLOT_ID = "tree-slot";
    public static final String SALIENCY_SLOT_ID = "saliency-slot";
    public static final String DYNAMICS_SLOT_ID = "dynamics-slot";
    /** Node ids of the status bar's progress bar and cancel button. */
    public static final String PROGRESS_ID = "progress";
    public static final String CANCEL_ID = "cancel";
    /** Ids of the File > Recent and Export menus. */
    public static final String RECENT_MENU_ID = "menu-recent";
    public static final String EXPORT_MENU_ID = "menu-export";
    /** Id of the Report menu's "Causality report..." item and of the status bar's report line. */
    public static final String CAUSALITY_REPORT_ID = "menu-causality-report";
    public static final String REPORT_LINE_ID = "report-line";
    /** Id of "Drive with clamp..." (Report menu and the wiring graph's neuron menu). */
    public static final String DRIVE_ID = "menu-drive-with-clamp";
    /** Id of the split pane between the upper views and the traces. */
    public static final String MAIN_SPLIT_ID = "main-split";

    /** The window's first size: with its frame it fits a 1366 x 768 screen and its panel. */
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 680;

    private static volatile int exitStatus;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final LaunchOptions preset;
    private final long startedNanos = System.nanoTime();
    private WorkspaceViewModel workspace;
    private Exporter exporter;
    private ExportMenu exports;
    private Playback playback;
    private Stage stage;
    private WorkbenchLayout layout;
    private WorkbenchViews views;
    private CausalReportViewModel report;
    private CausalityReportAction reportAction;
    private DriveViewModel drive;
    private DriveWithClampAction driveAction;
    private HelpMenu help;
    private WindowPlacement placement;
    private KeepMaximised keeper;
    private NormalBounds normalBounds;
    private ImportCheckpointAction importAction;
    /** What a file dropped on the window does. */
    private Consumer<Path> dropped;
    /** What was wrong with the command line, shown once the window is up. */
    private String badArguments;

    /** The Help menu (tests). */
    HelpMenu help() {
        return help;
    }

    /** The application as {@code Application.launch} creates it: options come from the command line. */
    public WorkbenchApp() {
        this(null);
    }

    /** An application opening what {@code options} say instead of reading the command line (tests). */
    public WorkbenchApp(LaunchOptions options) {
        this.preset = options;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        LaunchOptions options = options();
        boolean probe = options.probeSeconds() > 0;
        keeper = KeepMaximised.install(stage);
        workspace = new WorkspaceViewModel(executor, RecentFiles.fromUserPreferences());
        exporter = new Exporter(executor, message -> error("Export failed", message));
        FileDialogs dialogs = new FileDialogs(stage, () -> workspace.modelProperty().get() == null ? null
                : workspace.modelProperty().get().folder().getFileName().toString(),
                WindowPlacement.preferences());
        dialogs.keepMaximised(keeper);
        exports = new ExportMenu(exporter, dialogs::saveFile);
        StatusBar status = new StatusBar(workspace, executor, this::cancelAll);
        report = new CausalReportViewModel(executor);
        reportAction = new CausalityReportAction(report, workspace, stage, status::say,
                uri -> getHostServices().showDocument(uri), () -> views == null ? Map.of() : views.inputRoles());
        drive = new DriveViewModel(workspace, executor);
        driveAction = new DriveWithClampAction(drive, workspace, stage, status::say);
        playback = new Playback(workspace.cursor());
        importAction = new ImportCheckpointAction(executor, workspace, stage, keeper);

        BorderPane root = new BorderPane();
        workspace.setSampleModels(SampleFolders.models(Launcher.find(Launcher.DEFAULT_SAMPLE.resolve("model.json"))
                .map(p -> p.getParent().getParent()).orElse(null)));
        OpenPairDialog openPair = new OpenPairDialog(workspace, dialogs, executor, stage);
        MenuBar menus = WorkbenchMenus.of(workspace, dialogs, openPair::show, exports, reportAction::open,
                driveAction::open);
        help = new HelpMenu(stage, uri -> getHostServices().showDocument(uri));
        menus.getMenus().add(help.menu());
        importAction.addTo(menus);
        root.setTop(new VBox(menus, new PlaybackBar(playback)));
        layout = new WorkbenchLayout(workspace);
        root.setCenter(new StackPane(layout.root(), LoadingVeil.over(workspace, executor)));
        root.setBottom(status.node());
        if (!probe) {
            showErrorsAsDialogs();
        }
        dropped = importAction.onDrop(workspace::openDropped, status::say);
        FileDrop.install(root, dropped);
        placement = WindowPlacement.fromUserPreferences();
        javafx.geometry.Dimension2D size = placement.sceneSize();
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        PlaybackKeys.install(scene, playback);
        // the model's name, not the build: About says which build it is
        stage.setTitle("LiquidLens");
        workspace.summaryProperty().addListener((obs, old, s) ->
                stage.setTitle("LiquidLens" + (s == null ? "" : " - " + s.name())));
        stage.setScene(scene);
        placement.apply(stage);
        WindowSizes.show(stage, placement.maximised());
        normalBounds = NormalBounds.install(stage, placement.maximised());
        placement.restoreDividers(layout.splits());
        // after the window is shown and before the start-up model is opened, so views see it arrive like any other
        views = new WorkbenchViews(workspace, executor, exporter, layout, exports, driveAction::open);
        if (badArguments != null) {
            workspace.fail("Invalid command line", badArguments);
        }
        if (probe) {
            ProbeMode.start(options, workspace, playback, scene, startedNanos, code -> {
                exitStatus = code;
                Platform.exit();
            });
        }
        if (options.model() != null) {
            workspace.open(options.model(), options.rollout());
        }
    }

    /**
     * Puts the three views into their slots (a null argument leaves that slot's placeholder). Each view fills
     * its slot; it should bind to {@link #workspace()} (model, activity, cursor, selection) itself.
     */
    public void placeViews(Node graph, Node traces, Node input) {
        layout.placeViews(graph, traces, input);
    }

    /**
     * Adds {@code label} to the Export menu: choosing it asks for a file ending in {@code .extension}, captures
     * what {@code export} shows at once on the JavaFX thread (snapshots need that thread) and writes it as a
     * background task, with progress and cancel in the status bar. An export reports a problem by throwing
     * ({@link LiquidLensException} with a one-line message, or an unchecked IO error); the user sees it in an
     * error dialog.
     */
    public void addExport(String label, Export export, String extension) {
        exports.add(label, export, extension);
    }

    /** The status bar's cancel: stops every background job of the window. */
    private void cancelAll() {
        workspace.cancel();
        if (views != null) {
            views.cancel();
        }
        drive.cancel();
        exporter.cancel();
        reportAction.cancel();
        importAction.cancel();
    }

    /** The workspace every view binds to. */
    public WorkspaceViewModel workspace() {
        return workspace;
    }

    /** The playback controller that moves the workspace's cursor. */
    public Playback playback() {
        return playback;
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }

    /** Exit status for the launcher: non-zero when a probe run failed. */
    static int exitStatus() {
        return exitStatus;
    }

    /** Replaces the save dialog (tests). */
    void setSaveChooser(BiFunction<String, String, Path> chooser) {
        exports.setSaveChooser(chooser);
    }

    /** The drive's view model (tests). */
    DriveViewModel drive() {
        return drive;
    }

    /** The report's view model (tests). */
    CausalReportViewModel report() {
        return report;
    }

    /** Opens the import form on {@code checkpoint}, as File > Import checkpoint... does once a file is chosen (tests). */
    void importCheckpoint(Path checkpoint) {
        importAction.open(checkpoint);
    }

    /** The import form shown last, or null (tests). */
    ImportFormViewModel importForm() {
        return importAction.form();
    }

    /** What the window does with a file dropped on it (tests). */
    void drop(Path path) {
        dropped.accept(path);
    }

    /** Fills the report's view model as "Causality report..." does before its dialog shows (tests). */
    void fillReport() {
        reportAction.fill();
    }

    /** Replaces what happens with a written report (tests, where no dialog can open). */
    void setReportOpener(Consumer<Path> opener) {
        reportAction.setOpener(opener);
    }

    private LaunchOptions options() {
        if (preset != null) {
            return preset;
        }
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        try {
            return LaunchOptions.parse(raw);
        } catch (LiquidLensException e) {
            badArguments = e.getMessage();
            return LaunchOptions.none();
        }
    }

    private void showErrorsAsDialogs() {
        workspace.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                error(workspace.lastErrorTitle(), message);
                workspace.lastErrorProperty().set(null);
            }
        });
    }

    private void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, breakablePaths(message));
        alert.setTitle(header);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.show();
    }

    /**
     * {@code message} with a zero-width space after each path separator, so a long path wraps between its folders
     * instead of in the middle of a name.
     */
    static String breakablePaths(String message) {
        return message.replace("/", "/\u200B").replace("\\", "\\\u200B");
    }

    @Override
    public void stop() {
        if (keeper != null) {
            keeper.uninstall();
        }
        if (placement != null && stage != null) {
            placement.remember(stage, normalBounds == null ? null : normalBounds.last(), layout.splits());
        }
        if (normalBounds != null) {
            normalBounds.uninstall();
        }
        playback.pause();
        if (views != null) {
            views.close();
        }
        executor.shutdown();
    }
}
