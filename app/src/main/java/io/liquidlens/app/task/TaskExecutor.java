package io.liquidlens.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs long work (loading, simulating, extracting) off the JavaFX thread. The production executor uses
 * {@code javafx.concurrent.Task}; tests use {@link #sameThread()} so view models are tested headless and
 * deterministically. Callbacks are always delivered on the thread that owns the UI state.
 */
public interface TaskExecutor {

    /**
     * Starts {@code work}; on success {@code onDone} receives its result, on failure {@code onError} its
     * exception. Returns a handle to watch progress and cancel.
     */
    <T> BackgroundTask execute(String title, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** An executor that runs everything on the calling thread (tests, command-line use). */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> BackgroundTask execute(String title, Callable<T> work, Consumer<T> onDone,
                                              Consumer<Throwable> onError) {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
                return BackgroundTask.DONE;
            }
        };
    }
}
