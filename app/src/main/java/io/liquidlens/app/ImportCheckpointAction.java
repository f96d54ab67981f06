package io.liquidlens.app;

import io.liquidlens.app.importing.ImportFormDialog;
import io.liquidlens.app.importing.ImportFormViewModel;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * File > Import checkpoint...: asks for a checkpoint, then opens the import form on it; the imported model opens
 * through the workspace's own model opening. A checkpoint dropped on the window opens the same form.
 */
final class ImportCheckpointAction {
    /** Id of the File menu's item, for tests. */
    static final String MENU_ID = "menu-import-checkpoint";
    /** The endings of the files ncps's users save their weights in. */
    private static final List<String> ENDINGS = List.of(".pt", ".pth", ".safetensors");

    private final TaskExecutor executor;
    private final WorkspaceViewModel workspace;
    private final Stage owner;
    private final KeepMaximised keeper;
    private ImportFormViewModel current;

    /**
     * Imports into {@code workspace}; tasks run on {@code executor}; the form belongs to {@code owner}, which
     * {@code keeper} keeps maximised across the file chooser.
     */
    ImportCheckpointAction(TaskExecutor executor, WorkspaceViewModel workspace, Stage owner, KeepMaximised keeper) {
        this.executor = executor;
        this.workspace = workspace;
        this.owner = owner;
        this.keeper = keeper;
    }

    /** Whether {@code path} is named like a checkpoint rather than a model folder. */
    static boolean isCheckpoint(Path path) {
        Path name = path.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return ENDINGS.stream().anyMatch(n::endsWith);
    }

    /** The one line for a checkpoint given where a model folder was expected. */
    static String notAModelFolder(Path checkpoint) {
        return checkpoint + " is a checkpoint, not a model folder (model.json + weights); make one with: liquidlens"
                + " import " + checkpoint + " --out DIR";
    }

    /** Adds "Import checkpoint..." to the File menu of {@code bar}, after its open items. */
    void addTo(MenuBar bar) {
        Menu file = bar.getMenus().get(0);
        MenuItem item = WorkbenchMenus.item("Import checkpoint...", this::chooseAndOpen);
        item.setId(MENU_ID);
        int separator = 0;
        while (separator < file.getItems().size() && !(file.getItems().get(separator) instanceof SeparatorMenuItem)) {
            separator++;
        }
        file.getItems().add(separator, item);
    }

    /**
     * What the window does with a dropped file: a checkpoint is said to be one in {@code say} and opens the form;
     * anything else goes to {@code otherwise}.
     */
    Consumer<Path> onDrop(Consumer<Path> otherwise, Consumer<String> say) {
        return path -> {
            if (isCheckpoint(path)) {
                say.accept(path.getFileName() + " is a checkpoint, not a model folder: import it with the form");
                open(path);
            } else {
                otherwise.accept(path);
            }
        };
    }

    /** Opens the form on {@code checkpoint}: it is read in the background while the form shows. */
    void open(Path checkpoint) {
        cancel();
        current = new ImportFormViewModel(executor, workspace::openModel);
        current.inspect(checkpoint);
        new ImportFormDialog(current, owner).show();
    }

    /** Stops the form's reading or writing, if any. */
    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** The form's view model shown last, or null (tests). */
    ImportFormViewModel form() {
        return current;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import an ncps checkpoint");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Checkpoints (*.pt, *.pth, *.safetensors)",
                "*.pt", "*.pth", "*.safetensors"));
        File chosen = keeper.around(() -> chooser.showOpenDialog(owner));
        if (chosen != null) {
            open(chosen.toPath());
        }
    }
}
