package io.liquidlens.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs long work (loading, simulating, extracting) off the JavaFX thread. The production executor uses
 * {@code javafx.concurrent.Task}; tests use {@link #sameThread()} so view models are tested headless and
 * deterministically. Callbacks are always delivered on the thread that owns the UI state, and never after
 * the task has been cancelled.
 */
public interface TaskExecutor {

    /**
     * Starts {@code work}, which may report progress and poll for cancellation through its
     * {@link ProgressSink}; on success {@code onDone} receives its result, on failure {@code onError} its
     * exception. A cancelled task calls neither. Returns a handle to cancel it.
     */
    <T> BackgroundTask execute(String title, ProgressWork<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** {@link #execute(String, ProgressWork, Consumer, Consumer)} for work that reports no progress. */
    default <T> BackgroundTask execute(String title, Callable<T> work, Consumer<T> onDone,
                                       Consumer<Throwable> onError) {
        return execute(title, (ProgressWork<T>) progress -> work.call(), onDone, onError);
    }

    /** An executor that runs everything on the calling thread (tests, command-line use); it never cancels. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> BackgroundTask execute(String title, ProgressWork<T> work, Consumer<T> onDone,
                                              Consumer<Throwable> onError) {
                T result;
                try {
                    result = work.run(ProgressSink.NONE);
                } catch (Exception e) {
                    onError.accept(e);
                    return BackgroundTask.DONE;
                }
                onDone.accept(result);
                return BackgroundTask.DONE;
            }
        };
    }
}
