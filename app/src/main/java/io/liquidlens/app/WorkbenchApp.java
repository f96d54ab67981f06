package io.liquidlens.app;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.drive.DriveViewModel;
import io.liquidlens.app.drive.DrivenPathsView;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import io.liquidlens.app.export.Exporter;
import io.liquidlens.app.playback.Playback;
import io.liquidlens.app.playback.PlaybackBar;
import io.liquidlens.app.playback.PlaybackKeys;
import io.liquidlens.app.playback.ProbeRun;
import io.liquidlens.app.report.CausalReportDialog;
import io.liquidlens.app.report.CausalReportViewModel;
import io.liquidlens.app.saliency.SaliencyPanelView;
import io.liquidlens.app.saliency.SaliencyPanelViewModel;
import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.tree.TreePanelView;
import io.liquidlens.app.tree.TreePanelViewModel;
import io.liquidlens.app.workspace.ModelPanelView;
import io.liquidlens.app.workspace.RecentFiles;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import io.liquidlens.app.graph.WiringGraphView;
import io.liquidlens.app.input.InputFrameView;
import io.liquidlens.app.traces.TraceChartsView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The LiquidLens workbench window. Layout: menu bar and the playback toolbar on top; the wiring graph
 * (left) beside a tab pane holding the input view, the model panel, the Tree tab and the Saliency tab (right);
 * the traces below, behind a divider the user can drag; a status line with progress and cancel at the bottom.
 *
 * <p>Wiring for the views built elsewhere: each lives in a named slot ({@link #GRAPH_SLOT_ID},
 * {@link #TRACES_SLOT_ID}, {@link #INPUT_SLOT_ID}) filled by {@link #placeViews(Node, Node, Node)}, and each
 * export is one {@link #addExport(String, Export, String)} line; both belong in {@link #installViews()}.
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
    /**
     * One flat fill for the split panes. Their default two-fill background (border, then inset body) is drawn
     * on the software pipeline by stretching a cached image over the whole pane, and the whole window lies
     * over these panes: every frame of playback paid for it wherever anything moved.
     */
    static final String FLAT_SPLIT_STYLE = "-fx-background-color: -fx-box-border; -fx-background-insets: 0;";

    private static volatile int exitStatus;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final LaunchOptions preset;
    private final long startedNanos = System.nanoTime();
    private WorkspaceViewModel workspace;
    private Exporter exporter;
    private Playback playback;
    private WiringGraphView graphView;
    private Stage stage;
    private final StackPane graphSlot = slot(GRAPH_SLOT_ID, "Wiring graph");
    private final StackPane tracesSlot = slot(TRACES_SLOT_ID, "Neuron traces");
    private final StackPane inputSlot = slot(INPUT_SLOT_ID, "Input at the cursor");
    private final StackPane treeSlot = slot(TREE_SLOT_ID, "Decision tree");
    private TreePanelViewModel tree;
    private final StackPane saliencySlot = slot(SALIENCY_SLOT_ID, "Saliency maps");
    private final Tab saliencyTab = new Tab("Saliency", saliencySlot);
    private SaliencyPanelViewModel saliency;
    private CausalReportViewModel report;
    private DriveViewModel drive;
    private Stage pathsWindow;
    private final Label reportLine = new Label();
    private final Menu recentMenu = new Menu("Recent");
    private final Menu exportMenu = new Menu("Export");
    /** Asks where to save: (title, extension) to a path or null. Replaced in tests, where no dialog can open. */
    private BiFunction<String, String, Path> saveChooser = this::chooseSaveFile;
    /** What is done with a written report's index.html: offered to open. Replaced in tests. */
    private Consumer<Path> reportOpener = this::offerToOpen;
    /** What was wrong with the command line, shown once the window is up. */
    private String badArguments;

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
        workspace = new WorkspaceViewModel(executor, RecentFiles.fromUserPreferences());
        exporter = new Exporter(executor, message -> error("Cannot export", message));
        report = new CausalReportViewModel(executor);
        watchReport();
        drive = new DriveViewModel(workspace, executor);
        watchDrive();
        playback = new Playback(workspace.cursor());

        BorderPane root = new BorderPane();
        root.setTop(new VBox(menu(), new PlaybackBar(playback)));
        root.setCenter(centre());
        root.setBottom(statusBar());
        if (!probe) {
            showErrorsAsDialogs();
        }
        acceptDrops(root);
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        PlaybackKeys.install(scene, playback);
        stage.setTitle("LiquidLens " + Version.current());
        workspace.summaryProperty().addListener((obs, old, s) ->
                stage.setTitle("LiquidLens " + Version.current() + (s == null ? "" : " - " + s.name())));
        stage.setScene(scene);
        stage.show();
        installViews();
        if (badArguments != null) {
            workspace.lastErrorProperty().set(badArguments);
        }
        if (probe) {
            startProbe(options, scene);
        }
        if (options.model() != null) {
            workspace.open(options.model(), options.rollout());
        }
    }

    /**
     * Where the integrator plugs in the views built in other packages, e.g.
     * {@code placeViews(new WiringGraphView(workspace), new TracesView(workspace), new InputView(workspace))}
     * and one {@code addExport(...)} per export. Runs once, after the window is shown and before the start-up
     * model is opened, so views see that model arrive like any other.
     */
    private void installViews() {
        graphView = new WiringGraphView(workspace, executor);
        TraceChartsView traces = new TraceChartsView(workspace, exporter);
        InputFrameView input = new InputFrameView(workspace, exporter);
        placeViews(graphView, traces, input);
        MenuItem driveItem = new MenuItem("Drive with clamp...");
        driveItem.setId(DRIVE_ID);
        driveItem.setOnAction(e -> openDriveDialog());
        graphView.addNeuronMenuItem(driveItem);
        addExport("Window as PNG...", windowPngExport(), "png");
        addExport("Wiring graph as PNG...", graphView.pngExport(), "png");
        addExport("Wiring graph as SVG...", graphView.svgExport(), "svg");
        for (TraceChartsView.Chart chart : TraceChartsView.Chart.values()) {
            String name = chart.name().toLowerCase(java.util.Locale.ROOT);
            addExport("Chart " + name + " as PNG...", traces.pngExport(chart), "png");
            addExport("Chart " + name + " as SVG...", traces.svgExport(chart), "svg");
        }
        addExport("Traces as CSV...", traces.csvExport(), "csv");
        addExport("Input frame as PNG...", input.pngExport(), "png");
        installTree();
        installSaliency();
    }

    /** The Saliency tab: maps at the cursor, clean beside perturbed; it computes only while its tab is shown. */
    private void installSaliency() {
        saliency = new SaliencyPanelViewModel(workspace, executor);
        saliency.activeProperty().bind(saliencyTab.selectedProperty());
        fill(saliencySlot, new SaliencyPanelView(saliency));
    }

    /** The Tree tab: extraction on the loaded model and rollout, the tree at the cursor, its exports. */
    private void installTree() {
        tree = new TreePanelViewModel(workspace, executor);
        TreePanelView panel = new TreePanelView(tree);
        fill(treeSlot, panel);
        Export dot = tree.exportOf(TreePanelViewModel.DOT);
        addExport("Tree as DOT...", dot, "dot");
        panel.addExport("DOT...", "tree-export-dot", exportAction("Tree as DOT...", dot, "dot"));
        Export pdf = tree.exportOf(TreePanelViewModel.PDF);
        addExport("Tree as PDF...", pdf, "pdf");
        panel.addExport("PDF...", "tree-export-pdf", exportAction("Tree as PDF...", pdf, "pdf"));
    }

    /**
     * Puts the three views into their slots (a null argument leaves that slot's placeholder). Each view fills
     * its slot; it should bind to {@link #workspace()} (model, activity, cursor, selection) itself.
     */
    public void placeViews(Node graph, Node traces, Node input) {
        fill(graphSlot, graph);
        fill(tracesSlot, traces);
        fill(inputSlot, input);
    }

    /**
     * Adds {@code label} to the Export menu: choosing it asks for a file ending in {@code .extension}, captures
     * what {@code export} shows at once on the JavaFX thread (snapshots need that thread) and writes it as a
     * background task, with progress and cancel in the status bar. An export reports a problem by throwing
     * ({@link LiquidLensException} with a one-line message, or an unchecked IO error); the user sees it in an
     * error dialog.
     */
    public void addExport(String label, Export export, String extension) {
        MenuItem item = new MenuItem(label);
        item.setId("export-" + label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "").toLowerCase(Locale.ROOT));
        Runnable action = exportAction(label, export, extension);
        item.setOnAction(e -> action.run());
        exportMenu.getItems().add(item);
    }

    /** Asks for a file ending in {@code .extension}, then exports to it in the background (errors in a dialog). */
    private Runnable exportAction(String label, Export export, String extension) {
        return () -> {
            Path target = saveChooser.apply(label, extension);
            if (target != null) {
                exporter.export("Exporting " + label.replace("...", "").toLowerCase(Locale.ROOT), export, target);
            }
        };
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
        this.saveChooser = chooser;
    }

    /**
     * What the window shows, as PNG: the snapshot is taken on the JavaFX thread; converting and encoding it (as
     * long again as the snapshot for a full window) run off it, and the file is replaced atomically.
     */
    Export windowPngExport() {
        return file -> {
            WritableImage image = stage.getScene().snapshot(null);
            return progress -> ExportFiles.writePng(file, progress, image);
        };
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

    private void startProbe(LaunchOptions options, Scene scene) {
        Consumer<Integer> exit = code -> {
            exitStatus = code;
            Platform.exit();
        };
        if (options.model() == null || options.rollout() == null) {
            System.out.println("probe: needs a model and a rollout (none found)");
            exit.accept(1);
            return;
        }
        new ProbeRun(workspace, playback, scene, options.probeSeconds(), options.speed(), startedNanos,
                System.out::println, exit::accept).arm();
    }

    private Node centre() {
        TabPane side = new TabPane(new Tab("Input", inputSlot), new Tab("Model", new ModelPanelView(workspace)),
                new Tab("Tree", treeSlot), saliencyTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("side-tabs");
        SplitPane top = new SplitPane(graphSlot, side);
        top.setDividerPositions(0.6);
        top.setStyle(FLAT_SPLIT_STYLE);
        SplitPane main = new SplitPane(top, tracesSlot);
        main.setId(MAIN_SPLIT_ID);
        main.setOrientation(Orientation.VERTICAL);
        // the traces get nearly half: three charts side by side need that height to read their axes
        main.setDividerPositions(0.57);
        main.setStyle(FLAT_SPLIT_STYLE);
        return main;
    }

    private static StackPane slot(String id, String placeholder) {
        Label hint = new Label(placeholder);
        hint.setStyle("-fx-text-fill: #8a8a8a; -fx-font-size: 15px;");
        StackPane pane = new StackPane(hint);
        pane.setId(id);
        pane.setMinSize(120, 80);
        pane.setStyle("-fx-background-color: #f6f7f9;");
        return pane;
    }

    private static void fill(StackPane slot, Node view) {
        if (view != null) {
            slot.getChildren().setAll(view);
        }
    }

    private void showErrorsAsDialogs() {
        workspace.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                error("Cannot open", message);
                workspace.lastErrorProperty().set(null);
            }
        });
    }

    private void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.show();
    }

    private void acceptDrops(Node root) {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.ANY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                workspace.openDropped(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private MenuBar menu() {
        MenuItem openModel = new MenuItem("Open model...");
        openModel.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openModel.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a model folder (model.json + weights)");
            initialFolder(workspace.recent().models()).ifPresent(chooser::setInitialDirectory);
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                workspace.openModel(dir.toPath());
            }
        });
        MenuItem openRollout = new MenuItem("Open rollout...");
        openRollout.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openRollout.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a rollout");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rollouts (*.npz)", "*.npz"));
            initialFolder(workspace.recent().rollouts()).ifPresent(chooser::setInitialDirectory);
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                workspace.openRollout(file.toPath());
            }
        });
        MenuItem openRolloutFolder = new MenuItem("Open rollout folder (first episode)...");
        openRolloutFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a folder of rollouts (its first episode)");
            initialFolder(workspace.recent().rollouts()).ifPresent(chooser::setInitialDirectory);
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                workspace.openRollout(dir.toPath());
            }
        });
        recentMenu.setId(RECENT_MENU_ID);
        workspace.recent().models().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        workspace.recent().rollouts().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, openModel, openRollout, openRolloutFolder, recentMenu,
                new SeparatorMenuItem(), quit);
        exportMenu.setId(EXPORT_MENU_ID);
        MenuItem causality = new MenuItem("Causality report...");
        causality.setId(CAUSALITY_REPORT_ID);
        causality.setOnAction(e -> openReportDialog());
        MenuItem driveItem = new MenuItem("Drive with clamp...");
        driveItem.setOnAction(e -> openDriveDialog());
        return new MenuBar(file, exportMenu, new Menu("Report", null, causality, driveItem));
    }

    /** The drive's view model (tests). */
    DriveViewModel drive() {
        return drive;
    }

    /**
     * Asks for the held-out episode's seed and steps, then drives it with the clamps and without them in the
     * background; the paths open in their own window.
     */
    void openDriveDialog() {
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Drive with clamp");
        String clamps = workspace.describeClamps();
        dialog.setHeaderText("One held-out sample-world episode, closed loop, " + (clamps.isEmpty()
                ? "with nothing clamped" : "with " + clamps) + ", against the unclamped network");
        javafx.scene.control.Spinner<Integer> seed = new javafx.scene.control.Spinner<>(0, Integer.MAX_VALUE,
                drive.seedProperty().get());
        seed.setEditable(true);
        javafx.scene.control.Spinner<Integer> steps = new javafx.scene.control.Spinner<>(1, 100_000,
                drive.stepsProperty().get());
        steps.setEditable(true);
        dialog.getDialogPane().setContent(new HBox(8, new Label("seed"), seed, new Label("steps"), steps));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.initOwner(stage);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            drive.seedProperty().set(seed.getValue());
            drive.stepsProperty().set(steps.getValue());
            reportLine.setText("Driving ...");
            drive.drive();
        });
    }

    /** A drive's outcome: the paths in their window, a failure one line in the status bar. */
    private void watchDrive() {
        drive.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                reportLine.setText(message);
                drive.errorProperty().set(null);
            }
        });
        drive.pathsProperty().addListener((obs, old, paths) -> {
            if (paths == null) {
                return;
            }
            reportLine.setText("Driven: " + paths.clampedCrashes() + " crash(es) with " + paths.clamps() + ", "
                    + paths.ownCrashes() + " without");
            if (pathsWindow == null) {
                pathsWindow = new Stage();
                pathsWindow.setTitle("The car's path with and without the clamps");
                pathsWindow.initOwner(stage);
                pathsWindow.setScene(new Scene(new DrivenPathsView(drive), 720, 480));
            }
            pathsWindow.show();
            pathsWindow.toFront();
        });
    }

    /** The report's view model (tests). */
    CausalReportViewModel report() {
        return report;
    }

    /**
     * Opens the causality report dialog, filled with the loaded model and the loaded rollout's folder; "Run" starts
     * the report in the background (progress and cancel in the status bar).
     */
    void openReportDialog() {
        if (workspace.modelProperty().get() != null && report.models().isEmpty()) {
            report.models().add(workspace.modelProperty().get().folder());
        }
        Path rollout = workspace.rolloutFileProperty().get();
        if (rollout != null && report.rolloutsProperty().get() == null) {
            report.rolloutsProperty().set(rollout.toAbsolutePath().getParent());
        }
        CausalReportDialog dialog = new CausalReportDialog(report, stage);
        dialog.showAndWait().filter(b -> b == CausalReportDialog.RUN).ifPresent(b -> {
            reportLine.setText("Causality report running ...");
            report.run();
        });
    }

    /** The report's outcome: a failure is one line in the status bar; success offers to open index.html. */
    private void watchReport() {
        reportLine.setId(REPORT_LINE_ID);
        report.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                reportLine.setText("Causality report: " + message);
                report.errorProperty().set(null);
            }
        });
        report.writtenProperty().addListener((obs, old, index) -> {
            if (index == null) {
                return;
            }
            reportLine.setText("Causality report written: " + index);
            reportOpener.accept(index);
        });
    }

    /** Asks whether to open the written report in the browser, and opens it. */
    private void offerToOpen(Path index) {
        Alert open = new Alert(Alert.AlertType.CONFIRMATION, "Open " + index + " in the browser?",
                ButtonType.YES, ButtonType.NO);
        open.setHeaderText("Causality report written");
        open.initOwner(stage);
        open.showAndWait().filter(b -> b == ButtonType.YES)
                .ifPresent(b -> getHostServices().showDocument(index.toUri().toString()));
    }

    /** Replaces what happens with a written report (tests, where no dialog can open). */
    void setReportOpener(Consumer<Path> opener) {
        this.reportOpener = opener;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        addRecent("Models", workspace.recent().models(), "recent-model-", workspace::openModel);
        addRecent("Rollouts", workspace.recent().rollouts(), "recent-rollout-", workspace::openRollout);
        MenuItem clear = new MenuItem("Clear recent");
        clear.setOnAction(e -> workspace.recent().clear());
        recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    private void addRecent(String heading, List<Path> paths, String idPrefix, Consumer<Path> open) {
        MenuItem head = new MenuItem(heading);
        head.setDisable(true);
        recentMenu.getItems().add(head);
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setId(idPrefix + i);
            item.setOnAction(e -> open.accept(p));
            recentMenu.getItems().add(item);
        }
    }

    private static java.util.Optional<File> initialFolder(List<Path> recent) {
        return recent.stream().map(Path::getParent).filter(p -> p != null && p.toFile().isDirectory())
                .map(Path::toFile).findFirst();
    }

    private Path chooseSaveFile(String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                extension.toUpperCase(Locale.ROOT) + " (*." + extension + ")", "*." + extension));
        chooser.setInitialFileName("liquidlens." + extension);
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return null;
        }
        Path p = f.toPath();
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension) ? p
                : p.resolveSibling(p.getFileName() + "." + extension);
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(workspace.statusProperty());
        Label activity = new Label();
        activity.textProperty().bind(executor.activityProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId(PROGRESS_ID);
        progress.progressProperty().bind(executor.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> {
            workspace.cancel();
            if (tree != null) {
                tree.cancel();
            }
            if (saliency != null) {
                saliency.cancel();
            }
            drive.cancel();
            exporter.cancel();
            if (report.runningProperty().get()) {
                report.cancel();
                reportLine.setText("Causality report cancelled");
            }
        });
        for (Node n : List.of(activity, progress, cancel)) {
            n.visibleProperty().bind(executor.busyProperty());
            n.managedProperty().bind(executor.busyProperty());
        }
        reportLine.setMaxWidth(420);
        HBox bar = new HBox(8, status, reportLine, activity, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    @Override
    public void stop() {
        playback.pause();
        if (graphView != null) {
            // GraphStream's viewer keeps threads alive otherwise (docs/DESIGN.md#graphstream-viewer)
            graphView.close();
        }
        executor.shutdown();
    }
}
