package io.liquidlens.app.task;

/**
 * Background work that reports progress and polls for cancellation through its {@link ProgressSink}.
 *
 * @param <T> what the work produces
 */
@FunctionalInterface
public interface ProgressWork<T> {
    /** Does the work; called on a worker thread by the production executor. */
    T run(ProgressSink progress) throws Exception;
}
