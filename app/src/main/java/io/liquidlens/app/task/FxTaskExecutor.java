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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
    private final ObservableList<Running> running = FXCollections.observableArrayList();
    private final ObservableList<Running> runningView = FXCollections.unmodifiableObservableList(running);
    private Task<?> current;

    /**
     * One piece of work while it runs, for the tasks list: its title, latest message, progress and when it started.
     */
    public static final class Running {
        private final String title;
        private final Task<?> task;
        private final long startedNanos = System.nanoTime();

        private Running(String title, Task<?> task) {
            this.title = title;
            this.task = task;
        }

        /** The title it was started with, e.g. "Simulating episode-0000.npz". */
        public String title() {
            return title;
        }

        /** Its latest message. */
        public ReadOnlyStringProperty messageProperty() {
            return task.messageProperty();
        }

        /** Its progress in [0, 1], or -1 while unknown. */
        public ReadOnlyDoubleProperty progressProperty() {
            return task.progressProperty();
        }

        /** Seconds left at the pace so far, or NaN while the progress is unknown or zero. */
        public double secondsLeft(long nowNanos) {
            double p = task.getProgress();
            if (!(p > 0) || p > 1) {
                return Double.NaN;
            }
            double elapsed = (nowNanos - startedNanos) / 1e9;
            return elapsed * (1 - p) / p;
        }

        /** Stops it. */
        public void cancel() {
            task.cancel(true);
        }
    }

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
        Running entry = new Running(title, task);
        running.add(entry);
        task.setOnSucceeded(e -> {
            running.remove(entry);
            finished(task);
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(entry);
            finished(task);
            // work that noticed the cancellation itself ends as "failed" with this exception: not an error
            if (!(task.getException() instanceof CancellationException)) {
                onError.accept(task.getException());
            }
        });
        task.setOnCancelled(e -> {
            running.remove(entry);
            finished(task);
        });
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

    /** Every piece of work running now, oldest first (the status bar's tasks list). */
    public ObservableList<Running> running() {
        return runningView;
    }

    /** Stops the worker threads (at application exit). */
    public void shutdown() {
        workers.shutdownNow();
    }
}
