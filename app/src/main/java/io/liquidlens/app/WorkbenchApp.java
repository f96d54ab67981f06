package io.liquidlens.app;

import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.workspace.ModelPanelView;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/**
 * The LiquidLens workbench window: a model panel, a status line with progress and cancel, File > Open
 * model (or drop a model folder on the window). The wiring graph, traces and input views arrive with the
 * desktop issue. A model folder given as the first argument is opened at start.
 */
public final class WorkbenchApp extends Application {
    /** Node id of the status line, for tests. */
    public static final String STATUS_ID = "status";

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private WorkspaceViewModel workspace;

    @Override
    public void start(Stage stage) {
        workspace = new WorkspaceViewModel(executor);
        BorderPane root = new BorderPane();
        root.setTop(menu(stage));
        root.setCenter(new ModelPanelView(workspace));
        root.setBottom(statusBar());
        workspace.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, message);
                alert.setHeaderText("Cannot open the model");
                alert.initOwner(stage);
                alert.show();
                workspace.lastErrorProperty().set(null);
            }
        });
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.LINK);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                workspace.openModel(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        stage.setTitle("LiquidLens " + Version.current());
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
        List<String> args = getParameters() == null ? List.of() : getParameters().getUnnamed();
        if (!args.isEmpty()) {
            workspace.openModel(Path.of(args.get(0)));
        }
    }

    /** The view model, for tests. */
    WorkspaceViewModel workspace() {
        return workspace;
    }

    private MenuBar menu(Stage stage) {
        MenuItem open = new MenuItem("Open model...");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a model folder (model.json + weights)");
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                workspace.openModel(dir.toPath());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        return new MenuBar(new Menu("File", null, open, quit));
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(workspace.statusProperty());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> workspace.cancel());
        progress.visibleProperty().bind(executor.busyProperty());
        cancel.visibleProperty().bind(executor.busyProperty());
        HBox bar = new HBox(8, status, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    @Override
    public void stop() {
        executor.shutdown();
    }
}
