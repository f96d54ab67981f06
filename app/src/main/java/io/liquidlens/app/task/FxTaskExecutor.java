package io.liquidlens.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The production executor: each piece of work is a JavaFX {@link Task} on a daemon worker thread, so the
 * UI thread only draws. Exposes whether something is running and what, for the status bar.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "liquidlens-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");

    @Override
    public <T> BackgroundTask execute(String title, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onError.accept(task.getException());
        });
        task.setOnCancelled(e -> finished());
        busy.set(true);
        activity.set(title);
        workers.submit(task);
        return () -> task.cancel(true);
    }

    private void finished() {
        busy.set(false);
        activity.set("");
    }

    /** True while work runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is running, for the status line. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Stops the worker threads (at application exit). */
    public void shutdown() {
        workers.shutdownNow();
    }
}
