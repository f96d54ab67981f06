package io.liquidlens.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One kind of background work where only the latest run counts (an extraction, a drive, a report): starting it
 * again cancels the run before, and the result or failure of a run that was superseded or cancelled is dropped,
 * so a slow old run can never overwrite what a newer one shows.
 */
public final class LatestTask {
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private BackgroundTask task = BackgroundTask.DONE;
    private long generation;

    /** Work of this kind, run through {@code executor}. */
    public LatestTask(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Cancels the run before and starts {@code work}; {@code onDone} or {@code onError} is called only if no
     * newer run or cancel came first, after the running flag has dropped.
     */
    public <T> void start(String title, ProgressWork<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        task.cancel();
        long mine = ++generation;
        running.set(true);
        task = executor.execute(title, work, result -> {
            if (mine == generation) {
                running.set(false);
                onDone.accept(result);
            }
        }, failure -> {
            if (mine == generation) {
                running.set(false);
                onError.accept(failure);
            }
        });
    }

    /** Stops the running work, if any; neither of its callbacks will be called. */
    public void cancel() {
        task.cancel();
        task = BackgroundTask.DONE;
        generation++;
        running.set(false);
    }

    /** True from {@link #start} until its callback or {@link #cancel}. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A message on one line (a status bar shows one line; some messages carry a file's line breaks). */
    public static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
