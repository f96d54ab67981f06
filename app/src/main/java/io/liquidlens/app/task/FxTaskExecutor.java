package io.liquidlens.app.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The production executor: each piece of work is a JavaFX {@link Task} on a daemon worker thread, so the
 * UI thread only draws. Exposes what the most recently started task is doing (busy, title or message,
 * progress) for the status bar; a task that was superseded or cancelled no longer moves those properties.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "liquidlens-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private Task<?> current;

    @Override
    public <T> BackgroundTask execute(String title, ProgressWork<T> work, Consumer<T> onDone,
                                      Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return work.run(sinkOf(this));
            }

            private ProgressSink sinkOf(Task<T> self) {
                return new ProgressSink() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }
                };
            }
        };
        task.setOnSucceeded(e -> {
            finished(task);
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            // work that noticed the cancellation itself ends as "failed" with this exception: not an error
            if (!(task.getException() instanceof CancellationException)) {
                onError.accept(task.getException());
            }
        });
        task.setOnCancelled(e -> finished(task));
        follow(task);
        workers.submit(task);
        return () -> task.cancel(true);
    }

    private void follow(Task<?> task) {
        unfollow();
        current = task;
        busy.set(true);
        activity.bind(task.messageProperty());
        progress.bind(task.progressProperty());
    }

    private void finished(Task<?> task) {
        if (task == current) {
            unfollow();
            current = null;
            busy.set(false);
            activity.set("");
            progress.set(-1);
        }
    }

    private void unfollow() {
        activity.unbind();
        progress.unbind();
    }

    /** True while the most recently started work runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is running (its title or latest message), for the status line. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Progress of the running work in [0, 1], or -1 when unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Stops the worker threads (at application exit). */
    public void shutdown() {
        workers.shutdownNow();
    }
}
