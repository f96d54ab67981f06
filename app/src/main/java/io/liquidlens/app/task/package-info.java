/**
 * Background work, the one place where the app starts threads: a {@link io.liquidlens.app.task.TaskExecutor} runs
 * loading, simulating, extracting, saliency, reports and exports off the JavaFX thread ({@link
 * io.liquidlens.app.task.FxTaskExecutor} with {@code javafx.concurrent.Task}; tests run the work on the calling
 * thread), with progress and cancel through a {@link io.liquidlens.app.task.ProgressSink}, which is also an {@code
 * analysis} progress listener; {@link io.liquidlens.app.task.LatestTask} is work where only the latest run counts.
 * Depends on {@code javafx.concurrent} and {@code analysis}'s {@code sim} ({@code ProgressListener}); nothing else of
 * the app.
 */
package io.liquidlens.app.task;
