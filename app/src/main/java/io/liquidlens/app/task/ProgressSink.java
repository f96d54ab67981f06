package io.liquidlens.app.task;

import io.liquidlens.sim.ProgressListener;

/**
 * What a piece of background work sees of its task: where to report progress and whether it has been
 * cancelled. It is an analysis {@link ProgressListener}, so work can hand it straight to
 * {@code Activities.simulate} and a Cancel click stops the simulation at its next poll.
 */
public interface ProgressSink extends ProgressListener {

    /** Ignores progress and is never cancelled. */
    ProgressSink NONE = (done, total) -> { };

    /** Says what the work is doing now (shown next to the progress bar). */
    default void message(String text) {
    }

    /** Throws {@link java.util.concurrent.CancellationException} when the task has been cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }
}
