package io.liquidlens.app.workspace;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelSummary;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The workbench's state: the loaded model and what the status line says. Loading runs through the
 * {@link TaskExecutor}; a model that fails to load leaves the previous one in place and reports one line.
 */
public final class WorkspaceViewModel {
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No model loaded. File > Open model...");
    private final ObjectProperty<String> lastError = new SimpleObjectProperty<>();
    private BackgroundTask running = BackgroundTask.DONE;

    public WorkspaceViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Loads a model folder (or its model.json) in the background. */
    public void openModel(Path folder) {
        running.cancel();
        status.set("Loading " + folder + " ...");
        running = executor.execute("Loading model", () -> {
            LoadedModel loaded = LoadedModel.load(folder);
            return new Loaded(loaded, ModelSummary.of(loaded));
        }, done -> {
            model.set(done.model());
            summary.set(done.summary());
            status.set(describeCurrent());
        }, error -> {
            String message = error instanceof LiquidLensException ? error.getMessage()
                    : folder + ": could not be loaded (" + error + ")";
            lastError.set(message);
            status.set(describeCurrent());
        });
    }

    /** Cancels whatever is loading; the current model stays. */
    public void cancel() {
        running.cancel();
        running = BackgroundTask.DONE;
        status.set(describeCurrent());
    }

    private String describeCurrent() {
        return model.get() == null ? "No model loaded." : "Model: " + summary.get().name() + " (" + model.get().folder() + ")";
    }

    public ReadOnlyObjectProperty<LoadedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, one line; the view shows it and clears it. */
    public ObjectProperty<String> lastErrorProperty() {
        return lastError;
    }

    private record Loaded(LoadedModel model, ModelSummary summary) {
    }
}
