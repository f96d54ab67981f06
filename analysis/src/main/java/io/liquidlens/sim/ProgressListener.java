package io.liquidlens.sim;

/**
 * Progress and cancellation for long simulations (plain Java, no UI types). Called from worker threads,
 * so implementations must be thread-safe and cheap.
 */
public interface ProgressListener {

    /** Does nothing and never cancels. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} sample-steps are finished. */
    void progress(long done, long total);

    /** Polled regularly; returning true stops the run with a {@link java.util.concurrent.CancellationException}. */
    default boolean isCancelled() {
        return false;
    }
}
