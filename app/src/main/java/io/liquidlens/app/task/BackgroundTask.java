package io.liquidlens.app.task;

/** A handle on work started by a {@link TaskExecutor}. */
public interface BackgroundTask {
    /** A task that has already finished. */
    BackgroundTask DONE = () -> { };

    /** Asks the work to stop; it finishes without calling its success callback. */
    void cancel();
}
